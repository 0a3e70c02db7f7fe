import type { ThreadChange } from '../deliberation/ThreadChange.js';
import type { Consultation, ConsultationRemark } from '../consultations/Consultation.js';
import type { ProposalState } from '../deliberation/ProposalState.js';
import type { PlanVersion } from '../versions/PlanVersion.js';
import type { Role } from '../workspace/roles.js';

/**
 * Server-authored changes that every client on a plan receives live
 * (MessageType.PlanEvent). They are not CRDT edits: only the server writes them.
 */
export type PlanEvent =
  | ThreadChange
  | { type: 'proposalChanged'; proposal: ProposalState }
  | { type: 'mentioned'; userId: string; threadId: string; authorName: string }
  | { type: 'versionSaved'; version: PlanVersion }
  /** The draft was overwritten with a saved version's content, by this member. */
  | { type: 'versionRestored'; version: PlanVersion; restoredBy: { id: string; name: string } }
  | { type: 'consultationChanged'; consultation: Consultation }
  /** A remark from the public arrived, or the team responded to one or started its thread. */
  | { type: 'remarkChanged'; remark: ConsultationRemark }
  /** Sent only to the member concerned when their access was re-checked (role changed, plan archived): their role now. */
  | { type: 'accessChanged'; role: Role };
