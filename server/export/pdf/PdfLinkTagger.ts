type Pdf = PDFKit.PDFDocument;
type StructureElement = PDFKit.PDFStructureElement;

/** What pdfkit keeps inside its objects and does not type: enough to reference them from the structure tree. */
interface PdfReference {
  data: Record<string, unknown>;
  end(chunk?: unknown): void;
}
interface PdfInternals {
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): Pdf;
  getStructTreeRoot(): PdfReference;
  getStructParentTree(): { add(key: number, value: unknown): void };
  page: { annotations: PdfReference[]; dictionary: PdfReference };
}
interface ElementInternals {
  dictionary: PdfReference;
}

interface LinkScope {
  parent: StructureElement;
  /** The alternate text of the link an annotation belongs to (URI or named destination), or null when it is not one of this scope's. */
  altOf: (target: string) => string | null;
  links: Map<string, { element: StructureElement; objects: Array<Record<string, unknown>> }>;
}

/**
 * Puts every link annotation pdfkit makes into a `Link` structure element
 * (PDF/UA): the annotation gets a `StructParent` entry and its alternate text
 * as `Contents`, and the `Link` element, a child of the paragraph or contents
 * entry where the link stands, holds the link text (see `text`) and references
 * the annotation with an `OBJR`.
 * pdfkit draws link annotations while it lays out the lines, so links are
 * claimed by target inside a scope rather than one text call at a time.
 */
export class PdfLinkTagger {
  private scope: LinkScope | null = null;
  private untagged = 0;

  constructor(private readonly pdf: Pdf) {
    const internals = pdf as unknown as PdfInternals;
    const annotate = internals.annotate.bind(pdf);
    internals.annotate = (x, y, w, h, options) => {
      const link = options['Subtype'] === 'Link' ? this.claim(targetOf(options)) : null;
      if (link === null) {
        if (options['Subtype'] === 'Link') this.untagged += 1;
        return annotate(x, y, w, h, options);
      }
      const root = internals.getStructTreeRoot();
      const key = Number(root.data['ParentTreeNextKey']);
      root.data['ParentTreeNextKey'] = key + 1;
      internals.getStructParentTree().add(key, (link.element as unknown as ElementInternals).dictionary);
      options['StructParent'] = key;
      options['Contents'] = new String(link.alt);
      const result = annotate(x, y, w, h, options);
      const annotation = internals.page.annotations.at(-1);
      link.objects.push({ Type: 'OBJR', Obj: annotation, Pg: internals.page.dictionary });
      return result;
    };
  }

  /** Link annotations drawn outside any scope (the test for PDF/UA expects none). */
  get untaggedCount(): number {
    return this.untagged;
  }

  /** Tags the links `draw` makes whose target `altOf` knows, as `Link` children of `parent`. */
  within(parent: StructureElement, altOf: (target: string) => string | null, draw: () => void): void {
    const outer = this.scope;
    const scope: LinkScope = { parent, altOf, links: new Map() };
    this.scope = scope;
    try {
      draw();
    } finally {
      this.scope = outer;
      for (const link of scope.links.values()) link.element.end();
    }
  }

  /**
   * Draws a link's text as marked content of its `Link` element, so the text is inside the element
   * (PDF/UA), not only the annotation. Outside a scope that knows the target, it just draws.
   */
  text(target: string, draw: () => void): void {
    const link = this.claim(target);
    if (link === null) {
      draw();
      return;
    }
    const content = this.pdf.markStructureContent('Link');
    draw();
    this.pdf.endMarkedContent();
    link.element.add(content);
  }

  private claim(target: string | null): { element: StructureElement; objects: Array<Record<string, unknown>>; alt: string } | null {
    const scope = this.scope;
    if (scope === null || target === null) return null;
    const alt = scope.altOf(target);
    if (alt === null) return null;
    let link = scope.links.get(target);
    if (link === undefined) {
      const element = this.pdf.struct('Link', { alt });
      const objects: Array<Record<string, unknown>> = [];
      // pdfkit writes the element's kids when it ends it; the annotation references go with them.
      const dictionary = (element as unknown as ElementInternals).dictionary;
      const end = dictionary.end.bind(dictionary);
      dictionary.end = (chunk?: unknown) => {
        const kids = dictionary.data['K'];
        if (Array.isArray(kids)) kids.push(...objects);
        end(chunk);
      };
      scope.parent.add(element);
      link = { element, objects };
      scope.links.set(target, link);
    }
    return { ...link, alt };
  }
}

function targetOf(options: Record<string, unknown>): string | null {
  const action = options['A'] as PdfReference | undefined;
  const data = action?.data ?? {};
  const target = data['URI'] ?? data['D'];
  return target instanceof String || typeof target === 'string' ? String(target) : null;
}
