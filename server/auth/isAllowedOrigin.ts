import type { IncomingMessage } from 'node:http';

/**
 * Browsers always send Origin on WebSocket upgrades and cross-site writes; it
 * must be this server's own origin or one on the allowlist. A request without
 * Origin is not from a browser page, so a session cookie alone decides.
 */
export function isAllowedOrigin(request: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const host = request.headers.host;
  if (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)) return true;
  return allowedOrigins.includes(origin);
}
