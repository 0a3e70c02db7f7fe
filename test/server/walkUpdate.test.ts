import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type * as decoding from 'lib0/decoding';
import { walkUpdate } from '../../server/persistence/walkUpdate.js';

/** Where Yjs's own reader stops in `bytes`, or 'error' if it cannot read them. */
function yjsEnd(bytes: Uint8Array): number | 'error' {
  let byteDecoder: decoding.Decoder | null = null;
  class Tracking extends Y.UpdateDecoderV1 {
    constructor(decoder: decoding.Decoder) {
      super(decoder);
      byteDecoder = decoder;
    }
  }
  try {
    Y.decodeUpdateV2(bytes, Tracking);
    return (byteDecoder as decoding.Decoder | null)?.pos ?? 'error';
  } catch {
    return 'error';
  }
}

function walkEnd(bytes: Uint8Array): number | 'error' {
  try {
    return walkUpdate(bytes);
  } catch {
    return 'error';
  }
}

/** mulberry32 */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two replicas with every kind of content Yjs encodes, synced now and then. */
function randomDocuments(random: () => number): [Y.Doc, Y.Doc] {
  const docs: [Y.Doc, Y.Doc] = [new Y.Doc(), new Y.Doc()];
  for (let step = 0; step < 40; step++) {
    const doc = docs[random() < 0.5 ? 0 : 1];
    const fragment = doc.getXmlFragment('content');
    const text = doc.getText('text');
    switch (Math.floor(random() * 9)) {
      case 0: {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.setAttribute('level', String(step));
        paragraph.insert(0, [new Y.XmlText(`zażółć gęślą jaźń ${step}`)]);
        fragment.insert(Math.floor(random() * (fragment.length + 1)), [paragraph]);
        break;
      }
      case 1:
        if (fragment.length > 0) fragment.delete(Math.floor(random() * fragment.length), 1);
        break;
      case 2:
        text.insert(0, 'pogrubione', { bold: true });
        break;
      case 3:
        doc.getMap('map').set(`k${step}`, { list: [1, 'x', null, true, 1.5], bytes: new Uint8Array([1, 2]) });
        break;
      case 4:
        doc.getArray('array').push([step, 'x', 2.5, new Uint8Array([3])]);
        break;
      case 5:
        if (text.length > 2) text.format(0, 2, { italic: true });
        break;
      case 6:
        doc.getMap('map').set('nested', new Y.Map());
        break;
      case 7:
        doc.getArray('array').insert(0, [new Y.Doc()]);
        break;
      default:
        if (text.length > 1) text.delete(0, 1);
        text.insertEmbed(0, { image: 'x.png' });
    }
    if (random() < 0.3) {
      Y.applyUpdate(docs[0], Y.encodeStateAsUpdate(docs[1]));
      Y.applyUpdate(docs[1], Y.encodeStateAsUpdate(docs[0]));
    }
  }
  return docs;
}

describe('walkUpdate', () => {
  it('W1 ends exactly where Yjs ends, and fails where Yjs fails, for whole, cut, padded and merged updates', () => {
    const random = createRandom(20_261_122);
    let compared = 0;
    for (let round = 0; round < 150; round++) {
      const [first, second] = randomDocuments(random);
      const whole = Y.encodeStateAsUpdate(first);
      const variants = [
        whole,
        whole.slice(0, -1),
        whole.slice(0, Math.floor(whole.byteLength / 2)),
        Uint8Array.from([...whole, 0, 0]),
        Y.mergeUpdates([whole, Y.encodeStateAsUpdate(second)]),
      ];
      for (const bytes of variants) {
        expect(walkEnd(bytes)).toEqual(yjsEnd(bytes));
        compared++;
      }
    }
    expect(compared).toBe(750);
  });

  it('W2 a zero-filled page reads as a short empty update, so its length gives it away', () => {
    const zeros = new Uint8Array(4096);
    expect(walkEnd(zeros)).toBe(2);
    expect(walkEnd(zeros)).not.toBe(zeros.byteLength);
  });
});
