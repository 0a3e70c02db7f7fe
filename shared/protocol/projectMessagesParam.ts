/**
 * The URL parameter by which a client announces that it understands the
 * project's own message types (100 and up, messageType.ts). A client without
 * it (a stock y-websocket provider) is sent only the y-websocket protocol.
 */
export const PROJECT_MESSAGES_PARAM = 'messages';
export const PROJECT_MESSAGES_VALUE = 'plan-editor-1';
