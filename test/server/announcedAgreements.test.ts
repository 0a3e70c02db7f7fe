import { describe, expect, it, onTestFinished } from 'vitest';
import { LocalAnnouncedAgreements, type AnnouncedAgreements } from '../../server/proposals/AnnouncedAgreements.js';
import { RedisAnnouncedAgreements } from '../../server/cluster/RedisAnnouncedAgreements.js';
import { RedisServer } from '../helpers/RedisServer.js';
import { waitFor } from '../helpers/waitFor.js';

const changed = { agreementSeq: 7, isChanged: true };
const unchanged = { agreementSeq: 7, isChanged: false };

/** Two instances' checks of one plan: B saw the edit (clock 12), C had not received it yet (clock 10). */
async function expectStaleCheckIgnored(records: AnnouncedAgreements): Promise<void> {
  expect(await records.swap('plan-a', new Map([['KI-1', unchanged]]), 10)).toEqual(new Map());
  expect(await records.swap('plan-a', new Map([['KI-1', changed]]), 12)).toEqual(new Map([['KI-1', unchanged]]));
  // The stale copy would read "back to agreed" and announce a flip the next update undoes.
  expect(await records.swap('plan-a', new Map([['KI-1', unchanged]]), 10)).toBeNull();
  // Once the edit reached it, its check sees what was recorded: no flip.
  expect(await records.swap('plan-a', new Map([['KI-1', changed]]), 12)).toEqual(new Map([['KI-1', changed]]));
  // An edit back, seen later still (clock 15): a real flip, reported.
  expect(await records.swap('plan-a', new Map([['KI-1', unchanged]]), 15)).toEqual(new Map([['KI-1', changed]]));
  // Other plans are independent.
  expect(await records.swap('plan-b', new Map([['KI-1', changed]]), 1)).toEqual(new Map());
}

/**
 * Two instances' checks after a second block, KI-2, was agreed (seq 9): B read the register after the
 * decision, C before it (its check was slow to start), so C knows KI-1 and not KI-2.
 */
async function expectCheckOfAnOlderRegisterIgnored(records: AnnouncedAgreements): Promise<void> {
  const changedTwo = { agreementSeq: 9, isChanged: true };
  expect(await records.swap('plan-c', new Map([['KI-1', unchanged]]), 20)).toEqual(new Map());
  expect(await records.swap('plan-c', new Map([['KI-1', unchanged], ['KI-2', changedTwo]]), 25)).toEqual(new Map([['KI-1', unchanged]]));
  // C does not know KI-2: its record stays, so B's or C's next check does not announce the change again.
  expect(await records.swap('plan-c', new Map([['KI-1', unchanged]]), 25)).toEqual(new Map([['KI-1', unchanged]]));
  expect(await records.swap('plan-c', new Map([['KI-1', unchanged], ['KI-2', changedTwo]]), 25)).toEqual(new Map([['KI-1', unchanged], ['KI-2', changedTwo]]));
  // KI-2 reopened and agreed again (seq 12): a check still knowing seq 9 records nothing.
  const reagreed = { agreementSeq: 12, isChanged: false };
  expect(await records.swap('plan-c', new Map([['KI-2', reagreed]]), 26)).toEqual(new Map([['KI-2', changedTwo]]));
  expect(await records.swap('plan-c', new Map([['KI-2', { agreementSeq: 9, isChanged: false }]]), 27)).toBeNull();
  expect(await records.swap('plan-c', new Map([['KI-2', { agreementSeq: 12, isChanged: true }]]), 27)).toEqual(new Map([['KI-2', reagreed]]));
}

describe('announced agreement states', () => {
  it('in one process, ignore a check of an older state of the document', async () => {
    await expectStaleCheckIgnored(new LocalAnnouncedAgreements());
  });

  it('in one process, ignore a check that read the register before the latest decision', async () => {
    await expectCheckOfAnOlderRegisterIgnored(new LocalAnnouncedAgreements());
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
      await other.swap('probe', new Map(), probeClock);
      return (await records.swap('probe', new Map(), probeClock - 1)) === null;
    }, { message: 'the two instances never shared records through Redis' });
    await expectStaleCheckIgnored(records);
    await expectCheckOfAnOlderRegisterIgnored(records);
    expect(await other.swap('plan-a', new Map([['KI-1', changed]]), 14)).toBeNull();
    expect(await other.swap('plan-a', new Map([['KI-1', changed]]), 15)).toEqual(new Map([['KI-1', unchanged]]));
  });
});
