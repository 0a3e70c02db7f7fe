import { isAllowedLinkHref } from '../../shared/schema/isAllowedLinkHref.js';
import { buildExportDocument } from './buildExportDocument.js';
import type { ExportBlock, ExportDocument, ExportHeading, ExportList, ExportRun, ExportTable } from './ExportDocument.js';
import type { ExportRenderer, RenderedExport } from './ExportFormat.js';
import { escapeHtml } from './escapeHtml.js';

// Body #1a1a1a and muted #4d4d4d on white, header cells on #e8edf3: all above WCAG AA 4.5:1.
const STYLE = `
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.45;color:#1a1a1a;background:#fff;max-width:48rem;margin:2rem auto;padding:0 1.25rem}
header.title-page{min-height:60vh;display:flex;flex-direction:column;justify-content:center;border-bottom:2px solid #1f3b5c;margin-bottom:2rem}
.annex-line{text-align:right;font-size:10pt;color:#4d4d4d;margin-bottom:3rem}
.kind{font-size:12pt;text-transform:uppercase;letter-spacing:.04em;color:#1f3b5c}
header.title-page h1{font-size:20pt;margin:.5rem 0 1rem}
.version{margin-top:2rem;font-size:10pt}
.note{font-size:9.5pt;color:#4d4d4d}
h2{font-size:16pt;color:#1f3b5c;margin-top:2.2rem;border-bottom:1px solid #1f3b5c}
h3{font-size:13pt;color:#1f3b5c;margin-top:1.6rem}
h4{font-size:11.5pt;margin-top:1.2rem}
nav ol{list-style:none;padding-left:0}nav ol ol{padding-left:1.5rem}
a{color:#0b4f8a}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1.2rem;font-size:9.5pt}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border:1px solid #6b7785;padding:.3rem .45rem;vertical-align:top;text-align:left}
thead th{background:#e8edf3}
tbody th{background:#f4f6f9;font-weight:bold;width:25%}
td.number{text-align:right;white-space:nowrap}
tr.total td,tr.total th{font-weight:bold}
blockquote{border-left:3px solid #6b7785;margin-left:0;padding-left:1rem}
pre{white-space:pre-wrap;background:#f4f4f4;padding:.5rem}
@media print{body{max-width:none;margin:0}header.title-page{min-height:auto;page-break-after:always}main h2{page-break-before:always}thead{display:table-header-group}tr{page-break-inside:avoid}a{color:inherit}}
`;

/** One self-contained, accessible HTML file: no scripts, no external resources, every text escaped. */
export const renderHtml: ExportRenderer = async (input) => renderHtmlDocument(buildExportDocument(input));

/** The same HTML file for any export document (a plan, or a consultation's remarks table). */
export function renderHtmlDocument(document: ExportDocument): RenderedExport {
  return {
    bytes: new TextEncoder().encode(htmlOf(document)),
    contentType: 'text/html; charset=utf-8',
    extension: 'html',
  };
}

function htmlOf(document: ExportDocument): string {
  const { titlePage, properties } = document;
  const title = [
    '<header class="title-page">',
    `<p class="annex-line">${escapeHtml(titlePage.annexLine)}</p>`,
    `<p class="kind">${escapeHtml(titlePage.kindLabel)}</p>`,
    `<h1 class="document-title">${escapeHtml(titlePage.title)}</h1>`,
    `<p>${escapeHtml(titlePage.territory)}<br>${escapeHtml(titlePage.period)}</p>`,
    `<p>${escapeHtml(titlePage.adoptingBody)}</p>`,
    `<div class="version">${titlePage.versionLines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>`,
    ...titlePage.notes.map((line) => `<p class="note">${escapeHtml(line)}</p>`),
    '</header>',
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="pl">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="author" content="${escapeHtml(properties.author)}">`,
    `<meta name="description" content="${escapeHtml(properties.description)}">`,
    `<title>${escapeHtml(properties.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    title,
    tocOf(document),
    '<main>',
    document.body.map(blockHtml).join('\n'),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function tocOf(document: ExportDocument): string {
  const headings = document.body.filter((block): block is ExportHeading => block.kind === 'heading' && block.level <= 2);
  let html = `<nav aria-labelledby="toc-title"><h2 id="toc-title">${escapeHtml(document.contentsTitle)}</h2><ol>`;
  let isNested = false;
  headings.forEach((heading, index) => {
    if (heading.level === 2 && !isNested) {
      // Nested inside the previous level-1 entry, whose <li> is still open.
      html += '<ol>';
      isNested = true;
    } else if (heading.level === 1) {
      if (isNested) html += '</li></ol>';
      isNested = false;
      if (index > 0) html += '</li>';
    } else {
      html += '</li>';
    }
    html += `<li><a href="#${heading.anchor}">${escapeHtml(headingLabel(heading))}</a>`;
  });
  if (headings.length > 0) html += isNested ? '</li></ol></li>' : '</li>';
  return `${html}</ol></nav>`;
}

function headingLabel(heading: ExportHeading): string {
  return heading.number === '' ? heading.text : `${heading.number} ${heading.text}`;
}

function blockHtml(block: ExportBlock): string {
  switch (block.kind) {
    case 'heading': {
      // The plan title is the page's one <h1>; chapters are <h2>, and so on down.
      const level = block.level + 1;
      return `<h${level} id="${block.anchor}">${escapeHtml(headingLabel(block))}</h${level}>`;
    }
    case 'paragraph': {
      const inner = runsHtml(block.runs);
      if (block.variant === 'quote') return `<blockquote><p>${inner}</p></blockquote>`;
      if (block.variant === 'code') return `<pre><code>${inner}</code></pre>`;
      return block.variant === 'note' ? `<p class="note">${inner}</p>` : `<p>${inner}</p>`;
    }
    case 'list':
      return listHtml(block);
    case 'table':
      return tableHtml(block);
  }
}

function listHtml(list: ExportList): string {
  const tag = list.ordered ? 'ol' : 'ul';
  const items = list.items.map((item) => `<li>${runsHtml(item.runs)}${item.children.map(blockHtml).join('')}</li>`);
  return `<${tag}>${items.join('')}</${tag}>`;
}

function tableHtml(table: ExportTable): string {
  const head = `<thead><tr>${table.header.map((cell) => `<th scope="col">${cellHtml(cell)}</th>`).join('')}</tr></thead>`;
  const rows = table.rows.map((row) => {
    const cells = row.cells.map((cell, column) => {
      const isRowHeader = column === 0 && (table.hasRowHeaders || row.isTotal === true);
      if (isRowHeader) return `<th scope="row">${cellHtml(cell)}</th>`;
      return `<td${table.align[column] === 'right' ? ' class="number"' : ''}>${cellHtml(cell)}</td>`;
    });
    return `<tr${row.isTotal ? ' class="total"' : ''}>${cells.join('')}</tr>`;
  });
  return `<table><caption>${escapeHtml(table.caption)}</caption>${head}<tbody>${rows.join('')}</tbody></table>`;
}

function cellHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

function runsHtml(runs: ExportRun[]): string {
  return runs
    .map((run) => {
      let html = escapeHtml(run.text).replace(/\n/g, '<br>');
      if (run.code) html = `<code>${html}</code>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.italic) html = `<em>${html}</em>`;
      if (run.underline) html = `<u>${html}</u>`;
      if (run.strike) html = `<s>${html}</s>`;
      if (run.href !== undefined && isAllowedLinkHref(run.href)) html = `<a href="${escapeHtml(run.href)}">${html}</a>`;
      return html;
    })
    .join('');
}
