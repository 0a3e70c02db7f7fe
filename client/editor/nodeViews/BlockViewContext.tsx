import { createContext, useContext } from 'react';
import type { Plan } from '../../../shared/domain/Plan.js';
import type { PlanWarning } from '../../../shared/planViews/collectPlanWarnings.js';

export interface TeamMemberOption {
  userId: string;
  name: string;
}

/** What node views need from outside their own node: the live plan (for links), warnings, team, editability. */
export interface BlockViewContextValue {
  isEditable: boolean;
  /** The live plan read from the document (debounced); null before the first read. */
  plan: Plan | null;
  warningsByBlockId: ReadonlyMap<string, readonly PlanWarning[]>;
  members: readonly TeamMemberOption[];
}

const EMPTY: BlockViewContextValue = { isEditable: false, plan: null, warningsByBlockId: new Map(), members: [] };

export const BlockViewContext = createContext<BlockViewContextValue>(EMPTY);

/** Node views are portals inside EditorContent, so they see the provider placed around the editor. */
export function useBlockViewContext(): BlockViewContextValue {
  return useContext(BlockViewContext);
}
