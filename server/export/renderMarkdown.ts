import { isAllowedLinkHref } from '../../shared/schema/isAllowedLinkHref.js';
import { buildExportDocument } from './buildExportDocument.js';
import type { ExportBlock, ExportDocument, ExportHeading, ExportList, ExportRun, ExportTable } from './ExportDocument.js';
import type { ExportRenderer } from './ExportFormat.js';

/** GitHub-flavoured Markdown: numbered headings, a linked contents list, pipe tables. */
export const renderMarkdown: ExportRenderer = async (input) => {
  const document = buildExportDocument(input);
  return {
    bytes: new TextEncoder().encode(markdownOf(document)),
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
  };
};

function markdownOf(document: ExportDocument): string {
  const { titlePage } = document;
  const slugs = new GithubSlugs();
  const anchors = new Map<string, string>();
  const headings = document.body.filter((block): block is ExportHeading => block.kind === 'heading');
  // The title is the only level-1 heading of the file; it takes its slug first, as a renderer would.
  slugs.slug(titlePage.title);
  slugs.slug(document.contentsTitle);
  for (const heading of headings) anchors.set(heading.anchor, slugs.slug(headingLabel(heading)));

  const parts: string[] = [
    `*${escapeText(titlePage.annexLine)}*`,
    `**${escapeText(titlePage.kindLabel)}**`,
    `# ${escapeText(titlePage.title)}`,
    [titlePage.territory, titlePage.period, titlePage.adoptingBody].filter(Boolean).map(escapeText).join('  \n'),
    titlePage.versionLines.map(escapeText).join('  \n'),
    titlePage.notes.map((line) => `*${escapeText(line)}*`).join('  \n'),
    `## ${escapeText(document.contentsTitle)}`,
    headings
      .filter((heading) => heading.level <= 2)
      .map((heading) => `${heading.level === 2 ? '  ' : ''}- [${escapeText(headingLabel(heading))}](#${anchors.get(heading.anchor) ?? ''})`)
      .join('\n'),
    ...document.body.map(blockMarkdown),
  ];
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}

function blockMarkdown(block: ExportBlock): string {
  switch (block.kind) {
    case 'heading':
      // Sections are level 2 here: the document title is the file's one level-1 heading.
      return `${'#'.repeat(block.level + 1)} ${escapeText(headingLabel(block))}`;
    case 'paragraph': {
      if (block.variant === 'code') return `\`\`\`\n${block.runs.map((run) => run.text.replace(/```/g, '`\u200b``')).join('')}\n\`\`\``;
      const text = runsMarkdown(block.runs);
      if (block.variant === 'quote') return text.split('\n').map((line) => `> ${line}`).join('\n');
      return block.variant === 'note' ? `*${text}*` : text;
    }
    case 'list':
      return listMarkdown(block, '');
    case 'table':
      return tableMarkdown(block);
  }
}

function listMarkdown(list: ExportList, indent: string): string {
  return list.items
    .map((item, index) => {
      const marker = list.ordered ? `${index + 1}.` : '-';
      const childIndent = `${indent}${' '.repeat(marker.length + 1)}`;
      const text = runsMarkdown(item.runs).replace(/\n/g, `\n${childIndent}`);
      const children = item.children.map((child) =>
        child.kind === 'list' ? listMarkdown(child, childIndent) : `${childIndent}${blockMarkdown(child).replace(/\n/g, `\n${childIndent}`)}`,
      );
      return [`${indent}${marker} ${text}`, ...children].join('\n');
    })
    .join('\n');
}

function tableMarkdown(table: ExportTable): string {
  const row = (cells: string[], isBold: boolean): string => `| ${cells.map((cell) => cellMarkdown(cell, isBold)).join(' | ')} |`;
  const separator = `| ${table.align.map((align) => (align === 'right' ? '---:' : '---')).join(' | ')} |`;
  const body = table.rows.map((entry) => row(entry.cells, entry.isTotal === true));
  return [`**${escapeText(table.caption)}**`, '', row(table.header, false), separator, ...body].join('\n');
}

function cellMarkdown(text: string, isBold: boolean): string {
  const escaped = escapeText(text).replace(/\n/g, '<br>');
  return isBold && escaped !== '' ? `**${escaped}**` : escaped;
}

function runsMarkdown(runs: ExportRun[]): string {
  return runs
    .map((run) => {
      if (run.text === '\n') return '\\\n';
      let text = run.code ? codeSpan(run.text) : escapeLines(run.text).replace(/\n/g, '\\\n');
      if (run.bold) text = `**${text}**`;
      if (run.italic) text = `*${text}*`;
      if (run.strike) text = `~~${text}~~`;
      if (run.href !== undefined && isAllowedLinkHref(run.href)) text = `[${text}](<${run.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
      return text;
    })
    .join('');
}

function codeSpan(text: string): string {
  const fence = '`'.repeat((text.match(/`+/g) ?? []).reduce((longest, ticks) => Math.max(longest, ticks.length), 0) + 1);
  return `${fence} ${text.replace(/\n/g, ' ')} ${fence}`;
}

/** Inline text that Markdown shows as written: '<' is always escaped, so no raw HTML gets through. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|~&!]/g, (character) => `\\${character}`);
}

/** Text that starts a line of its own: heading, quote and list markers there are escaped too. */
function escapeLines(text: string): string {
  return escapeText(text).replace(/^(\s*)([#+=-]|\d+[.)])/gm, (_match, space: string, marker: string) => `${space}${marker.replace(/([#+=\-.)])/g, '\\$1')}`);
}

function headingLabel(heading: ExportHeading): string {
  return heading.number === '' ? heading.text : `${heading.number} ${heading.text}`;
}

/** GitHub's heading ids: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
class GithubSlugs {
  private readonly seen = new Map<string, number>();

  slug(text: string): string {
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const count = this.seen.get(base) ?? 0;
    this.seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  }
}
