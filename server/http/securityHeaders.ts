import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import fastifyHelmet from '@fastify/helmet';

/** Sent with every download: never rendered as a page, never sniffed, nothing of it runs if opened anyway. */
export const DOWNLOAD_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; sandbox";

/**
 * TipTap's editor injects its small base stylesheet as a <style> element; the policy allows exactly that
 * text by its hash rather than any inline style. A TipTap upgrade that changes it shows up as a violation
 * in test/e2e/contentSecurityPolicy.test.ts.
 */
const TIPTAP_BASE_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='";

/** The page's own WebSocket origin, so `connect-src` names it even where a browser does not read 'self' as ws:. */
function ownWebSocketOrigin(request: IncomingMessage, isTrustedProxy: boolean): string {
  const host = request.headers.host ?? '';
  // Only a host name and port may go into the header; anything else falls back to 'self' alone.
  if (!/^[a-zA-Z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:.]+\](:\d+)?$/.test(host)) return "'self'";
  const forwarded = isTrustedProxy ? request.headers['x-forwarded-proto'] : undefined;
  const isSecure = forwarded === 'https' || ('encrypted' in request.socket && request.socket.encrypted === true);
  return `${isSecure ? 'wss' : 'ws'}://${host}`;
}

/**
 * Security headers on every response (helmet): a Content-Security-Policy
 * without inline script whose connect-src is the app's own origin and its
 * WebSocket, nosniff, no framing, and the referrer only to the app itself.
 */
export async function registerSecurityHeaders(app: FastifyInstance, options: { trustProxy: boolean }): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", TIPTAP_BASE_STYLE_HASH],
        // ProseMirror writes colours of marks and carets as style attributes; styles cannot run script.
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", (request) => ownWebSocketOrigin(request, options.trustProxy)],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // The app is served over plain HTTP in development and on an intranet; HTTPS deployments set HSTS at the proxy.
    strictTransportSecurity: false,
  });
}
