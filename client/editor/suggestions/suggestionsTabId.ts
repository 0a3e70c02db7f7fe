/** The side-panel tab of the suggestions (client/plan/PlanWorkspace.tsx builds the tab list). */
export const SUGGESTIONS_TAB_ID = 'suggestions';
