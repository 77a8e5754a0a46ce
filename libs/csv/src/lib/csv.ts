/** A CSV cell: text, a number or a boolean as written; null and undefined are an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * One field as RFC 4180 writes it: quoted when it holds a comma, a double quote, CR or LF (or starts
 * or ends with a space, which some readers trim), with each double quote doubled. Values are kept
 * exactly: an archived record is exported as it was written.
 */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = String(cell);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header line and one line per row, CRLF-terminated (RFC 4180). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
