import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import { PasswordHasher } from '../../server/accounts/PasswordHasher.js';
import { hashPassword } from '../../server/accounts/passwordHash.js';

type Outcome = { checked: boolean } | { refused: string };

const outcomeOf = (check: Promise<boolean>): Promise<Outcome> =>
  check.then(
    () => ({ checked: true }),
    (error: unknown) => ({ refused: error instanceof AppError ? error.code : String(error) }),
  );

describe('PasswordHasher', () => {
  it('a burst of 100 checks in one tick: two run, four wait, the other 94 are refused serverBusy at once', async () => {
    const stored = await hashPassword('the-right-password');
    const hasher = new PasswordHasher({ maxConcurrent: 2, maxQueued: 4 });
    // All 100 ask before any derivation can finish, so the bound alone decides who is checked.
    const outcomes = await Promise.all(Array.from({ length: 100 }, (_, index) => outcomeOf(hasher.verify(`guess-${index}`, stored))));
    expect(outcomes.filter((outcome) => 'checked' in outcome)).toHaveLength(6);
    expect(outcomes.filter((outcome) => 'refused' in outcome && outcome.refused === 'serverBusy')).toHaveLength(94);
    // Once drained, nothing is held against the next caller.
    expect(await hasher.verify('the-right-password', stored)).toBe(true);
  }, 60_000);

  it('a finished derivation hands its slot to the next in line, so a queue slot frees for a newcomer', async () => {
    const stored = await hashPassword('pw-xxxxxxxxxxxx');
    const hasher = new PasswordHasher({ maxConcurrent: 1, maxQueued: 1 });
    const first = hasher.verify('a', stored);
    const second = hasher.verify('b', stored);
    await expect(hasher.verify('c', stored)).rejects.toMatchObject({ code: 'serverBusy' });
    await first;
    // `second` now runs, so the one queue place is free again.
    const third = hasher.verify('pw-xxxxxxxxxxxx', stored);
    await expect(hasher.verify('d', stored)).rejects.toMatchObject({ code: 'serverBusy' });
    expect(await second).toBe(false);
    expect(await third).toBe(true);
  }, 60_000);
});
