const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const LENGTH = 12;

/**
 * A random plan id (about 60 bits). crypto.getRandomValues, not randomUUID,
 * because the app is also opened over plain http on office networks.
 */
export function createPlanId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(LENGTH));
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}
