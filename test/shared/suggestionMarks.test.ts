import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { readPlanFromYDoc } from '../../shared/planJson/readPlanFromYDoc.js';
import { readContentFragment } from '../../shared/planJson/readContentFragment.js';
import { writePlanToYDoc } from '../../shared/planJson/writePlanToYDoc.js';
import { planSchema } from '../../shared/schema/planExtensions.js';
import { findPlanBlock } from '../../server/plans/findPlanBlock.js';
import { deletionBy, formatBy, insertionBy } from '../helpers/suggestionEdits.js';
import { planBlock, samplePlan } from './planTestDocuments.js';

/** The first Y.XmlText under the first element named `nodeName` that `accept`s, depth first. */
function findText(parent: Y.XmlFragment | Y.XmlElement, nodeName: string, accept: (element: Y.XmlElement) => boolean = () => true): Y.XmlText {
  for (const child of parent.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === nodeName && accept(child)) {
      const walker = child.createTreeWalker((node) => node instanceof Y.XmlText);
      const text = walker.next().value;
      if (text instanceof Y.XmlText) return text;
    }
    try {
      return findText(child, nodeName, accept);
    } catch {
      // not under this child
    }
  }
  throw new Error(`no ${nodeName} text`);
}

function firstRecommendation(doc: Y.Doc): Y.XmlElement {
  const walker = doc.getXmlFragment(CONTENT_FIELD).createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'recommendation');
  const found = walker.next().value;
  if (!(found instanceof Y.XmlElement)) throw new Error('no recommendation');
  return found;
}

describe('suggestion marks', () => {
  const plan = samplePlan();

  function suggestedDoc() {
    const doc = new Y.Doc();
    writePlanToYDoc(doc, plan);
    const recommendation = firstRecommendation(doc);
    const id = String(recommendation.getAttribute('id'));
    const content = findText(recommendation, 'blockRichText', (element) => element.getAttribute('field') === 'content');
    const title = findText(recommendation, 'blockLine');
    const contentText = content.toString();
    const titleText = title.toString();
    doc.transact(() => {
      content.insert(5, 'WSTAWKA', insertionBy('a'));
      content.format(0, 3, deletionBy('a'));
      title.insert(0, 'Nowy ', insertionBy('a'));
      title.format(title.length - 2, 2, deletionBy('b'));
    });
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    return { replica, id, contentText, titleText };
  }

  it('the working copy read from the document holds the text without pending suggestions, and says nothing was dropped', () => {
    const { replica, id, titleText } = suggestedDoc();
    const before = planBlock(plan, 'recommendation', id);
    const { plan: read, dropped } = readPlanFromYDoc(replica);
    const after = planBlock(read, 'recommendation', id);
    expect(after.title).toBe(titleText);
    expect(after.content).toEqual(before.content);
    expect(dropped).toEqual([]);
  });

  it('a block found for its agreement (findPlanBlock) reads without pending suggestions too: suggesting does not change agreed text', () => {
    const { replica, id, titleText } = suggestedDoc();
    const found = findPlanBlock(replica, id);
    const before = planBlock(plan, 'recommendation', id);
    expect(found?.title).toBe(titleText);
    expect(found?.block).toEqual(before);
  });

  it('keeps the marks when asked to (restores, the editor), inside rich fields and single-line fields', () => {
    const { replica } = suggestedDoc();
    const json = JSON.stringify(readContentFragment(replica.getXmlFragment(CONTENT_FIELD)));
    expect(json).toContain('"text":"WSTAWKA","marks":[{"type":"suggestionInsertion"');
    expect(json).toContain('"text":"Nowy ","marks":[{"type":"suggestionInsertion"');
    expect(json).toContain('"type":"suggestionDeletion","attrs":{"suggestionId":"s-b"');
  });

  it('y-tiptap builds the editor document with them: a suggestion in a single-line field does not drop the field', () => {
    const { replica, titleText } = suggestedDoc();
    const root: ProseMirrorNode = yXmlFragmentToProseMirrorRootNode(replica.getXmlFragment(CONTENT_FIELD), planSchema);
    root.check();
    let title: ProseMirrorNode | null = null;
    root.descendants((node) => {
      if (title === null && node.type.name === 'blockLine' && node.textContent.startsWith('Nowy ')) title = node;
      return title === null;
    });
    expect(title).not.toBeNull();
    const found = title as unknown as ProseMirrorNode;
    expect(found.textContent).toBe(`Nowy ${titleText}`);
    expect(found.firstChild?.marks.map((mark) => mark.type.name)).toEqual(['suggestionInsertion']);
    expect(found.lastChild?.marks.map((mark) => [mark.type.name, mark.attrs['authorId']])).toEqual([['suggestionDeletion', 'b']]);
  });

  describe('formatting suggestions', () => {
    /** Italic on the content's first four characters (plain edit), then suggested: italic off the first two, bold on 6–10. */
    function formattedDoc() {
      const doc = new Y.Doc();
      writePlanToYDoc(doc, plan);
      const recommendation = firstRecommendation(doc);
      const id = String(recommendation.getAttribute('id'));
      const content = findText(recommendation, 'blockRichText', (element) => element.getAttribute('field') === 'content');
      const title = findText(recommendation, 'blockLine');
      content.format(0, 4, { italic: {} });
      content.format(12, 4, { bold: {}, italic: {} });
      const agreed = planBlock(readPlanFromYDoc(doc).plan, 'recommendation', id);
      const titleText = title.toString();
      doc.transact(() => {
        content.format(0, 2, { italic: null, ...formatBy('a', { removed: ['italic'] }) });
        content.format(6, 4, { bold: {}, ...formatBy('a', { added: ['bold'] }) });
        // Bold off text that was bold and italic.
        content.format(13, 2, { bold: null, ...formatBy('a', { removed: ['bold'] }) });
        // Only hand-made content puts one in a single-line field (no formatting there), but it must not drop the field.
        title.format(0, 3, formatBy('b', { added: ['bold'] }));
      });
      const replica = new Y.Doc();
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
      return { replica, id, agreed, titleText };
    }

    it('are read as if not made by views, exports and agreements: added formats off, removed ones back', () => {
      const { replica, id, agreed } = formattedDoc();
      const { plan: read, dropped } = readPlanFromYDoc(replica);
      expect(planBlock(read, 'recommendation', id)).toEqual(agreed);
      expect(findPlanBlock(replica, id)?.block).toEqual(agreed);
      expect(dropped).toEqual([]);
    });

    it('keep their mark and the new formatting when asked to, and y-tiptap builds the editor document with them', () => {
      const { replica, titleText } = formattedDoc();
      const json = JSON.stringify(readContentFragment(replica.getXmlFragment(CONTENT_FIELD)));
      expect(json).toContain('{"type":"bold"},{"type":"suggestionFormat","attrs":{"suggestionId":"s-a","authorId":"a"');
      expect(json).toContain('"added":[],"removed":["italic"]');
      const root: ProseMirrorNode = yXmlFragmentToProseMirrorRootNode(replica.getXmlFragment(CONTENT_FIELD), planSchema);
      root.check();
      const formatted: string[] = [];
      let title: ProseMirrorNode | null = null;
      root.descendants((node) => {
        if (title === null && node.type.name === 'blockLine' && node.textContent === titleText) title = node;
        const mark = node.marks.find((candidate) => candidate.type.name === 'suggestionFormat');
        if (mark) formatted.push(`${node.text ?? ''}:${node.marks.map((each) => each.type.name).join('+')}:${JSON.stringify(mark.attrs['added'])}`);
        return true;
      });
      expect(title).not.toBeNull();
      expect(formatted).toHaveLength(4);
      expect(formatted[2]).toMatch(/:bold\+suggestionFormat:\["bold"\]$/);
    });

    it('survive a restore as the server writes one (kept marks, through the schema, into another document)', () => {
      const { replica } = formattedDoc();
      const content = planSchema.nodeFromJSON(readContentFragment(replica.getXmlFragment(CONTENT_FIELD)));
      const restored = new Y.Doc();
      restored.transact(() => updateYFragment(restored, restored.getXmlFragment(CONTENT_FIELD), content, { mapping: new Map(), isOMark: new Map() }));
      // Equal as the schema reads them (Yjs may list one run's marks in another order).
      const read = readContentFragment(restored.getXmlFragment(CONTENT_FIELD));
      expect(planSchema.nodeFromJSON(read).eq(content)).toBe(true);
      expect(JSON.stringify(read)).toContain('"added":[],"removed":["italic"]');
      expect(readPlanFromYDoc(restored).plan.sections).toEqual(readPlanFromYDoc(replica).plan.sections);
    });
  });
});

