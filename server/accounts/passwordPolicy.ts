export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

// The most common passwords that still pass the length rule.
const COMMON_PASSWORDS = new Set([
  '1234567890', '12345678910', 'qwertyuiop', 'password123', 'password1234', '1q2w3e4r5t',
  'qwerty1234', 'haslo12345', 'zaq12wsxcde', 'polska1234', 'administrator', 'iloveyou12',
]);

export type PasswordWeakness = 'tooShort' | 'tooLong' | 'tooCommon' | 'containsEmail';

/** NIST 800-63B style: length and a deny list, no composition rules. */
export function findPasswordWeakness(password: string, email: string): PasswordWeakness | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (password.length > MAX_PASSWORD_LENGTH) return 'tooLong';
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered) || /^(.)\1+$/.test(password)) return 'tooCommon';
  const localPart = email.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 4 && lowered.includes(localPart)) return 'containsEmail';
  return null;
}
