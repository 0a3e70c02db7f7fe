export const NAVIGATE_EVENT = 'plan-editor:navigate';

/** Client-side navigation with the history API; useRoute listens for the event. */
export function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
