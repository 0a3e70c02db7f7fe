import { DOCUMENT_SCHEMA_VERSION, SCHEMA_CONNECTION_PARAM } from '../../shared/documentSchema.js';

/**
 * The one place that decides what the collaboration socket's URL says about
 * this client. The browser sends the session cookie with the WebSocket upgrade
 * by itself and the server stamps the name and colour; the URL only names the
 * document schema this build edits, so a server that converted its plans to a
 * newer one refuses us (ClientOutdated) before we could damage them.
 */
export function connectionParams(): Record<string, string> {
  return { [SCHEMA_CONNECTION_PARAM]: String(DOCUMENT_SCHEMA_VERSION) };
}
