/**
 * A small deterministic PRNG (mulberry32), so a failing random test can be
 * replayed exactly from the seed it printed.
 */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let value = this.state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** A short string of Polish-looking words, with diacritics to exercise UTF-16 offsets. */
  words(maxWords = 3): string {
    const vocabulary = ['plan', 'usługi', 'gmina', 'wsparcie', 'mieszkanie', 'asystent', 'żłobek', 'ośrodek', 'cel', 'źródło'];
    const count = 1 + this.int(maxWords);
    return Array.from({ length: count }, () => this.pick(vocabulary)).join(' ');
  }
}

/** The seed from `variable` in the environment, or the current time; printed so failures can be replayed. */
export function seedFromEnvironment(variable: string): number {
  const raw = process.env[variable];
  const seed = raw !== undefined && raw !== '' ? Number(raw) : Date.now();
  if (!Number.isSafeInteger(seed)) throw new Error(`${variable} must be an integer (got "${raw}")`);
  console.log(`${variable}=${seed}`);
  return seed;
}
