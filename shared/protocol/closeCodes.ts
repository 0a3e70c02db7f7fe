/**
 * WebSocket close codes the server uses, with the reason text it sends.
 * The stock y-websocket client treats 4400-4499 as final (no reconnect) and
 * every other code as transient, so the ranges below are chosen on purpose.
 */
export interface CloseEvent {
  code: number;
  reason: string;
}

export const MessageTooBig: CloseEvent = { code: 1009, reason: 'Message too big' };
export const MalformedMessage: CloseEvent = { code: 4400, reason: 'Malformed message' };
export const Unauthorized: CloseEvent = { code: 4401, reason: 'Unauthorized' };
export const Forbidden: CloseEvent = { code: 4403, reason: 'Forbidden' };
/** The client was built for another document schema (shared/documentSchema.ts); it must reload. */
export const ClientOutdated: CloseEvent = { code: 4426, reason: 'Client outdated: reload to get the current editor' };
export const UnsupportedFrame: CloseEvent = { code: 4415, reason: 'Only binary frames are accepted' };
export const DocumentUnavailable: CloseEvent = { code: 4500, reason: 'Document could not be loaded' };
export const PersistenceFailed: CloseEvent = { code: 4501, reason: 'Update could not be saved' };
export const ServerShuttingDown: CloseEvent = { code: 4503, reason: 'Server is shutting down' };
export const ConnectionTimeout: CloseEvent = { code: 4504, reason: 'Connection timed out' };

// Limits (issue 12). Terminal (44xx) where reconnecting would only repeat the refusal,
// retryable (45xx) where a new connection recovers by itself.
/** One update (or sync step 2) over the configured size; nothing of it is stored. */
export const UpdateTooLarge: CloseEvent = { code: 4413, reason: 'Update too large' };
/** The update would make the document bigger than the configured maximum; nothing of it is stored. */
export const DocumentTooLarge: CloseEvent = { code: 4414, reason: 'Document would exceed its maximum size' };
/** One awareness (presence) state over the configured size; it is not relayed. */
export const AwarenessTooLarge: CloseEvent = { code: 4431, reason: 'Presence state too large' };
/** The user or the address already holds the configured number of collaboration sockets. */
export const TooManyConnections: CloseEvent = { code: 4428, reason: 'Too many connections' };
/** The connection sent more frames than its rate budget allows. */
export const TooManyMessages: CloseEvent = { code: 4429, reason: 'Too many messages' };
/** The server cannot store changes right now (for example a full disk); reconnecting resends them. */
export const StorageUnavailable: CloseEvent = { code: 4507, reason: 'The server cannot store changes right now' };
/** The socket did not take in what the server sent within the allowed time. */
export const ClientTooSlow: CloseEvent = { code: 4508, reason: 'Client does not read fast enough' };
/** An update still built on content the server lacks after the server asked for it; reconnecting resends it. */
export const UpdateNotIntegrable: CloseEvent = { code: 4509, reason: 'Update depends on content the server does not have' };
