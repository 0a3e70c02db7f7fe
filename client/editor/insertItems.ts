import type { Editor } from '@tiptap/core';

export type InsertItemId =
  | 'interventionDirection'
  | 'recommendation'
  | 'goal'
  | 'indicator'
  | 'section'
  | 'heading2'
  | 'heading3'
  | 'bulletList'
  | 'orderedList';

export interface InsertItem {
  id: InsertItemId;
  /** Words the slash menu matches in either language (the labels themselves come from i18n). */
  keywords: readonly string[];
  isBlock: boolean;
  /** Inserts at the selection; returns whether it did. */
  run: (editor: Editor) => boolean;
}

/** Everything the slash menu and the toolbar's "Wstaw" menu can insert, in menu order. */
export const INSERT_ITEMS: readonly InsertItem[] = [
  { id: 'interventionDirection', keywords: ['kierunek interwencji', 'intervention direction', 'ki'], isBlock: true, run: (editor) => editor.chain().focus().insertInterventionDirection().run() },
  { id: 'recommendation', keywords: ['rekomendacja', 'recommendation', 'model', 'wytyczna', 'guideline'], isBlock: true, run: (editor) => editor.chain().focus().insertRecommendation().run() },
  { id: 'goal', keywords: ['cel', 'goal'], isBlock: true, run: (editor) => editor.chain().focus().insertGoal().run() },
  { id: 'indicator', keywords: ['wskaźnik', 'indicator'], isBlock: true, run: (editor) => editor.chain().focus().insertIndicator().run() },
  { id: 'section', keywords: ['sekcja', 'rozdział', 'section', 'chapter'], isBlock: true, run: (editor) => editor.chain().focus().insertPlanSection().run() },
  { id: 'heading2', keywords: ['nagłówek', 'heading', 'h2'], isBlock: false, run: (editor) => editor.chain().focus().setHeading({ level: 2 }).run() },
  { id: 'heading3', keywords: ['podtytuł', 'nagłówek 3', 'subheading', 'heading 3', 'h3'], isBlock: false, run: (editor) => editor.chain().focus().setHeading({ level: 3 }).run() },
  { id: 'bulletList', keywords: ['lista punktowana', 'lista', 'bullet list', 'list'], isBlock: false, run: (editor) => editor.chain().focus().toggleBulletList().run() },
  { id: 'orderedList', keywords: ['lista numerowana', 'numbered list', 'ordered list'], isBlock: false, run: (editor) => editor.chain().focus().toggleOrderedList().run() },
];

/** The items whose keywords contain the typed query (case and Polish diacritics ignored). */
export function filterInsertItems(query: string): InsertItem[] {
  const wanted = normalize(query.trim());
  if (wanted === '') return [...INSERT_ITEMS];
  return INSERT_ITEMS.filter((item) => item.keywords.some((keyword) => normalize(keyword).includes(wanted)));
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l');
}
