export const NAVIGATE_EVENT = 'plan-editor:navigate';

/** The current path with its query, the unit the router works on. */
export function currentLocation(): string {
  return location.pathname + location.search;
}

/**
 * Client-side navigation with the history API; useRoute listens for the event.
 * `replace` is for redirects, so Back does not land on the page that redirected.
 */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === currentLocation()) return;
  if (options.replace === true) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
