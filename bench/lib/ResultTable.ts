export type Cell = string | number | boolean | null;

/** One printed table: a scenario's numbers, one row per configuration. */
export interface ResultTable {
  title: string;
  columns: string[];
  rows: Cell[][];
  notes?: string[];
}

/** A GitHub-flavoured Markdown table, so the output can be pasted into docs. */
export function formatTable(table: ResultTable): string {
  const cells = [table.columns, ...table.rows.map((row) => row.map(formatCell))];
  const widths = table.columns.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]): string =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const separator = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  const [header, ...body] = cells;
  return [
    `### ${table.title}`,
    '',
    line(header ?? []),
    separator,
    ...body.map(line),
    ...(table.notes && table.notes.length > 0 ? ['', ...table.notes.map((note) => `- ${note}`)] : []),
  ].join('\n');
}

function formatCell(cell: Cell): string {
  if (cell === null) return '–';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'NO';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '–';
    if (Number.isInteger(cell)) return String(cell);
    return Math.abs(cell) >= 100 ? cell.toFixed(0) : Math.abs(cell) >= 10 ? cell.toFixed(1) : cell.toFixed(2);
  }
  return cell;
}
