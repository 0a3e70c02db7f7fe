import { isAllowedLinkHref } from '../../../shared/schema/isAllowedLinkHref.js';
import { approximateColumnWidths } from '../approximateColumnWidths.js';
import type { ExportBlock, ExportDocument, ExportHeading, ExportList, ExportRun, ExportTable } from '../ExportDocument.js';
import { pageOrientations, type PageOrientation } from '../pageOrientations.js';
import { ODT_STYLE as S } from './odtStyles.js';
import { ODF_NAMESPACES, XML_DECLARATION, odfInlineText, xmlText } from './odtXml.js';

const RULE = '0.5pt solid #6b7785';
/** Text width of an upright and of a landscape A4 page with 2.5 cm margins. */
const TABLE_WIDTH_CM = { portrait: 16, landscape: 24.7 } as const;
const POINTS_PER_CM = 72 / 2.54;

type RunFlags = Pick<ExportRun, 'bold' | 'italic' | 'underline' | 'strike' | 'code'>;

/**
 * content.xml of an export document: the title page on a page style without
 * footer, a table of contents (filled in, with page-reference fields that the
 * word processor computes when it lays the pages out), `text:h` headings with
 * outline levels, lists, and tables with header rows that repeat on every page
 * and rows that do not split.
 */
export class OdtContentWriter {
  private readonly automaticStyles = new Map<string, string>();
  private tables = 0;
  private orientation: PageOrientation = 'portrait';
  /** The master page the next paragraph starts (a landscape table's pages, or upright ones after it). */
  private pendingMasterPage: string | null = null;

  constructor(private readonly document: ExportDocument) {}

  write(): string {
    const [first] = this.document.body;
    // The body starts on a new page after the contents.
    const pageBreak = first?.kind === 'heading' && first.level === 1 ? '' : '<text:p text:style-name="P_new_page"/>';
    const orientations = pageOrientations(this.document.body);
    const body = [
      this.titlePage(),
      this.contents(),
      pageBreak,
      ...this.document.body.map((block, index) => {
        this.orient(orientations[index] ?? 'portrait');
        return this.block(block, index === 0);
      }),
    ].join('');
    return [
      XML_DECLARATION,
      `<office:document-content ${ODF_NAMESPACES} office:version="1.3">`,
      '<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="\'Liberation Sans\'" style:font-family-generic="swiss"/>' +
        '<style:font-face style:name="Liberation Mono" svg:font-family="\'Liberation Mono\'" style:font-family-generic="modern" style:font-pitch="fixed"/></office:font-face-decls>',
      `<office:automatic-styles>${this.fixedAutomaticStyles()}${[...this.automaticStyles.values()].join('')}</office:automatic-styles>`,
      `<office:body><office:text>${body}</office:text></office:body>`,
      '</office:document-content>',
    ].join('');
  }

  private fixedAutomaticStyles(): string {
    return [
      `<style:style style:name="P_first" style:family="paragraph" style:parent-style-name="${S.annexLine}" style:master-page-name="${S.titleMasterPage}"/>`,
      `<style:style style:name="P_title_gap" style:family="paragraph" style:parent-style-name="${S.body}"><style:paragraph-properties fo:margin-top="0.6cm"/></style:style>`,
      `<style:style style:name="P_contents_title" style:family="paragraph" style:parent-style-name="${S.contentsHeading}"><style:paragraph-properties fo:break-before="page"/></style:style>`,
 `<style:style style:name="P_new_page" style:family="paragraph" style:parent-style-name="${S.body}"><style:paragraph-properties fo:break-before="page"/></style:style>`,
      `<style:style style:name="P_h1_new_page" style:family="paragraph" style:parent-style-name="${S.heading(1)}"><style:paragraph-properties fo:break-before="page"/></style:style>`,
      '<style:style style:name="Sect_contents" style:family="section"><style:section-properties style:editable="false"/></style:style>',
      `<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="${RULE}"/></style:style>`,
      `<style:style style:name="Cell_header" style:family="table-cell" style:parent-style-name="Table_20_header_20_cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="${RULE}" fo:background-color="#e8edf3"/></style:style>`,
      `<style:style style:name="Cell_row_header" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="${RULE}" fo:background-color="#f4f6f9"/></style:style>`,
      '<style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>',
    ].join('');
  }

  private titlePage(): string {
    const page = this.document.titlePage;
    const paragraph = (style: string, text: string): string => (text === '' ? '' : `<text:p text:style-name="${style}">${odfInlineText(text)}</text:p>`);
    return [
      `<text:p text:style-name="P_first">${odfInlineText(page.annexLine)}</text:p>`,
      paragraph(S.kind, page.kindLabel),
      `<text:p text:style-name="${S.title}">${odfInlineText(page.title)}</text:p>`,
      paragraph(S.body, page.territory),
      paragraph(S.body, page.period),
      paragraph('P_title_gap', page.adoptingBody),
      ...page.versionLines.map((line, index) => paragraph(index === 0 ? 'P_title_gap' : S.body, line)),
      ...page.notes.map((line) => paragraph(S.note, line)),
    ].join('');
  }

  private contents(): string {
    const entries = this.document.body.filter((block): block is ExportHeading => block.kind === 'heading' && block.level <= 2);
    const template = (level: 1 | 2): string =>
      `<text:table-of-content-entry-template text:outline-level="${level}" text:style-name="${S.contents(level)}">` +
      '<text:index-entry-link-start text:style-name="Index_20_Link"/><text:index-entry-chapter/><text:index-entry-text/>' +
      '<text:index-entry-tab-stop style:type="right" style:leader-char="."/><text:index-entry-page-number/><text:index-entry-link-end/>' +
      '</text:table-of-content-entry-template>';
    const title = xmlText(this.document.contentsTitle);
    const entry = (heading: ExportHeading): string =>
      `<text:p text:style-name="${S.contents(heading.level === 1 ? 1 : 2)}">` +
      `<text:a xlink:type="simple" xlink:href="#${heading.anchor}" text:style-name="Index_20_Link" text:visited-style-name="Index_20_Link">` +
      `${odfInlineText(headingLabel(heading))}<text:tab/>` +
      `<text:bookmark-ref text:reference-format="page" text:ref-name="${heading.anchor}"></text:bookmark-ref>` +
      '</text:a></text:p>';
    return (
      `<text:table-of-content text:style-name="Sect_contents" text:protected="true" text:name="${title}">` +
      `<text:table-of-content-source text:outline-level="2" text:use-outline-level="true" text:use-index-marks="false">` +
      `<text:index-title-template text:style-name="${S.contentsHeading}">${title}</text:index-title-template>` +
      `${template(1)}${template(2)}</text:table-of-content-source>` +
      `<text:index-body><text:index-title text:style-name="Sect_contents" text:name="${title}_Head">` +
      `<text:p text:style-name="P_contents_title">${title}</text:p></text:index-title>` +
      `${entries.map(entry).join('')}</text:index-body></text:table-of-content>`
    );
  }

  /** A landscape table (and its heading) starts the landscape master page, the block after it the upright one again. */
  private orient(wanted: PageOrientation): void {
    if (wanted === this.orientation) return;
    this.orientation = wanted;
    this.pendingMasterPage = wanted === 'landscape' ? S.landscapeMasterPage : S.masterPage;
  }

  /**
   * The style of a paragraph; the first paragraph after a change of orientation gets an automatic
   * style based on it that starts the other master page (ODF turns pages only at a paragraph).
   */
  private paragraphStyle(style: string): string {
    const masterPage = this.pendingMasterPage;
    if (masterPage === null) return style;
    this.pendingMasterPage = null;
    const name = `${style}_${masterPage}`;
    this.automaticStyles.set(name, `<style:style style:name="${name}" style:family="paragraph" style:parent-style-name="${style}" style:master-page-name="${masterPage}"/>`);
    return name;
  }

  private block(block: ExportBlock, isFirst: boolean): string {
    switch (block.kind) {
      case 'heading':
        return this.heading(block, isFirst);
      case 'paragraph': {
        const style = block.variant === 'note' ? S.note : block.variant === 'quote' ? S.quote : block.variant === 'code' ? S.code : S.body;
        return `<text:p text:style-name="${this.paragraphStyle(style)}">${this.runs(block.runs, block.variant === 'code')}</text:p>`;
      }
      case 'list':
        return this.list(block);
      case 'table':
        return this.table(block);
    }
  }

  /** The number comes from the outline numbering; annex headings are list headers, so they keep their level but no number. */
  private heading(heading: ExportHeading, isFirst: boolean): string {
    const style = isFirst && heading.level === 1 ? 'P_h1_new_page' : this.paragraphStyle(S.heading(heading.level));
    const number = heading.number === '' ? ' text:is-list-header="true"' : '';
    return (
      `<text:h text:style-name="${style}" text:outline-level="${heading.level}"${number}>` +
      `<text:bookmark-start text:name="${heading.anchor}"/>${odfInlineText(heading.text)}<text:bookmark-end text:name="${heading.anchor}"/>` +
      '</text:h>'
    );
  }

  private list(list: ExportList): string {
    const items = list.items.map(
      (item) =>
        `<text:list-item><text:p text:style-name="${this.paragraphStyle(S.body)}">${this.runs(item.runs, false)}</text:p>${item.children.map((child) => this.block(child, false)).join('')}</text:list-item>`,
    );
    return `<text:list text:style-name="${list.ordered ? S.numberList : S.bulletList}">${items.join('')}</text:list>`;
  }

  private table(table: ExportTable): string {
    this.tables += 1;
    const name = `Tabela${this.tables}`;
    // In points (9.5 pt text, 0.1 cm padding each side and the rules), then centimetres. Absolute widths
    // only: LibreOffice reads style:rel-column-width against a scale of its own and ignored these.
    const tableWidth = TABLE_WIDTH_CM[table.orientation ?? 'portrait'];
    const widths = approximateColumnWidths(table, tableWidth * POINTS_PER_CM, 9.5, 7).map((width) => width / POINTS_PER_CM);
    this.automaticStyles.set(
      name,
      `<style:style style:name="${name}" style:family="table"><style:table-properties style:width="${tableWidth}cm" table:align="left" fo:margin-bottom="0.3cm" style:may-break-between-rows="true"/></style:style>` +
        widths
          .map(
            (width, column) =>
              `<style:style style:name="${name}.C${column + 1}" style:family="table-column"><style:table-column-properties style:column-width="${width.toFixed(3)}cm"/></style:style>`,
          )
          .join(''),
    );
    const columns = table.header.map((_cell, column) => `<table:table-column table:style-name="${name}.C${column + 1}"/>`).join('');
    const cell = (text: string, style: string, paragraphStyle: string): string =>
      `<table:table-cell table:style-name="${style}" office:value-type="string">${text
        .split('\n')
        .map((line) => `<text:p text:style-name="${paragraphStyle}">${odfInlineText(line)}</text:p>`)
        .join('')}</table:table-cell>`;
    const header = `<table:table-header-rows><table:table-row table:style-name="Row">${table.header.map((text) => cell(text, 'Cell_header', S.tableHeading)).join('')}</table:table-row></table:table-header-rows>`;
    const rows = table.rows
      .map((row) => {
        const cells = table.header.map((_heading, column) => {
          const text = row.cells[column] ?? '';
          const isRowHeader = column === 0 && table.hasRowHeaders;
          const paragraphStyle = row.isTotal || isRowHeader ? S.tableHeading : table.align[column] === 'right' ? S.tableNumber : S.tableContents;
          return cell(text, isRowHeader ? 'Cell_row_header' : 'Cell', row.isTotal && table.align[column] === 'right' ? this.boldNumberStyle() : paragraphStyle);
        });
        return `<table:table-row table:style-name="Row">${cells.join('')}</table:table-row>`;
      })
      .join('');
    return (
      `<text:p text:style-name="${this.paragraphStyle(S.caption)}">${odfInlineText(table.caption)}</text:p>` +
      `<table:table table:name="${name}" table:style-name="${name}">${columns}${header}${rows}</table:table>`
    );
  }

  private boldNumberStyle(): string {
    const name = 'P_total_number';
    this.automaticStyles.set(name, `<style:style style:name="${name}" style:family="paragraph" style:parent-style-name="${S.tableNumber}"><style:text-properties fo:font-weight="bold"/></style:style>`);
    return name;
  }

  private runs(runs: ExportRun[], isCode: boolean): string {
    return runs
      .map((run) => {
        // In a code paragraph the paragraph style is already monospaced.
        const style = this.textStyle({ ...run, code: run.code === true && !isCode });
        const text = odfInlineText(run.text);
        const span = style === null ? text : `<text:span text:style-name="${style}">${text}</text:span>`;
        return run.href !== undefined && isAllowedLinkHref(run.href)
          ? `<text:a xlink:type="simple" xlink:href="${xmlText(run.href)}" text:style-name="Internet_20_link" text:visited-style-name="Internet_20_link">${span}</text:a>`
          : span;
      })
      .join('');
  }

  /** One automatic text style per combination of marks, named after it. */
  private textStyle(flags: RunFlags): string | null {
    const parts: Array<[keyof RunFlags, string, string]> = [
      ['bold', 'b', 'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"'],
      ['italic', 'i', 'fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"'],
      ['underline', 'u', 'style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"'],
      ['strike', 's', 'style:text-line-through-style="solid" style:text-line-through-type="single"'],
      ['code', 'c', 'style:font-name="Liberation Mono"'],
    ];
    const used = parts.filter(([flag]) => flags[flag] === true);
    if (used.length === 0) return null;
    const name = `T_${used.map(([, letter]) => letter).join('')}`;
    if (!this.automaticStyles.has(name)) {
      this.automaticStyles.set(name, `<style:style style:name="${name}" style:family="text"><style:text-properties ${used.map(([, , properties]) => properties).join(' ')}/></style:style>`);
    }
    return name;
  }
}

function headingLabel(heading: ExportHeading): string {
  return heading.number === '' ? heading.text : `${heading.number} ${heading.text}`;
}
