import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { toggleMark } from '@tiptap/pm/commands';
import { planSchema } from '../../shared/schema/planExtensions.js';
import { collectSuggestions } from '../../client/editor/suggestions/collectSuggestions.js';
import { resolveSuggestions } from '../../client/editor/suggestions/resolveSuggestions.js';
import { recordFormatSuggestion, suggestableFormatRanges } from '../../client/editor/suggestions/suggestFormatting.js';
import { suggestInsertion } from '../../client/editor/suggestions/suggestEdits.js';

const ANNA = { id: 'anna', name: 'Anna', color: '#0f766e' };
const BORYS = { id: 'borys', name: 'Borys', color: '#b91c1c' };

/** A section with one paragraph: "Wspólny tekst planu", "tekst" already italic. */
function startState(): EditorState {
  const italic = planSchema.marks['italic']?.create();
  const paragraph = planSchema.nodes['paragraph']?.create(null, [planSchema.text('Wspólny '), planSchema.text('tekst', italic ? [italic] : []), planSchema.text(' planu')]);
  const doc = planSchema.nodeFromJSON({
    type: 'doc',
    content: [{ type: 'planSection', attrs: { key: 'diagnoza', title: 'Diagnoza' }, content: [paragraph?.toJSON()] }],
  });
  doc.check();
  return EditorState.create({ schema: planSchema, doc });
}

/** Where "Wspólny tekst planu" starts. */
function textStart(doc: ProseMirrorNode): number {
  let start = -1;
  doc.descendants((node, pos) => {
    if (start === -1 && node.isText) start = pos;
    return start === -1;
  });
  return start;
}

/** Toggles a mark over [from, to) the way the toolbar does, then records it as `author`'s suggestion, as SuggestionMode does. */
function suggestToggle(state: EditorState, markName: 'bold' | 'italic', from: number, to: number, author = ANNA): EditorState {
  const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
  let toggled: EditorState | null = null;
  const markType = planSchema.marks[markName];
  if (markType === undefined) throw new Error(`no ${markName}`);
  toggleMark(markType)(selected, (tr) => {
    const ranges = suggestableFormatRanges(tr, author.id);
    if (ranges === null) return;
    const next = selected.apply(tr);
    const recorded = next.tr;
    recordFormatSuggestion(recorded, selected.doc, ranges, author);
    toggled = next.apply(recorded);
  });
  return toggled ?? selected;
}

/** The text runs as "text[marks]", marks by name (the suggestion mark as fmt(added/removed)). */
function runs(doc: ProseMirrorNode): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (!node.isText) return true;
    const marks = node.marks.map((mark) =>
      mark.type.name === 'suggestionFormat' ? `fmt(${mark.attrs['authorId']}:+${(mark.attrs['added'] as string[]).join(',')}/-${(mark.attrs['removed'] as string[]).join(',')})` : mark.type.name,
    );
    out.push(`${node.text ?? ''}[${marks.join(' ')}]`);
    return false;
  });
  return out;
}

describe('formatting suggestions in the editor', () => {
  it('bold over a selection keeps the new formatting with a mark recording it; a card of kind formatting', () => {
    const state = startState();
    const start = textStart(state.doc);
    const next = suggestToggle(state, 'bold', start, start + 'Wspólny tekst'.length);
    expect(runs(next.doc)).toEqual(['Wspólny [bold fmt(anna:+bold/-)]', 'tekst[bold italic fmt(anna:+bold/-)]', ' planu[]']);
    const [card, ...others] = collectSuggestions(next.doc);
    expect(others).toEqual([]);
    expect(card).toMatchObject({ authorId: 'anna', authorName: 'Anna', formattedText: 'Wspólny tekst', addedFormats: ['bold'], removedFormats: [], insertedText: '', deletedText: '' });
    expect(card?.ranges.map((range) => range.kind)).toEqual(['formatting']);
  });

  it('rejecting restores exactly the old formatting, removed formats included; accepting keeps the new one', () => {
    const state = startState();
    const start = textStart(state.doc);
    // Italic off "tekst" and bold on "Wspólny tekst": two toggles, one suggestion on "tekst" recording both.
    let next = suggestToggle(state, 'italic', start + 8, start + 13);
    next = suggestToggle(next, 'bold', start, start + 13);
    expect(runs(next.doc)).toEqual(['Wspólny [bold fmt(anna:+bold/-)]', 'tekst[bold fmt(anna:+bold/-italic)]', ' planu[]']);
    const suggestions = collectSuggestions(next.doc);

    const rejected = next.tr;
    resolveSuggestions(rejected, suggestions, false);
    expect(rejected.doc.eq(state.doc)).toBe(true);

    const accepted = next.tr;
    resolveSuggestions(accepted, suggestions, true);
    expect(runs(accepted.doc)).toEqual(['Wspólny tekst[bold]', ' planu[]']);
  });

  it('toggling back withdraws the suggestion on that text; another member’s formatting suggestion is left alone', () => {
    const state = startState();
    const start = textStart(state.doc);
    const bold = suggestToggle(state, 'bold', start, start + 7);
    const back = suggestToggle(bold, 'bold', start, start + 7);
    expect(back.doc.eq(state.doc)).toBe(true);
    // Borys cannot toggle over Anna's suggestion: the transaction is not suggestable.
    const byBorys = suggestToggle(bold, 'italic', start, start + 3, BORYS);
    expect(byBorys.doc.eq(bold.doc)).toBe(true);
  });

  it('text suggested inside a formatting suggestion takes the formatting from before it', () => {
    const state = startState();
    const start = textStart(state.doc);
    const bold = suggestToggle(state, 'bold', start, start + 7);
    const tr = bold.tr;
    suggestInsertion(tr, start + 3, 'X', BORYS);
    expect(runs(tr.doc).slice(0, 3)).toEqual(['Wsp[bold fmt(anna:+bold/-)]', 'X[suggestionInsertion]', 'ólny[bold fmt(anna:+bold/-)]']);
  });
});
