import { describe, expect, it, onTestFinished } from 'vitest';
import { LocalAnnouncedAgreements, type AnnouncedAgreements } from '../../server/proposals/AnnouncedAgreements.js';
import { RedisAnnouncedAgreements } from '../../server/cluster/RedisAnnouncedAgreements.js';
import { RedisServer } from '../helpers/RedisServer.js';
import { waitFor } from '../helpers/waitFor.js';

const changed = { agreedHash: 'h1', isChanged: true };
const unchanged = { agreedHash: 'h1', isChanged: false };

/** Two instances' checks of one plan: B saw the edit (clock 12), C had not received it yet (clock 10). */
async function expectStaleCheckIgnored(records: AnnouncedAgreements): Promise<void> {
  expect(await records.swap('plan-a', new Map([['KI-1', unchanged]]), ['KI-1'], 10)).toEqual(new Map());
  expect(await records.swap('plan-a', new Map([['KI-1', changed]]), ['KI-1'], 12)).toEqual(new Map([['KI-1', unchanged]]));
  // The stale copy would read "back to agreed" and announce a flip the next update undoes.
  expect(await records.swap('plan-a', new Map([['KI-1', unchanged]]), ['KI-1'], 10)).toBeNull();
  // Once the edit reached it, its check sees what was recorded: no flip.
  expect(await records.swap('plan-a', new Map([['KI-1', changed]]), ['KI-1'], 12)).toEqual(new Map([['KI-1', changed]]));
  // An edit back, seen later still (clock 15): a real flip, reported.
  expect(await records.swap('plan-a', new Map([['KI-1', unchanged]]), ['KI-1'], 15)).toEqual(new Map([['KI-1', changed]]));
  // Other plans are independent.
  expect(await records.swap('plan-b', new Map([['KI-1', changed]]), ['KI-1'], 1)).toEqual(new Map());
}

describe('announced agreement states', () => {
  it('in one process, ignore a check of an older state of the document', async () => {
    await expectStaleCheckIgnored(new LocalAnnouncedAgreements());
  });

  it('shared through Redis, ignore a check of an older state from another instance', async () => {
    const redis = await RedisServer.start();
    onTestFinished(() => redis.stop());
    const records = new RedisAnnouncedAgreements(redis.url);
    onTestFinished(() => records.close());
    const other = new RedisAnnouncedAgreements(redis.url);
    onTestFinished(() => other.close());
    // Until both are connected each falls back to its own records; only Redis makes `other`'s check stale for `records`.
    let probeClock = 0;
    await waitFor(async () => {
      probeClock += 10;
      await other.swap('probe', new Map(), [], probeClock);
      return (await records.swap('probe', new Map(), [], probeClock - 1)) === null;
    }, { message: 'the two instances never shared records through Redis' });
    await expectStaleCheckIgnored(records);
    expect(await other.swap('plan-a', new Map([['KI-1', changed]]), ['KI-1'], 14)).toBeNull();
    expect(await other.swap('plan-a', new Map([['KI-1', changed]]), ['KI-1'], 15)).toEqual(new Map([['KI-1', unchanged]]));
  });
});
