import { ODF_NAMESPACES, XML_DECLARATION } from './odtXml.js';

// Colours and sizes as in the DOCX and PDF files; A4 with 2.5 cm margins.
const ACCENT = '#1f3b5c';
const MUTED = '#4d4d4d';
const HEADER_FILL = '#e8edf3';

export const ODT_STYLE = {
  title: 'Title',
  kind: 'Plan_20_kind',
  annexLine: 'Annex_20_line',
  body: 'Text_20_body',
  note: 'Note',
  quote: 'Quotations',
  code: 'Preformatted_20_Text',
  caption: 'Table_20_caption',
  tableHeading: 'Table_20_Heading',
  tableContents: 'Table_20_Contents',
  tableNumber: 'Table_20_Number',
  contentsHeading: 'Contents_20_Heading',
  contents: (level: 1 | 2): string => `Contents_20_${level}`,
  heading: (level: 1 | 2 | 3): string => `Heading_20_${level}`,
  bulletList: 'List_20_Bullet',
  numberList: 'List_20_Number',
  titleMasterPage: 'First_20_Page',
  masterPage: 'Standard',
  landscapeMasterPage: 'Landscape',
} as const;

const headingStyle = (level: 1 | 2 | 3, size: string, before: string, after: string, color: string): string =>
  `<style:style style:name="${ODT_STYLE.heading(level)}" style:display-name="Heading ${level}" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="${ODT_STYLE.body}" style:default-outline-level="${level}" style:class="text">` +
  `<style:paragraph-properties fo:margin-top="${before}" fo:margin-bottom="${after}" fo:keep-with-next="always"/>` +
  `<style:text-properties fo:font-size="${size}" fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold" fo:color="${color}"/>` +
  '</style:style>';

const outlineLevel = (level: number): string =>
  `<text:outline-level-style text:level="${level}" style:num-format="${level <= 3 ? '1' : ''}" style:num-suffix="${level <= 3 ? '.' : ''}" text:display-levels="${level <= 3 ? level : 1}">` +
  '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">' +
  '<style:list-level-label-alignment text:label-followed-by="space"/>' +
  '</style:list-level-properties></text:outline-level-style>';

const listLevels = (kind: 'bullet' | 'number'): string =>
  Array.from({ length: 10 }, (_, index) => {
    const level = index + 1;
    const indent = `${(0.6 * level).toFixed(2)}cm`;
    const alignment =
      '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">' +
      `<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="${indent}" fo:text-indent="-0.5cm" fo:margin-left="${indent}"/>` +
      '</style:list-level-properties>';
    return kind === 'bullet'
      ? `<text:list-level-style-bullet text:level="${level}" text:bullet-char="•">${alignment}</text:list-level-style-bullet>`
      : `<text:list-level-style-number text:level="${level}" style:num-format="1" style:num-suffix=".">${alignment}</text:list-level-style-number>`;
  }).join('');

/**
 * styles.xml: Polish as the default language, the heading styles with their
 * outline levels and the outline numbering (1., 1.1., 1.1.1.), the contents
 * and table styles, and two page styles: the title page without a footer,
 * then pages with "Strona X z Y".
 */
export function odtStyles(): string {
  return [
    XML_DECLARATION,
    `<office:document-styles ${ODF_NAMESPACES} office:version="1.3">`,
    '<office:font-face-decls>',
    '<style:font-face style:name="Liberation Sans" svg:font-family="\'Liberation Sans\'" style:font-family-generic="swiss" style:font-pitch="variable"/>',
    '<style:font-face style:name="Liberation Mono" svg:font-family="\'Liberation Mono\'" style:font-family-generic="modern" style:font-pitch="fixed"/>',
    '</office:font-face-decls>',
    '<office:styles>',
    '<style:default-style style:family="paragraph">',
    '<style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/>',
    '<style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:language="pl" fo:country="PL" style:language-asian="pl" style:country-asian="PL" style:language-complex="pl" style:country-complex="PL" fo:hyphenate="false"/>',
    '</style:default-style>',
    '<style:default-style style:family="table"><style:table-properties table:border-model="collapsing"/></style:default-style>',
    '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>',
    `<style:style style:name="${ODT_STYLE.body}" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.21cm" fo:line-height="115%"/></style:style>`,
    `<style:style style:name="${ODT_STYLE.note}" style:family="paragraph" style:parent-style-name="${ODT_STYLE.body}" style:class="text"><style:text-properties fo:font-size="9.5pt" fo:color="${MUTED}"/></style:style>`,
    `<style:style style:name="${ODT_STYLE.quote}" style:family="paragraph" style:parent-style-name="${ODT_STYLE.body}" style:class="html"><style:paragraph-properties fo:margin-left="1cm"/><style:text-properties fo:font-style="italic"/></style:style>`,
    `<style:style style:name="${ODT_STYLE.code}" style:display-name="Preformatted Text" style:family="paragraph" style:parent-style-name="Standard" style:class="html"><style:text-properties style:font-name="Liberation Mono" fo:font-size="10pt"/></style:style>`,
    `<style:style style:name="${ODT_STYLE.annexLine}" style:display-name="Annex line" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end" fo:margin-bottom="3cm"/><style:text-properties fo:font-size="10pt"/></style:style>`,
    `<style:style style:name="${ODT_STYLE.kind}" style:display-name="Plan kind" style:family="paragraph" style:parent-style-name="${ODT_STYLE.body}"><style:text-properties fo:color="${ACCENT}" fo:text-transform="uppercase"/></style:style>`,
    `<style:style style:name="${ODT_STYLE.title}" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="${ODT_STYLE.body}" style:class="chapter"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.6cm"/><style:text-properties fo:font-size="20pt" fo:font-weight="bold" fo:color="${ACCENT}"/></style:style>`,
    `<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="${ODT_STYLE.body}" style:class="text"><style:paragraph-properties fo:keep-with-next="always"/></style:style>`,
    headingStyle(1, '16pt', '0.85cm', '0.28cm', ACCENT),
    headingStyle(2, '13pt', '0.56cm', '0.21cm', ACCENT),
    headingStyle(3, '11.5pt', '0.42cm', '0.18cm', '#1a1a1a'),
    `<style:style style:name="${ODT_STYLE.caption}" style:display-name="Table caption" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:margin-top="0.28cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="10pt" fo:font-weight="bold"/></style:style>`,
    `<style:style style:name="${ODT_STYLE.tableContents}" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-size="9.5pt"/></style:style>`,
    `<style:style style:name="${ODT_STYLE.tableNumber}" style:display-name="Table Number" style:family="paragraph" style:parent-style-name="${ODT_STYLE.tableContents}" style:class="extra"><style:paragraph-properties fo:text-align="end"/></style:style>`,
    `<style:style style:name="${ODT_STYLE.tableHeading}" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="${ODT_STYLE.tableContents}" style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style>`,
    `<style:style style:name="${ODT_STYLE.contentsHeading}" style:display-name="Contents Heading" style:family="paragraph" style:parent-style-name="Heading" style:class="index"><style:paragraph-properties fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold" fo:color="${ACCENT}"/></style:style>`,
    ...([1, 2] as const).map(
      (level) =>
        `<style:style style:name="${ODT_STYLE.contents(level)}" style:display-name="Contents ${level}" style:family="paragraph" style:parent-style-name="Standard" style:class="index"><style:paragraph-properties fo:margin-left="${level === 1 ? '0cm' : '0.5cm'}" fo:margin-bottom="0.1cm"><style:tab-stops><style:tab-stop style:position="16cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties>${level === 1 ? '<style:text-properties fo:font-weight="bold"/>' : ''}</style:style>`,
    ),
    '<style:style style:name="Index_20_Link" style:display-name="Index Link" style:family="text"/>',
    '<style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text"><style:text-properties fo:color="#0b4f8a" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>',
    `<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" fo:color="${MUTED}"/></style:style>`,
    `<text:outline-style style:name="Outline">${Array.from({ length: 10 }, (_, index) => outlineLevel(index + 1)).join('')}</text:outline-style>`,
    `<text:list-style style:name="${ODT_STYLE.bulletList}" style:display-name="List Bullet">${listLevels('bullet')}</text:list-style>`,
    `<text:list-style style:name="${ODT_STYLE.numberList}" style:display-name="List Number">${listLevels('number')}</text:list-style>`,
    `<style:style style:name="Table_20_header_20_cell" style:family="table-cell"><style:table-cell-properties fo:background-color="${HEADER_FILL}"/></style:style>`,
    '</office:styles>',
    '<office:automatic-styles>',
    '<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>',
    '<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>',
    '<style:page-layout style:name="A4_landscape"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="2.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>',
    '<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>',
    '<style:page-layout style:name="A4_title"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2.5cm" fo:margin-bottom="2.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/></style:page-layout>',
    '</office:automatic-styles>',
    '<office:master-styles>',
    `<style:master-page style:name="${ODT_STYLE.masterPage}" style:page-layout-name="A4"><style:footer><text:p text:style-name="Footer">Strona <text:page-number text:select-page="current">1</text:page-number> z <text:page-count>1</text:page-count></text:p></style:footer></style:master-page>`,
    `<style:master-page style:name="${ODT_STYLE.landscapeMasterPage}" style:page-layout-name="A4_landscape"><style:footer><text:p text:style-name="Footer">Strona <text:page-number text:select-page="current">1</text:page-number> z <text:page-count>1</text:page-count></text:p></style:footer></style:master-page>`,
    `<style:master-page style:name="${ODT_STYLE.titleMasterPage}" style:display-name="First Page" style:page-layout-name="A4_title" style:next-style-name="${ODT_STYLE.masterPage}"/>`,
    '</office:master-styles>',
    '</office:document-styles>',
  ].join('');
}
