/** One line per row, columns padded to their widest cell; the last column squeezed onto its line. */
export function oneLineTable(headings: string[], rows: unknown[][]): string {
  const cells = [headings, ...rows.map((row) => row.map(oneLine))];
  const widths = headings.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  return cells
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Values are whatever a publisher or a row held: printed as text, on one line, '-' if absent. */
function oneLine(value: unknown): string {
  return String(value ?? '').replace(/\s+/g, ' ').trim() || '-';
}
