/**
 * How a user's table is written: which delimiter separates cells (Excel writes `;` in a Russian
 * locale, tabs for "Unicode text", `,` elsewhere) and whether numbers carry decimal commas (`76,92`).
 */
import Papa from 'papaparse';
import type { Count } from '../types.ts';
import { parseCount } from '../parse/counts.ts';

export type Delimiter = ',' | ';' | '\t';

export const DELIMITER_NAMES: Readonly<Record<Delimiter, 'comma' | 'semicolon' | 'tab'>> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
};

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];
/** Lines looked at, enough to see past a title line or two. */
const SAMPLE_LINES = 20;

export interface Sniffed {
  delimiter: Delimiter;
  /** Numbers are written `12,5` (possible only when cells are not separated by commas). */
  decimalComma: boolean;
  warnings: string[];
}

/** The first non-blank lines of a text, for guessing; a cell quoted over many lines may be cut. */
const sample = (text: string): string =>
  text
    .split('\n', SAMPLE_LINES * 4)
    .filter((line) => line.trim() !== '')
    .slice(0, SAMPLE_LINES)
    .join('\n');

/** Rows of the sample split by one delimiter. */
const split = (text: string, delimiter: Delimiter): string[][] =>
  Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' }).data;

/** Share of sample rows as wide as the most common width, when that width is more than one cell. */
function consistency(rows: string[][]): { width: number; share: number } {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  const [width, n] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [1, 0];
  return { width, share: rows.length === 0 ? 0 : n / rows.length };
}

const fits = (c: { width: number; share: number }): boolean => c.width > 1 && c.share >= 0.8;

/**
 * Takes papaparse's own guess of the delimiter and checks it over the first lines: it must split
 * them into more than one cell and the same number of cells on most lines. When it does not, the
 * delimiter that does is taken and a warning says so.
 *
 * @example sniffTable('дата;широта\n14.05.2011;50,28\n') // { delimiter: ';', decimalComma: true, warnings: [] }
 */
export function sniffTable(text: string): Sniffed {
  const lines = sample(text);
  const guessed = Papa.parse<string[]>(lines, {
    preview: SAMPLE_LINES,
    skipEmptyLines: true,
    delimitersToGuess: [...CANDIDATES],
  }).meta.delimiter as Delimiter;
  const papaGuess = CANDIDATES.includes(guessed) ? guessed : ',';
  const checked = CANDIDATES.map((d) => {
    const rows = split(lines, d);
    return { d, rows, ...consistency(rows) };
  });
  const own = checked.find((c) => c.d === papaGuess)!;
  const warnings: string[] = [];
  let chosen = own;
  if (!fits(own)) {
    const better = checked.filter(fits).sort((a, b) => b.share - a.share || b.width - a.width)[0];
    if (better) {
      chosen = better;
      warnings.push(
        `cells read as ${DELIMITER_NAMES[better.d]}-separated (not ${DELIMITER_NAMES[papaGuess]}, which does not split the first lines evenly)`,
      );
    } else if (lines.trim() !== '') {
      warnings.push(`cannot tell how cells are separated; read as ${DELIMITER_NAMES[papaGuess]}-separated`);
    }
  }
  const decimalComma =
    chosen.d !== ',' && chosen.rows.slice(1).some((row) => row.some((cell) => DECIMAL_COMMA.test(cell)));
  return { delimiter: chosen.d, decimalComma, warnings };
}

const DECIMAL_COMMA = /^\s*[+-]?\d+,\d+\s*$/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * A decimal number as spreadsheets write it: `76.92`, `76,92` (decimal comma), `-0,5`, `50.28°`;
 * spaces between digits are thousands separators. Null when the text is no number.
 *
 * @example readNumber('76,92') // 76.92
 * @example readNumber('1 234,5') // 1234.5
 */
export function readNumber(text: string): number | null {
  const compact = text
    .trim()
    .replace(/°$/, '')
    .replace(/(\d)[\s\u00a0\u202f]+(?=\d)/g, '$1');
  const dotted = compact.includes('.') ? compact : compact.replace(',', '.');
  return NUMBER.test(dotted) ? Number(dotted) : null;
}

/**
 * A count from a user's cell: blank is "not reported" (null), and so are GTD's -9 and -99
 * ("unknown"); `12,5` is 12.5 in a file with decimal commas, `1,800` is 1800 in one without.
 *
 * @example readUserCount('>950', false) // { value: 950, qualifier: 'more_than', text: '>950' }
 * @example readUserCount('-99', false) // null
 */
export function readUserCount(text: string, decimalComma: boolean): Count | null | { error: string } {
  const cell = text.trim();
  if (cell === '' || cell === '-9' || cell === '-99') return null;
  return parseCount(decimalComma && DECIMAL_COMMA.test(cell) ? cell.replace(',', '.') : cell);
}
