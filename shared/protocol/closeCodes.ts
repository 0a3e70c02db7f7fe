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
