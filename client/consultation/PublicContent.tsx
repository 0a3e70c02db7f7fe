import type { ReactNode } from 'react';
import type { PublicContentBlock, PublicRun } from '../../shared/consultations/Consultation.js';

/**
 * The consulted text, drawn from the server's presentation-ready blocks.
 * Everything is rendered as React text (never as markup), so whatever a
 * plan's author typed stays text on the public page.
 */
export function PublicContent({ blocks }: { blocks: readonly PublicContentBlock[] }) {
  return (
    <>
      {blocks.map((block, index) => (
        <PublicBlock key={index} block={block} />
      ))}
    </>
  );
}

function PublicBlock({ block }: { block: PublicContentBlock }) {
  switch (block.kind) {
    case 'heading': {
      // Sections are h2 on the page; headings inside them start at h3.
      const Tag = block.level === 1 ? 'h3' : block.level === 2 ? 'h3' : 'h4';
      return <Tag>{block.number === '' ? block.text : `${block.number} ${block.text}`}</Tag>;
    }
    case 'paragraph': {
      const runs = <Runs runs={block.runs} />;
      if (block.variant === 'quote') return <blockquote><p>{runs}</p></blockquote>;
      if (block.variant === 'code') return <pre><code>{runs}</code></pre>;
      return <p className={block.variant === 'note' ? 'public-consultation__note' : undefined}>{runs}</p>;
    }
    case 'list': {
      const items = block.items.map((item, index) => (
        <li key={index}>
          <Runs runs={item.runs} />
          <PublicContent blocks={item.children} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return (
        <div className="public-consultation__table">
          <table>
            <caption>{block.caption}</caption>
            <thead>
              <tr>
                {block.header.map((cell, index) => (
                  <th key={index} scope="col">{cell}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.cells.map((cell, index) =>
                    index === 0 && (block.hasRowHeaders || row.isTotal === true) ? (
                      <th key={index} scope="row">{lines(cell)}</th>
                    ) : (
                      <td key={index}>{lines(cell)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

function Runs({ runs }: { runs: readonly PublicRun[] }) {
  return (
    <>
      {runs.map((run, index) => {
        let content: ReactNode = lines(run.text);
        if (run.code) content = <code>{content}</code>;
        if (run.bold) content = <strong>{content}</strong>;
        if (run.italic) content = <em>{content}</em>;
        if (run.underline) content = <u>{content}</u>;
        if (run.strike) content = <s>{content}</s>;
        // Only http(s) and mailto ever reach the export model; shown as a plain link that leaves the page.
        if (run.href !== undefined && /^(https?:|mailto:)/i.test(run.href)) content = <a href={run.href} rel="noopener noreferrer nofollow">{content}</a>;
        return <span key={index}>{content}</span>;
      })}
    </>
  );
}

function lines(text: string): ReactNode {
  const parts = text.split('\n');
  return parts.map((part, index) => (
    <span key={index}>
      {index > 0 && <br />}
      {part}
    </span>
  ));
}
