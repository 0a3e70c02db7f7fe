import type { BookmarkListNumber, IXmlableObject, PageNumberEstimator } from 'docx';
import type { ExportDocument, ExportHeading } from '../ExportDocument.js';
import { arialTextWidth } from './arialTextWidth.js';
import { estimateDocxPages } from './estimateDocxPages.js';

/** The heading levels the contents lists (its TOC field's `\o "1-2"`). */
export const CONTENTS_LEVELS = 2;

/**
 * The page numbers docx writes into the contents (and NUMPAGES), from our own
 * estimate of LibreOffice's layout of the export model (estimateDocxPages)
 * rather than docx/layout's general one, which took two seconds for a
 * twenty-page plan. docx bookmarks the headings the contents lists, in order;
 * they are matched to the model's headings in that order.
 */
export function docxPageNumbers(document: ExportDocument): PageNumberEstimator {
  const listed = document.body.filter((block): block is ExportHeading => block.kind === 'heading' && block.level <= CONTENTS_LEVELS);
  // docx asks twice (list numbers, then pages) about the same body.
  const matched = new WeakMap<IXmlableObject, Map<string, ExportHeading>>();
  const headingsOf = (body: IXmlableObject): Map<string, ExportHeading> => {
    const known = matched.get(body);
    if (known !== undefined) return known;
    const names = bookmarkNames(body);
    // A mismatch would put every number on the wrong heading: better none (the entries stay blank).
    const headings = names.length === listed.length ? new Map(names.map((name, index) => [name, listed[index] as ExportHeading])) : new Map<string, ExportHeading>();
    matched.set(body, headings);
    return headings;
  };
  const estimate = (body: IXmlableObject) => {
    const headings = headingsOf(body);
    const pages = estimateDocxPages(document);
    const pageOf = new Map(document.body.filter((block) => block.kind === 'heading').map((heading, index) => [heading, pages.headingPages[index]]));
    const bookmarkPageNumbers = new Map<string, number>();
    for (const [name, heading] of headings) {
      const page = pageOf.get(heading);
      if (page !== undefined) bookmarkPageNumbers.set(name, page);
    }
    return {
      bookmarks: new Map([...bookmarkPageNumbers].map(([name, page]) => [name, String(page)])),
      bookmarkPageNumbers,
      pageCount: pages.pageCount,
    };
  };
  const listNumbers = (body: IXmlableObject): ReadonlyMap<string, BookmarkListNumber> =>
    new Map(
      [...headingsOf(body)]
        .filter(([, heading]) => heading.number !== '')
        // The width is Word's measure for a tab after the number; our numbers are followed by a space.
        .map(([name, heading]) => [name, { text: heading.number, separator: 'space' as const, width: Math.round(arialTextWidth(heading.number, 12, 'regular') * 20) }]),
    );
  return Object.assign(estimate, { listNumbers });
}

/** The names of the bookmarks a formatted body starts, in document order. */
function bookmarkNames(node: unknown, names: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const child of node) bookmarkNames(child, names);
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'w:bookmarkStart') {
        const name = attributeOf(value, 'w:name');
        if (name !== undefined) names.push(name);
      } else if (key !== '_attr') {
        bookmarkNames(value, names);
      }
    }
  }
  return names;
}

function attributeOf(element: unknown, name: string): string | undefined {
  const holders = Array.isArray(element) ? element : [element];
  for (const holder of holders) {
    if (typeof holder !== 'object' || holder === null || !('_attr' in holder)) continue;
    const value = (holder as { _attr: Record<string, unknown> })._attr[name];
    if (typeof value === 'string') return value;
  }
  return undefined;
}
