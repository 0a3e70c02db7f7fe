import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { FrameHeaderWalker } from '../../bench/lib/rawWebSocket/FrameHeaderWalker.js';
import { encodeClientFrame, OPCODE_PONG } from '../../bench/lib/rawWebSocket/encodeClientFrame.js';
import { openRawWebSocket } from '../../bench/lib/rawWebSocket/openRawWebSocket.js';
import { waitFor } from '../helpers/waitFor.js';

// The bench's light clients count what servers send by walking frame headers over raw TCP
// chunks. A miscount would silently skew every fan-out figure, so the walker is checked against
// frames from the real `ws` server and against every way a chunk boundary can cut them.

/** A server (unmasked) frame as RFC 6455 lays it out. */
function serverFrame(opcode: number, payload: Buffer, isFinal = true): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([(isFinal ? 0x80 : 0) | opcode, length])
      : length < 65_536
        ? Buffer.from([(isFinal ? 0x80 : 0) | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([(isFinal ? 0x80 : 0) | opcode, 127]), bigEndian64(length)]);
  return Buffer.concat([header, payload]);
}

function bigEndian64(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeUInt32BE(Math.floor(value / 2 ** 32), 0);
  bytes.writeUInt32BE(value >>> 0, 4);
  return bytes;
}

function walk(chunks: Buffer[]): { walker: FrameHeaderWalker; heads: string[]; pings: string[]; closes: number } {
  const heads: string[] = [];
  const pings: string[] = [];
  let closes = 0;
  const walker = new FrameHeaderWalker(
    {
      onMessageHead: (head) => heads.push(head.toString('hex')),
      onPing: (payload) => pings.push(payload.toString('latin1')),
      onClose: () => closes++,
    },
    2,
  );
  for (const chunk of chunks) walker.push(chunk);
  return { walker, heads, pings, closes };
}

describe('FrameHeaderWalker', () => {
  const payloads = [Buffer.from([0, 1, 2, 0, 0]), Buffer.from([3]), Buffer.alloc(0), Buffer.alloc(300, 7), Buffer.alloc(70_000, 9)];
  const stream = Buffer.concat([
    ...payloads.map((payload) => serverFrame(0x2, payload)),
    serverFrame(0x9, Buffer.from('ping!')),
    // One message in two frames: counted once, its bytes in full.
    serverFrame(0x2, Buffer.from([0, 2, 5, 5]), false),
    serverFrame(0x0, Buffer.from([6, 6, 6])),
    serverFrame(0x8, Buffer.from([0x03, 0xe8])),
  ]);
  const expectedBytes = payloads.reduce((sum, payload) => sum + payload.length, 0) + 7;

  it('counts every message and payload byte, however the stream is cut', () => {
    // Every single cut point, and every point cut into three near the small frames' headers.
    const cuts: number[][] = [];
    for (let at = 0; at <= stream.length; at += at < 400 || at > stream.length - 40 ? 1 : 997) cuts.push([at]);
    for (let first = 0; first < 40; first++) for (let second = first; second < 60; second++) cuts.push([first, second]);
    for (const points of cuts) {
      const bounds = [0, ...points, stream.length];
      const chunks = bounds.slice(1).map((end, index) => stream.subarray(bounds[index], end));
      const { walker, heads, pings, closes } = walk(chunks);
      expect({ messages: walker.messages, bytes: walker.payloadBytes, cut: points }).toEqual({ messages: 6, bytes: expectedBytes, cut: points });
      expect(heads).toEqual(['0001', '03', '0707', '0909', '0002']);
      expect(pings).toEqual(['ping!']);
      expect(closes).toBe(1);
    }
  });

  it('reads a byte at a time', () => {
    const { walker, heads } = walk([...stream].map((byte) => Buffer.from([byte])));
    expect(walker.messages).toBe(6);
    expect(walker.payloadBytes).toBe(expectedBytes);
    expect(heads).toHaveLength(5);
  });
});

describe('openRawWebSocket with masked client frames', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('upgrades against the ws server, which accepts its frames and whose frames it counts', async () => {
    const received: Buffer[] = [];
    let serverSocket: WebSocket | undefined;
    let upgradeCookie: string | undefined;
    const server = http.createServer();
    const webSocketServer = new WebSocketServer({ server });
    webSocketServer.on('connection', (socket, request) => {
      serverSocket = socket;
      upgradeCookie = request.headers.cookie;
      socket.on('message', (data: Buffer) => received.push(data));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () =>
      new Promise((resolve) => {
        for (const client of webSocketServer.clients) client.terminate();
        webSocketServer.close();
        server.close(() => resolve());
      });
    const { port } = server.address() as AddressInfo;

    const { socket, firstBytes } = await openRawWebSocket(`ws://127.0.0.1:${port}/plan-1?x=1`, { cookie: 'session=abc' }, 5_000);
    let pongs = 0;
    const walker = new FrameHeaderWalker(
      { onPing: (payload) => socket.write(encodeClientFrame(payload, OPCODE_PONG).bytes), onClose: () => socket.end() },
      0,
    );
    walker.push(firstBytes);
    socket.on('data', (chunk: Buffer) => walker.push(chunk));
    await waitFor(() => serverSocket !== undefined, { message: 'no connection on the server' });
    expect(upgradeCookie).toBe('session=abc');
    serverSocket?.on('pong', () => pongs++);

    socket.write(encodeClientFrame(Buffer.from([0, 0, 1, 0])).bytes);
    socket.write(encodeClientFrame(Buffer.alloc(1_000, 5)).bytes);
    await waitFor(() => received.length === 2, { message: 'the server did not take the masked frames' });
    expect([...(received[0] ?? [])]).toEqual([0, 0, 1, 0]);
    expect(received[1]?.equals(Buffer.alloc(1_000, 5))).toBe(true);

    for (let index = 0; index < 200; index++) serverSocket?.send(Buffer.alloc(index, 1));
    serverSocket?.ping();
    await waitFor(() => walker.messages === 200 && pongs === 1, { message: 'frames or the pong went missing' });
    expect(walker.payloadBytes).toBe((199 * 200) / 2);
    socket.destroy();
  });
});
