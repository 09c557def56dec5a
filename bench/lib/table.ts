export type Cell = string | number;

const looksNumeric = (cell: Cell | undefined) =>
  typeof cell === 'number' || /^[-+]?\d/.test(cell ?? '');

/**
 * A Markdown table with padded columns (readable in a terminal, pastable into
 * a pull request). Columns of numbers (or text starting with one, like
 * "0.84") are right-aligned, others left-aligned.
 */
export function renderTable(headers: string[], rows: Cell[][]): string {
  const right = headers.map(
    (_, col) => rows.length > 0 && rows.every(row => looksNumeric(row[col])),
  );
  const text = rows.map(row => headers.map((_, col) => String(row[col] ?? '')));
  const widths = headers.map((header, col) =>
    Math.max(3, header.length, ...text.map(row => row[col].length)),
  );
  const line = (cells: string[]) =>
    `| ${cells
      .map((cell, col) =>
        right[col] ? cell.padStart(widths[col]) : cell.padEnd(widths[col]),
      )
      .join(' | ')} |`;
  const separator = `| ${widths
    .map((width, col) =>
      right[col] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width),
    )
    .join(' | ')} |`;
  return [line(headers), separator, ...text.map(line)].join('\n');
}
