const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Links may only point to web pages and e-mail addresses; anything else
 * (javascript:, data:, file:, relative paths) is refused so a shared plan
 * cannot carry script URLs into another member's browser or an export.
 */
export function isAllowedLinkHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length > 2048) return false;
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
  if (/[\u0000-\u0020\u007f]/.test(href)) return false;
  try {
    return ALLOWED_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false;
  }
}
