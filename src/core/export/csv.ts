/**
 * CSV for spreadsheets: RFC 4180 quoting, UTF-8 with a byte-order mark (so that Excel opens
 * Cyrillic text correctly), CRLF line ends, and formula neutralisation against CSV injection.
 *
 * Neutralisation rule (after OWASP's "CSV Injection" advice and ASVS 5.0 requirement 1.2.10): a
 * text cell is prefixed with a single quote `'` when
 * - its first character is `=`, `+`, `-`, `@`, tab (U+0009), carriage return (U+000D) or NUL; or
 * - its first character after leading whitespace (spaces, tabs, line breaks, no-break spaces) is
 *   `=`, `+`, `-` or `@`, because some spreadsheet imports trim leading blanks before deciding that
 *   a cell is a formula; or
 * - it starts (after whitespace) with the full-width forms `＝ ＋ － ＠`, which some East Asian
 *   Excel versions read as formula characters.
 * The quote makes spreadsheets show the text as text; the cell's content is otherwise unchanged,
 * so a reader of the raw file sees `'=HYPERLINK(...)` and understands it.
 *
 * Numbers: a value typed as `number` is written raw (`-5`, `3.25`): it is a number, not a formula,
 * and stays usable in the spreadsheet. Only strings are neutralised, so the string `-5` becomes
 * `'-5` and `-2+3` becomes `'-2+3`. Callers therefore pass counts as numbers. NaN and infinities
 * are refused (a programming error, not data). `null` is an empty cell (in this atlas: "not
 * reported", never 0).
 *
 * Quoting: a cell is enclosed in double quotes, with inner quotes doubled, when it contains a
 * comma, a double quote, CR or LF (RFC 4180 §2.6-2.7), and also when it contains a semicolon, so
 * that the cell survives a spreadsheet that splits on `;` (Excel in Russian and Kazakh locales).
 */

export type CsvValue = string | number | null | undefined;

/** The byte-order mark that tells Excel the file is UTF-8. */
export const BOM = '\ufeff';
export const CRLF = '\r\n';

/** First characters that start a formula (or hide one) whatever follows. */
const DANGEROUS_FIRST = /^[=+\-@\t\r\0]/;
/** Formula characters, ASCII and full width, after any leading whitespace. */
const DANGEROUS_AFTER_SPACE = /^[\s\u00a0\u2000-\u200b\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/** Whether a text cell would be read as a formula by a spreadsheet. */
export function isDangerous(text: string): boolean {
  return DANGEROUS_FIRST.test(text) || DANGEROUS_AFTER_SPACE.test(text);
}

/** A text cell made inert: prefixed with `'` when it could start a formula, else unchanged. */
export function neutralise(text: string): string {
  return isDangerous(text) ? `'${text}` : text;
}

/** One cell as it appears in the file: neutralised (strings only), then quoted if needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`CSV: ${value} is not a number a spreadsheet can hold`);
    return String(value);
  }
  const text = neutralise(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as a CSV file's text: BOM, a header row of `columns`, then one record per row with the
 * cells of `columns` in that order (a column a row lacks is empty), each line ended by CRLF.
 */
export function toSafeCsv(rows: readonly Readonly<Record<string, CsvValue>>[], columns: readonly string[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column])).join(','));
  return BOM + lines.map((line) => line + CRLF).join('');
}
