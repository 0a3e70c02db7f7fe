// @vitest-environment jsdom
/**
 * The local caret after a remote change, through the real `ySyncPlugin` of
 * `@tiptap/y-tiptap` and a real ProseMirror `EditorView` (jsdom only for the view).
 *
 * Stock y-tiptap 3.0.7–3.0.9 puts the caret back at its old numeric offset when a
 * collaborator types in the caret's paragraph inside a top-level node with
 * distinctive attributes (issue 11); `patches/@tiptap+y-tiptap+3.0.9.patch` keeps the
 * Yjs-resolved position while its anchor is alive. Block moves (delete + insert in
 * Yjs) must still keep the caret in the moved block.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Schema, type Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { EditorView } from '@tiptap/pm/view';
import { prosemirrorJSONToYXmlFragment, ySyncPlugin } from '@tiptap/y-tiptap';

// A `section` is like the plan's `planSection`: its `key`/`title` attributes differ from
// their defaults, so y-tiptap's content-based recovery can identify it by attributes.
const schema = new Schema({
  nodes: {
    doc: { content: 'section+' },
    section: {
      attrs: { key: { default: '' }, title: { default: '' } },
      content: 'paragraph+',
      toDOM: (node) => ['section', { 'data-key': node.attrs.key }, 0],
    },
    paragraph: { content: 'text*', toDOM: () => ['p', 0] },
    text: {},
  },
});

const section = (key: string, ...texts: string[]) => ({
  type: 'section',
  attrs: { key, title: `Section ${key}` },
  content: texts.map((text) => ({
    type: 'paragraph',
    content: text === '' ? [] : [{ type: 'text', text }],
  })),
});

const views: EditorView[] = [];

afterEach(() => {
  for (const view of views.splice(0)) view.destroy();
});

/** Two Y.Docs kept in sync by exchanging updates, each bound to an EditorView. */
function twoEditors(sections: ReturnType<typeof section>[]) {
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content: sections }, docA.getXmlFragment('prosemirror'));
  Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
  docA.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(docB, update, 'remote');
  });
  docB.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(docA, update, 'remote');
  });
  const editor = (doc: Y.Doc) => {
    const view = new EditorView(document.body.appendChild(document.createElement('div')), {
      state: EditorState.create({ schema, plugins: [ySyncPlugin(doc.getXmlFragment('prosemirror'))] }),
    });
    views.push(view);
    return view;
  };
  return { a: editor(docA), b: editor(docB), docA };
}

/** Position inside the `index`-th paragraph of the section `key`, at `offset` (-1: end). */
function positionIn(doc: PMNode, key: string, offset: number, index = 0): number {
  let found: number | null = null;
  doc.forEach((node, pos) => {
    if (node.attrs.key !== key) return;
    let inner = pos + 1;
    for (let i = 0; i < index; i++) inner += node.child(i).nodeSize;
    const paragraph = node.child(index);
    found = inner + 1 + (offset < 0 ? paragraph.content.size : offset);
  });
  if (found === null) throw new Error(`no section ${key}`);
  return found;
}

function placeCaret(view: EditorView, pos: number): void {
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)));
}

function typeAtCaret(view: EditorView, text: string): void {
  view.dispatch(view.state.tr.insertText(text));
}

/** Where the caret is: section key, paragraph text, and offset in the paragraph. */
function caret(view: EditorView) {
  const $head = view.state.selection.$head;
  return { section: $head.node(1).attrs.key, paragraph: $head.parent.textContent, offset: $head.parentOffset };
}

describe('the local caret after a remote change (patched @tiptap/y-tiptap)', () => {
  it('follows a remote insert before it in the same paragraph of a section', () => {
    const { a, b } = twoEditors([section('s1', 'Start.'), section('s2', 'Other.')]);
    placeCaret(a, positionIn(a.state.doc, 's1', -1));
    placeCaret(b, positionIn(b.state.doc, 's1', 0));

    typeAtCaret(b, 'xyz');

    expect(caret(a)).toEqual({ section: 's1', paragraph: 'xyzStart.', offset: 9 });
  });

  it('keeps both members’ text in order when they type at both ends of one paragraph', () => {
    const { a, b } = twoEditors([section('s1', 'Start.'), section('s2', 'Other.')]);
    placeCaret(a, positionIn(a.state.doc, 's1', -1));
    placeCaret(b, positionIn(b.state.doc, 's1', 0));

    for (let i = 1; i <= 9; i++) {
      typeAtCaret(b, `a${i}`);
      typeAtCaret(a, `b${i}`);
    }

    const expected = 'a1a2a3a4a5a6a7a8a9Start.b1b2b3b4b5b6b7b8b9';
    expect(a.state.doc.child(0).textContent).toBe(expected);
    expect(b.state.doc.child(0).textContent).toBe(expected);
    expect(caret(a)).toEqual({ section: 's1', paragraph: expected, offset: expected.length });
  });

  it('follows a remote delete before it in the same paragraph of a section', () => {
    const { a, b } = twoEditors([section('s1', 'Start of text.'), section('s2', 'Other.')]);
    placeCaret(a, positionIn(a.state.doc, 's1', 'Start of '.length));
    const from = positionIn(b.state.doc, 's1', 0);
    b.dispatch(b.state.tr.delete(from, from + 'Start '.length));

    expect(caret(a)).toEqual({ section: 's1', paragraph: 'of text.', offset: 'of '.length });
  });

  it('stays in a section a collaborator moves to the end of the document', () => {
    const { a, b } = twoEditors([
      section('s1', 'First one.', 'Alpha text.'),
      section('s2', 'Beta text.'),
      section('s3', 'Gamma text.'),
    ]);
    placeCaret(a, positionIn(a.state.doc, 's1', 'Alpha'.length, 1));

    const moved = b.state.doc.child(0);
    b.dispatch(b.state.tr.delete(0, moved.nodeSize).insert(b.state.doc.content.size - moved.nodeSize, moved));

    expect(a.state.doc.child(2).attrs.key).toBe('s1');
    expect(caret(a)).toEqual({ section: 's1', paragraph: 'Alpha text.', offset: 'Alpha'.length });
  });

  it('stays at the end of a paragraph in a section a collaborator moves up', () => {
    const { a, b } = twoEditors([
      section('s1', 'Alpha text.'),
      section('s2', 'Beta text.'),
      section('s3', 'Gamma text.', 'Last.'),
    ]);
    placeCaret(a, positionIn(a.state.doc, 's3', -1, 1));

    const moved = b.state.doc.child(2);
    const start = b.state.doc.content.size - moved.nodeSize;
    b.dispatch(b.state.tr.delete(start, b.state.doc.content.size).insert(0, moved));

    expect(a.state.doc.child(0).attrs.key).toBe('s3');
    expect(caret(a)).toEqual({ section: 's3', paragraph: 'Last.', offset: 'Last.'.length });
  });

  it('stays in its section when a collaborator swaps the only two sections', () => {
    // y-tiptap rewrites both sections in place here (no unmoved sibling to keep),
    // so the caret's Yjs anchor stays alive but holds the other section's text.
    const { a, b } = twoEditors([section('s1', 'Alpha text.'), section('s2', 'Beta text.')]);
    placeCaret(a, positionIn(a.state.doc, 's1', 'Alpha t'.length));

    const moved = b.state.doc.child(0);
    b.dispatch(b.state.tr.delete(0, moved.nodeSize).insert(b.state.doc.content.size - moved.nodeSize, moved));

    expect(a.state.doc.child(1).attrs.key).toBe('s1');
    expect(caret(a)).toEqual({ section: 's1', paragraph: 'Alpha text.', offset: 'Alpha t'.length });
  });

  it('a remote keystroke rebuilds only the nodes on its path: the rest of the document keeps its node objects', () => {
    // Stock y-tiptap clears its Yjs↔ProseMirror mapping on every remote change and rebuilds the whole
    // document, which in a plan of 150 blocks cost ~12 ms per remote key (docs/performance.md).
    const { a, b } = twoEditors([section('s1', 'Alpha text.'), section('s2', 'Beta text.'), section('s3', 'Gamma text.')]);
    const [first, second, third] = [a.state.doc.child(0), a.state.doc.child(1), a.state.doc.child(2)];
    b.dispatch(b.state.tr.insertText('!', positionIn(b.state.doc, 's2', -1)));
    expect(a.state.doc.child(1).textContent).toBe('Beta text.!');
    expect(a.state.doc.child(1)).not.toBe(second);
    expect(a.state.doc.child(0)).toBe(first);
    expect(a.state.doc.child(2)).toBe(third);
    // A structural change (a section moved) still rebuilds everything, as block moves need.
    const moved = b.state.doc.child(2);
    b.dispatch(b.state.tr.delete(b.state.doc.content.size - moved.nodeSize, b.state.doc.content.size).insert(0, moved));
    expect(a.state.doc.child(0).attrs.key).toBe('s3');
    expect(a.state.doc.child(1)).not.toBe(first);
  });

  it('a transaction that leaves the document as it was writes nothing to Yjs; the next edit is still written', () => {
    // Stock y-tiptap diffed the whole document against Yjs in an empty Yjs transaction for each of them:
    // a colleague's every caret move, every selection change.
    const { a, b, docA } = twoEditors([section('s1', 'Alpha.'), section('s2', 'Beta.')]);
    placeCaret(a, positionIn(a.state.doc, 's1', 0));
    let yjsTransactions = 0;
    docA.on('afterTransaction', () => yjsTransactions++);
    placeCaret(a, positionIn(a.state.doc, 's2', 2));
    a.dispatch(a.state.tr.setMeta('remoteCaretMoved', true));
    expect(yjsTransactions).toBe(0);
    typeAtCaret(a, 'X');
    expect(yjsTransactions).toBe(1);
    expect(b.state.doc.child(1).textContent).toBe('BeXta.');
    // A remote edit, then a selection-only transaction: the remote edit came from Yjs, nothing goes back.
    typeAtCaret(b, 'Y');
    const afterRemote = yjsTransactions;
    placeCaret(a, positionIn(a.state.doc, 's1', 1));
    placeCaret(a, positionIn(a.state.doc, 's1', 2));
    expect(yjsTransactions - afterRemote).toBeLessThanOrEqual(1);
    expect(a.state.doc.child(1).textContent).toBe(b.state.doc.child(1).textContent);
  });
});
