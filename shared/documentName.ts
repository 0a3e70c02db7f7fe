/**
 * The one place that maps a plan to the name of its Yjs document, both in the
 * WebSocket URL (`/collab/<planId>`) and as the key in the store.
 */
const PLAN_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidPlanId(planId: string): boolean {
  return PLAN_ID_PATTERN.test(planId);
}

export function formatDocumentName(planId: string): string {
  if (!isValidPlanId(planId)) throw new Error(`Invalid plan id: ${planId}`);
  return `plan/${planId}`;
}

/** Returns the plan id of a document name, or null if the name is not a plan document. */
export function parseDocumentName(name: string): string | null {
  const match = /^plan\/([^/]+)$/.exec(name);
  const planId = match?.[1];
  return planId !== undefined && isValidPlanId(planId) ? planId : null;
}

/** The Y.XmlFragment that holds a plan's rich text (TipTap Collaboration `field`). */
export const CONTENT_FIELD = 'content';

/** Path prefix of the collaboration endpoint; the room name (plan id) follows it. */
export const COLLAB_PATH = '/collab';
