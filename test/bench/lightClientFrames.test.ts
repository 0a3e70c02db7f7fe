import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { LightClientFrames } from '../../bench/lib/LightClientFrames.js';
import { LIGHT_EDITS_FIELD } from '../../bench/lib/lightClientMessages.js';
import { unframeIncoming } from '../../bench/lib/WireFraming.js';

// Light clients send edits encoded before the measurement, with only the send time written in
// just before sending. If the patch hit the wrong bytes, servers would refuse the updates or the
// probes would compute latencies from garbage; so decode what goes on the wire as a server would.

/** Unmasks a client frame (short or 16-bit length) back to its payload. */
function unmask(frame: Buffer): Uint8Array {
  const short = (frame[1] as number) & 0x7f;
  const keyAt = short === 126 ? 4 : 2;
  const key = frame.subarray(keyAt, keyAt + 4);
  const payload = frame.subarray(keyAt + 4);
  expect((frame[1] as number) & 0x80).toBe(0x80);
  return Uint8Array.from(payload, (byte, index) => byte ^ (key[index & 3] as number));
}

function applyEdit(doc: Y.Doc, payload: Uint8Array): void {
  const decoder = decoding.createDecoder(payload);
  expect(decoding.readVarUint(decoder)).toBe(0); // Sync
  expect(decoding.readVarUint(decoder)).toBe(2); // Update
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
}

describe('LightClientFrames', () => {
  for (const framing of ['y-websocket', 'hocuspocus'] as const) {
    it(`stamps send times into real Yjs updates (${framing} framing)`, () => {
      const frames = new LightClientFrames(framing, 'plan-abc');
      const edits = frames.prepareEdits(3);
      const server = new Y.Doc();
      const times = [1764590000123.25, 1764590000623.5, 1764590001000];
      edits.forEach((edit, index) => {
        const wire = unmask(frames.stamp(edit, times[index] as number));
        applyEdit(server, unframeIncoming(framing, wire) as Uint8Array);
      });
      const map = server.getMap<number>(LIGHT_EDITS_FIELD);
      expect([...map.values()].sort((a, b) => a - b)).toEqual(times);
      expect([...map.keys()].map((key) => key.split(':')[1]).sort()).toEqual(['0', '1', '2']);
      // Nothing left pending: each update only needs the ones before it.
      expect(Y.encodeStateVector(server).byteLength).toBeGreaterThan(1);
      expect(server.store.pendingStructs).toBeNull();
    });
  }

  it('opens a Hocuspocus connection with an Auth message for the document', () => {
    const frames = new LightClientFrames('hocuspocus', 'plan-abc');
    expect(frames.opening).toHaveLength(1);
    const decoder = decoding.createDecoder(unmask(frames.opening[0] as Buffer));
    expect(decoding.readVarString(decoder)).toBe('plan-abc');
    expect(decoding.readVarUint(decoder)).toBe(2); // Auth
    expect(new LightClientFrames('y-websocket', 'plan-abc').opening).toHaveLength(0);
    expect([...unmask(new LightClientFrames('y-websocket', 'plan-abc').syncStep1)]).toEqual([0, 0, 1, 0]);
  });
});
