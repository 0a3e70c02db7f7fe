/**
 * Brings a side-panel tab to the front (the tab buttons of client/plan/SidePanel.tsx
 * have the id `side-tab-<id>`), so a comment started from the text is never
 * written into a panel nobody sees.
 */
export function revealSidePanelTab(tabId: string): void {
  const tab = document.getElementById(`side-tab-${tabId}`);
  if (tab instanceof HTMLElement && tab.getAttribute('aria-selected') !== 'true') tab.click();
}
