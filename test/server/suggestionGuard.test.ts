import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SuggestionGuard } from '../../server/sync/SuggestionGuard.js';
import { deletionBy, handMadeUpdate, insertionBy, paragraphText } from '../helpers/suggestionEdits.js';

const EXPERT = 'expert-id';
const MEMBER = 'member-id';

/** A paragraph 'Wspólny tekst' + the member's suggested ' do uzgodnienia', and an empty paragraph. */
function planDocument(): Y.Doc {
  const doc = new Y.Doc();
  const content = doc.getXmlFragment('content');
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    content.insert(0, [paragraph, new Y.XmlElement('paragraph')]);
    text.insert(0, 'Wspólny tekst');
    text.insert(text.length, ' do uzgodnienia', insertionBy(MEMBER));
  });
  return doc;
}

const emptyParagraph = (content: Y.XmlFragment): Y.XmlElement => content.get(1) as Y.XmlElement;

const REFUSED: [string, (content: Y.XmlFragment) => void][] = [
  ['text without a suggestion mark', (content) => paragraphText(content).insert(7, ' nowy')],
  ['text carrying another member’s insertion mark', (content) => paragraphText(content).insert(7, ' nowy', insertionBy(MEMBER))],
  ['deleting another member’s text', (content) => paragraphText(content).delete(0, 8)],
  ['deleting text inside another member’s suggestion', (content) => paragraphText(content).delete(16, 4)],
  ['taking over another member’s suggestion', (content) => paragraphText(content).format(13, 15, insertionBy(EXPERT))],
  ['accepting another member’s suggestion (removing the mark)', (content) => paragraphText(content).format(13, 15, { suggestionInsertion: null })],
  ['claiming existing text as one’s insertion', (content) => paragraphText(content).format(0, 7, insertionBy(EXPERT))],
  ['changing another member’s deletion', (content) => paragraphText(content).format(0, 7, deletionBy(MEMBER))],
  ['formatting', (content) => paragraphText(content).format(0, 8, { bold: {} })],
  ['a new paragraph', (content) => content.insert(1, [new Y.XmlElement('paragraph')])],
  ['removing a paragraph', (content) => content.delete(1, 1)],
  ['a block attribute', (content) => emptyParagraph(content).setAttribute('status', 'agreed')],
  ['plain text into an empty paragraph', (content) => emptyParagraph(content).insert(0, [new Y.XmlText('abc')])],
];

const ACCEPTED: [string, (content: Y.XmlFragment) => void][] = [
  ['an own suggested insertion', (content) => paragraphText(content).insert(7, ' nowy', insertionBy(EXPERT))],
  ['an own deletion mark on someone’s text', (content) => paragraphText(content).format(0, 8, deletionBy(EXPERT))],
  ['an own insertion inside another member’s suggestion', (content) => paragraphText(content).insert(20, 'X', insertionBy(EXPERT))],
  ['an own deletion mark on another member’s suggestion', (content) => paragraphText(content).format(14, 4, deletionBy(EXPERT))],
  [
    'own suggested text in an empty paragraph',
    (content) => {
      const text = new Y.XmlText();
      emptyParagraph(content).insert(0, [text]);
      text.insert(0, 'abc', insertionBy(EXPERT));
    },
  ],
];

describe('SuggestionGuard', () => {
  for (const [name, edit] of REFUSED) {
    it(`refuses ${name}`, () => {
      const doc = planDocument();
      const verdict = new SuggestionGuard(doc).check(handMadeUpdate(doc, edit), EXPERT);
      expect(verdict.isAllowed).toBe(false);
    });
  }

  for (const [name, edit] of ACCEPTED) {
    it(`accepts ${name}`, () => {
      const doc = planDocument();
      expect(new SuggestionGuard(doc).check(handMadeUpdate(doc, edit), EXPERT)).toEqual({ isAllowed: true });
    });
  }

  it('accepts withdrawing one’s own suggestions, and refuses the same from someone else', () => {
    const doc = planDocument();
    const suggested = handMadeUpdate(doc, (content) => {
      paragraphText(content).insert(7, ' nowy', insertionBy(EXPERT));
      paragraphText(content).format(0, 7, deletionBy(EXPERT));
    });
    Y.applyUpdate(doc, suggested);
    const withdrawal = handMadeUpdate(doc, (content) => {
      paragraphText(content).delete(7, 5);
      paragraphText(content).format(0, 7, { suggestionDeletion: null });
    });
    expect(new SuggestionGuard(doc).check(withdrawal, EXPERT)).toEqual({ isAllowed: true });
    expect(new SuggestionGuard(doc).check(withdrawal, 'someone-else').isAllowed).toBe(false);
  });

  it('judges a keystroke that builds on the previous one, not yet applied by the document, and follows the document afterwards', () => {
    const doc = planDocument();
    const guard = new SuggestionGuard(doc);
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(doc));
    const keystroke = (letter: string): Uint8Array => {
      const before = Y.encodeStateVector(local);
      paragraphText(local.getXmlFragment('content')).insert(7, letter, insertionBy(EXPERT));
      return Y.encodeStateAsUpdate(local, before);
    };
    const first = keystroke('a');
    const second = keystroke('b');
    expect(guard.check(first, EXPERT)).toEqual({ isAllowed: true });
    expect(guard.check(second, EXPERT)).toEqual({ isAllowed: true });
    Y.applyUpdate(doc, first);
    Y.applyUpdate(doc, second);
    // Someone else's edit reaches the shadow through the document.
    Y.applyUpdate(doc, handMadeUpdate(doc, (content) => paragraphText(content).insert(0, 'X')));
    const third = handMadeUpdate(doc, (content) => paragraphText(content).delete(0, 1));
    expect(guard.check(third, EXPERT).isAllowed).toBe(false);
  });

  it('refuses an update that builds on content the server does not have', () => {
    const doc = planDocument();
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(elsewhere);
    paragraphText(elsewhere.getXmlFragment('content')).insert(0, 'missing', insertionBy(EXPERT));
    const middle = Y.encodeStateVector(elsewhere);
    paragraphText(elsewhere.getXmlFragment('content')).insert(3, 'x', insertionBy(EXPERT));
    expect(Y.encodeStateVector(elsewhere)).not.toEqual(before);
    const orphan = Y.encodeStateAsUpdate(elsewhere, middle);
    expect(new SuggestionGuard(doc).check(orphan, EXPERT).isAllowed).toBe(false);
  });
});
