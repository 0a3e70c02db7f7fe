import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore } from '../../server/persistence/DocumentStore.js';
import { CONTENT_FIELD } from '../../shared/documentName.js';

/**
 * What every DocumentStore must do, whatever it stores into (tldraw's
 * registerStorageContractTests, applied to server/persistence/DocumentStore.ts).
 *
 * S1 load of an unknown document is null
 * S2 an appended update is in the next load
 * S3 appends made in one turn all resolve, together, and all are loaded
 * S4 documents are isolated by name
 * S5 compact keeps the content identical and removes the update records
 * S6 updates appended after a compact call survive it, even while it is in flight
 * S7 close commits appends that are still pending
 * S8 after close every call rejects
 * S9 bytes that are not one complete Yjs update never load: refused when appended, or the load rejects
 * S10 loadParts gives what load merges: applied in order they build the same document
 */
export interface DocumentStoreHarness {
  store: DocumentStore;
  /** A new store over the same storage; the previous one must be closed first. */
  reopen(): Promise<DocumentStore>;
  /** How many un-compacted update records `name` has in storage. */
  countUpdateRecords(name: string): Promise<number>;
  /** Puts `bytes` into storage as the compacted state of `name`, bypassing the store. */
  writeRawState(name: string, bytes: Uint8Array): Promise<void>;
  /** The compacted state of `name` exactly as stored, bypassing the store. */
  readRawState(name: string): Promise<Uint8Array | null>;
}

/** A Y.Doc that records every update it makes, like a client would send them. */
class EditRecorder {
  readonly doc = new Y.Doc();
  readonly updates: Uint8Array[] = [];

  constructor() {
    this.doc.on('update', (update: Uint8Array) => this.updates.push(update));
  }

  /** Appends a paragraph; returns the update it produced. */
  addParagraph(text: string): Uint8Array {
    const before = this.updates.length;
    this.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      const content = this.doc.getXmlFragment(CONTENT_FIELD);
      content.insert(content.length, [paragraph]);
    });
    const update = this.updates[before];
    if (update === undefined || this.updates.length !== before + 1) throw new Error('expected exactly one update');
    return update;
  }

  deleteParagraph(index: number): Uint8Array {
    const before = this.updates.length;
    this.doc.getXmlFragment(CONTENT_FIELD).delete(index, 1);
    const update = this.updates[before];
    if (update === undefined) throw new Error('expected an update');
    return update;
  }
}

function docFrom(update: Uint8Array | null): Y.Doc {
  const doc = new Y.Doc();
  if (update !== null) Y.applyUpdate(doc, update);
  return doc;
}

function contentOf(doc: Y.Doc): string {
  return doc.getXmlFragment(CONTENT_FIELD).toString();
}

function expectSameDocument(actual: Y.Doc, expected: Y.Doc): void {
  expect(contentOf(actual)).toBe(contentOf(expected));
  expect(Y.encodeStateVector(actual)).toEqual(Y.encodeStateVector(expected));
  expect(actual.store.pendingStructs).toBeNull();
  expect(actual.store.pendingDs).toBeNull();
}

/** Stored states that must never be mistaken for a document. */
function corruptStates(): Array<{ label: string; bytes: Uint8Array }> {
  const valid = new EditRecorder();
  valid.addParagraph('Diagnoza potrzeb');
  valid.addParagraph('Kierunki interwencji');
  const state = Y.encodeStateAsUpdate(valid.doc);
  let seed = 0x9e3779b9;
  const random = new Uint8Array(256).map(() => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed & 0xff;
  });
  return [
    // A zero-filled page decodes as "no structs, no deletes" if trailing bytes are ignored.
    { label: 'zero-filled', bytes: new Uint8Array(64) },
    { label: 'random bytes', bytes: random },
    { label: 'text', bytes: new TextEncoder().encode('{"type":"doc","content":[]}') },
    { label: 'truncated update', bytes: state.slice(0, Math.floor(state.length / 2)) },
    { label: 'update with trailing bytes', bytes: Uint8Array.from([...state, 0, 0, 0, 0]) },
    { label: 'empty blob', bytes: new Uint8Array(0) },
  ];
}

export function registerDocumentStoreContractTests(
  implementation: string,
  createHarness: () => Promise<DocumentStoreHarness>,
): void {
  describe(`DocumentStore contract: ${implementation}`, () => {
    it('S1 load of unknown document is null', async () => {
      const { store } = await createHarness();
      expect(await store.load('plan/never-written')).toBeNull();
    });

    it('S2 an appended update is in the next load', async () => {
      const { store } = await createHarness();
      const editor = new EditRecorder();
      await store.appendUpdate('plan/s2', editor.addParagraph('Cel główny'));
      await store.appendUpdate('plan/s2', editor.addParagraph('Cele szczegółowe'));
      await store.appendUpdate('plan/s2', editor.deleteParagraph(0));
      expectSameDocument(docFrom(await store.load('plan/s2')), editor.doc);
    });

    it('S10 loadParts gives the stored updates that load merges, compacted state first', async () => {
      const { store } = await createHarness();
      expect(await store.loadParts('plan/never-written')).toEqual([]);
      const editor = new EditRecorder();
      await store.appendUpdate('plan/s10', editor.addParagraph('Diagnoza'));
      await store.compact('plan/s10', Y.encodeStateAsUpdate(editor.doc));
      await store.appendUpdate('plan/s10', editor.addParagraph('Wnioski'));
      await store.appendUpdate('plan/s10', editor.deleteParagraph(0));
      const parts = await store.loadParts('plan/s10');
      expect(parts).toHaveLength(3);
      const rebuilt = new Y.Doc();
      rebuilt.transact(() => parts.forEach((part) => Y.applyUpdate(rebuilt, part)));
      expectSameDocument(rebuilt, editor.doc);
      expectSameDocument(docFrom(await store.load('plan/s10')), editor.doc);
    });

    it('S3 appends made in one turn all resolve together and are all loaded', async () => {
      const { store } = await createHarness();
      const editor = new EditRecorder();
      const updates = Array.from({ length: 300 }, (_, index) => editor.addParagraph(`akapit ${index}`));
      const settled = new Array<boolean>(updates.length).fill(false);
      const appends = updates.map((update, index) =>
        store.appendUpdate('plan/s3', update).then(() => {
          settled[index] = true;
        }),
      );
      await Promise.race(appends);
      // One shared commit settles every append in the same turn; separate commits would not.
      expect(settled.filter(Boolean).length).toBe(updates.length);
      await Promise.all(appends);
      expectSameDocument(docFrom(await store.load('plan/s3')), editor.doc);
    });

    it('S4 documents are isolated by name', async () => {
      const { store } = await createHarness();
      const first = new EditRecorder();
      const second = new EditRecorder();
      await Promise.all([
        store.appendUpdate('plan/s4-a', first.addParagraph('plan A')),
        store.appendUpdate('plan/s4-b', second.addParagraph('plan B')),
      ]);
      await store.compact('plan/s4-a', Y.encodeStateAsUpdate(first.doc));
      expectSameDocument(docFrom(await store.load('plan/s4-a')), first.doc);
      expectSameDocument(docFrom(await store.load('plan/s4-b')), second.doc);
    });

    it('S5 compact keeps the content identical and removes the update records', async () => {
      const harness = await createHarness();
      const { store } = harness;
      const editor = new EditRecorder();
      for (let index = 0; index < 20; index++) await store.appendUpdate('plan/s5', editor.addParagraph(`p${index}`));
      await store.appendUpdate('plan/s5', editor.deleteParagraph(3));
      expect(await harness.countUpdateRecords('plan/s5')).toBe(21);
      const before = docFrom(await store.load('plan/s5'));
      expectSameDocument(before, editor.doc);

      await store.compact('plan/s5', Y.encodeStateAsUpdate(before));
      expect(await harness.countUpdateRecords('plan/s5')).toBe(0);
      expectSameDocument(docFrom(await store.load('plan/s5')), before);

      // A second compaction over a compacted state is just as lossless.
      await store.appendUpdate('plan/s5', editor.addParagraph('po kompaktowaniu'));
      await store.compact('plan/s5', Y.encodeStateAsUpdate(editor.doc));
      expect(await harness.countUpdateRecords('plan/s5')).toBe(0);
      expectSameDocument(docFrom(await store.load('plan/s5')), editor.doc);
    });

    it('S6 updates appended after a compact call survive it, even while it is in flight', async () => {
      const { store } = await createHarness();
      const editor = new EditRecorder();
      for (let index = 0; index < 10; index++) await store.appendUpdate('plan/s6', editor.addParagraph(`stary ${index}`));
      // Appended before the compact call but not yet committed: `state` holds it.
      const inFlightBefore = store.appendUpdate('plan/s6', editor.addParagraph('tuż przed'));
      const state = Y.encodeStateAsUpdate(editor.doc);
      const afterCall: Array<Promise<void>> = [];
      const compaction = store.compact('plan/s6', state);
      afterCall.push(store.appendUpdate('plan/s6', editor.addParagraph('w tej samej turze')));
      afterCall.push(Promise.resolve().then(() => store.appendUpdate('plan/s6', editor.addParagraph('w mikrozadaniu'))));
      afterCall.push(
        new Promise<void>((resolve, reject) =>
          setImmediate(() => {
            store.appendUpdate('plan/s6', editor.addParagraph('w następnej turze')).then(resolve, reject);
          }),
        ),
      );
      await Promise.all([inFlightBefore, compaction, ...afterCall]);
      const loaded = docFrom(await store.load('plan/s6'));
      expectSameDocument(loaded, editor.doc);
      expect(loaded.getXmlFragment(CONTENT_FIELD).length).toBe(14);

      // Many compactions and appends racing each other lose nothing either.
      const racing: Array<Promise<void>> = [];
      for (let round = 0; round < 10; round++) {
        racing.push(store.appendUpdate('plan/s6', editor.addParagraph(`runda ${round}`)));
        if (round % 3 === 0) racing.push(store.compact('plan/s6', Y.encodeStateAsUpdate(editor.doc)));
        await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all(racing);
      expectSameDocument(docFrom(await store.load('plan/s6')), editor.doc);
    });

    it('S7 close commits appends that are still pending', async () => {
      const harness = await createHarness();
      const editor = new EditRecorder();
      const pending = [
        harness.store.appendUpdate('plan/s7', editor.addParagraph('zapisane przy zamknięciu 1')),
        harness.store.appendUpdate('plan/s7', editor.addParagraph('zapisane przy zamknięciu 2')),
      ];
      await harness.store.close();
      await Promise.all(pending);
      const reopened = await harness.reopen();
      expectSameDocument(docFrom(await reopened.load('plan/s7')), editor.doc);
    });

    it('S8 after close every call rejects', async () => {
      const { store } = await createHarness();
      const editor = new EditRecorder();
      await store.appendUpdate('plan/s8', editor.addParagraph('przed zamknięciem'));
      await store.close();
      // Calls must reject, not throw synchronously: callers chain them as promises.
      const calls: Array<() => Promise<unknown>> = [
        () => store.load('plan/s8'),
        () => store.appendUpdate('plan/s8', editor.addParagraph('po zamknięciu')),
        () => store.compact('plan/s8', Y.encodeStateAsUpdate(editor.doc)),
      ];
      for (const call of calls) {
        let result: Promise<unknown>;
        try {
          result = call();
        } catch (error) {
          throw new Error(`threw synchronously instead of rejecting: ${String(error)}`, { cause: error });
        }
        await expect(result).rejects.toThrow();
      }
      await expect(store.close()).resolves.toBeUndefined();
    });

    it('S9 bytes that are not one complete Yjs update never load: refused when appended, or the load rejects', async () => {
      const harness = await createHarness();
      for (const { label, bytes } of corruptStates()) {
        const name = `plan/s9-${label.replace(/\W+/g, '-')}`;
        await harness.writeRawState(name, bytes);
        await expect(harness.store.load(name), label).rejects.toThrow();
        expect(await harness.readRawState(name), `${label} must stay untouched`).toEqual(bytes);
      }
      // The same bytes as an update: the store may refuse them at once, else the load must reject.
      const editor = new EditRecorder();
      await harness.writeRawState('plan/s9-log', Y.encodeStateAsUpdate(editor.doc));
      await harness.store.appendUpdate('plan/s9-log', editor.addParagraph('ok'));
      const isStored = await harness.store.appendUpdate('plan/s9-log', new Uint8Array(16)).then(
        () => true,
        () => false,
      );
      if (isStored) {
        await expect(harness.store.load('plan/s9-log')).rejects.toThrow();
      } else {
        expectSameDocument(docFrom(await harness.store.load('plan/s9-log')), editor.doc);
      }
    });
  });
}
