import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';

const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_RESPONSE_HEADER_BYTES = 16 * 1024;

export interface RawWebSocket {
  socket: net.Socket;
  /** Bytes that came after the upgrade response in the same read: the first frames. */
  firstBytes: Buffer;
}

/**
 * A WebSocket over a plain TCP socket: performs the opening handshake
 * (RFC 6455, section 4) itself and hands back the socket, so the caller reads
 * frames without any WebSocket library. No extensions are offered, so the
 * server sends frames uncompressed.
 */
export function openRawWebSocket(address: string, headers: Record<string, string>, timeoutMs: number): Promise<RawWebSocket> {
  const url = new URL(address);
  if (url.protocol !== 'ws:') throw new Error(`only ws:// is supported, not ${url.protocol}`);
  const key = randomBytes(16).toString('base64');
  const expectedAccept = createHash('sha1').update(key + ACCEPT_GUID).digest('base64');
  const request = [
    `GET ${url.pathname}${url.search} HTTP/1.1`,
    `Host: ${url.host}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${key}`,
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 80) });
    socket.setNoDelay(true);
    let received = Buffer.alloc(0);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`no upgrade response within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf(HEADER_END);
      if (end === -1) {
        if (received.length > MAX_RESPONSE_HEADER_BYTES) fail(new Error('upgrade response headers too long'));
        return;
      }
      socket.off('data', onData);
      socket.off('error', fail);
      clearTimeout(timer);
      const [statusLine = '', ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
      const accept = lines.find((line) => line.toLowerCase().startsWith('sec-websocket-accept:'))?.slice('sec-websocket-accept:'.length).trim();
      if (!/^HTTP\/1\.1 101\b/.test(statusLine)) return fail(new Error(`upgrade refused: ${statusLine}`));
      if (accept !== expectedAccept) return fail(new Error('upgrade response has a wrong Sec-WebSocket-Accept'));
      resolve({ socket, firstBytes: received.subarray(end + HEADER_END.length) });
    };
    socket.on('data', onData);
    socket.once('error', fail);
    socket.once('connect', () => socket.write(request));
  });
}
