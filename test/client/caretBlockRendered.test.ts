// @vitest-environment jsdom
/**
 * The typed block holding the caret carries the class that turns off
 * `content-visibility: auto` for it (client/editor/CaretBlockRendered.ts);
 * exactly that block, and none while the caret is in section text. A real
 * TipTap editor on the shared plan schema (jsdom only for the view).
 */
import { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { afterEach, expect, it } from 'vitest';
import { CARET_BLOCK_CLASS, CaretBlockRendered } from '../../client/editor/CaretBlockRendered.js';
import { planToProseMirror } from '../../shared/planJson/planToProseMirror.js';
import { planExtensions } from '../../shared/schema/planExtensions.js';
import { samplePlan } from '../shared/planTestDocuments.js';

let editor: Editor | null = null;

afterEach(() => {
  editor?.destroy();
  editor = null;
});

const isTypedBlock = (node: ProseMirrorNode): boolean => node.type.spec.group?.split(' ').includes('planBlock') === true;

/** Positions of the typed blocks, and a caret position inside the first text field of each. */
function typedBlocks(doc: ProseMirrorNode): { blockPos: number; caretPos: number }[] {
  const found: { blockPos: number; caretPos: number }[] = [];
  doc.descendants((node, pos) => {
    if (!isTypedBlock(node)) return true;
    let caretPos = -1;
    node.descendants((child, childPos) => {
      if (caretPos === -1 && child.isTextblock) caretPos = pos + 1 + childPos + 1;
      return caretPos === -1;
    });
    found.push({ blockPos: pos, caretPos });
    return false;
  });
  return found;
}

/** A caret position in a paragraph of section text (not inside a typed block). */
function sectionTextCaret(doc: ProseMirrorNode): number {
  let caret = -1;
  doc.descendants((node, pos, parent) => {
    if (caret !== -1 || isTypedBlock(node)) return false;
    if (node.type.name === 'paragraph' && parent?.type.name === 'planSection') caret = pos + 1;
    return true;
  });
  return caret;
}

it('marks only the typed block holding the caret, and no block while the caret is in section text', () => {
  const current = new Editor({ element: document.createElement('div'), extensions: [...planExtensions, CaretBlockRendered], content: planToProseMirror(samplePlan()) });
  editor = current;
  const blocks = typedBlocks(current.state.doc);
  expect(blocks.length).toBeGreaterThan(2);
  const marked = (): Element[] => [...current.view.dom.querySelectorAll(`.${CARET_BLOCK_CLASS}`)];

  const [first, second] = blocks;
  if (first === undefined || second === undefined) throw new Error('the sample plan has typed blocks');
  current.commands.setTextSelection(first.caretPos);
  expect(marked()).toEqual([current.view.nodeDOM(first.blockPos)]);

  current.commands.setTextSelection(second.caretPos);
  expect(marked()).toEqual([current.view.nodeDOM(second.blockPos)]);

  const sectionCaret = sectionTextCaret(current.state.doc);
  expect(sectionCaret).toBeGreaterThan(0);
  current.commands.setTextSelection(sectionCaret);
  expect(marked()).toEqual([]);
});
