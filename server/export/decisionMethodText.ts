import { finiteNumberOf, recordOf, textOf } from './untrustedValues.js';

/**
 * How a register row's decision was taken, as a Polish minute records it:
 * "w drodze konsensusu" or "w głosowaniu: za – 3, przeciw – 1, wstrzymujących
 * się – 0" (the tally at the moment of the decision). Empty for votes and for
 * decisions recorded before the method was.
 */
export function decisionMethodText(record: Record<string, unknown>): string {
  const method = textOf(record['method']);
  if (method === 'consensus') return 'w drodze konsensusu';
  if (method !== 'vote') return '';
  const tally = recordOf(record['tally']);
  const count = (key: string): string => String(finiteNumberOf(tally[key]) ?? 0);
  return `w głosowaniu: za – ${count('for')}, przeciw – ${count('against')}, wstrzymujących się – ${count('abstain')}`;
}
