import type { DecisionRecord } from '../../shared/deliberation/ProposalState.js';
import type { RegisterEntry } from './typedBlockExport.js';
import { recordOf, textOf } from './untrustedValues.js';

/**
 * Per proposal, what its card shows from the decision register: the person
 * who proposed it (the last "→ proposed" step; for a decision from an imported
 * file, the proposer that file names) and, while the proposal stands agreed or
 * rejected, the note of that decision. The register is read as untrusted, as
 * every snapshot value is.
 */
export function registerEntries(register: DecisionRecord[]): Map<string, RegisterEntry> {
  const entries = new Map<string, RegisterEntry>();
  for (const record of register.map(recordOf)) {
    if (record['kind'] !== 'status') continue;
    const blockId = textOf(record['blockId']);
    const entry = entries.get(blockId) ?? { proposer: null, decisionNote: null };
    const to = textOf(record['toStatus']);
    const imported = record['imported'] === undefined ? null : recordOf(record['imported']);
    if (to === 'proposed' || to === 'underDiscussion') {
      const proposer = imported === null ? (to === 'proposed' ? textOf(record['actorName']) : '') : textOf(imported['decidedBy']);
      if (proposer !== '') entry.proposer = proposer;
    }
    entry.decisionNote = to === 'agreed' || to === 'rejected' ? textOf(record['note']) || null : null;
    entries.set(blockId, entry);
  }
  return entries;
}
