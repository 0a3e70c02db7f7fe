import { DOCUMENT_SCHEMA_VERSION, SCHEMA_CONNECTION_PARAM } from '../../shared/documentSchema.js';
import { PROJECT_MESSAGES_PARAM, PROJECT_MESSAGES_VALUE } from '../../shared/protocol/projectMessagesParam.js';

/**
 * The one place that decides what the collaboration socket's URL says about
 * this client. The browser sends the session cookie with the WebSocket upgrade
 * by itself and the server stamps the name and colour; the URL only names the
 * document schema this build edits, so a server that converted its plans to a
 * newer one refuses us (ClientOutdated) before we could damage them, and that
 * we understand the project's own messages (save confirmations, access mode,
 * plan events), which a stock y-websocket client is never sent.
 */
export function connectionParams(): Record<string, string> {
  return { [SCHEMA_CONNECTION_PARAM]: String(DOCUMENT_SCHEMA_VERSION), [PROJECT_MESSAGES_PARAM]: PROJECT_MESSAGES_VALUE };
}
