import type { IncomingMessage } from 'node:http';

/**
 * The address a WebSocket upgrade counts against for the per-address connection limit. Behind a
 * reverse proxy (TRUST_PROXY) every socket comes from the proxy, so the client's own address is
 * the first entry of X-Forwarded-For, the same one Fastify's `request.ip` uses for HTTP limits.
 */
export function upgradeClientAddress(request: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return request.socket.remoteAddress ?? 'unknown';
}
