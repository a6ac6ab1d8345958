import type { Count, FuzzyDate } from '../types.ts';
import type { CsvRow } from '../parse/csv.ts';
import { parseCount } from '../parse/counts.ts';
import { parseFuzzyDate } from '../parse/dates.ts';

const ID = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * Reads typed fields out of one CSV row and remembers every problem with the field it concerns,
 * so that a row is either wholly accepted or rejected with all its reasons, never half-read.
 */
export class RowReader {
  readonly errors: { field: string; reason: string }[] = [];

  constructor(private readonly row: CsvRow) {}

  /** Records a problem found by a check outside this class (cross-references, rules across fields). */
  fail(field: string, reason: string): void {
    this.errors.push({ field, reason });
  }

  /** Trimmed text; a required field may not be blank. */
  text(field: string, required = false): string {
    const value = (this.row.cells[field] ?? '').trim();
    if (required && value === '') this.fail(field, 'is required but blank');
    return value;
  }

  /** A lower-case slug id such as `aktobe-2011-05`. */
  id(field: string, required = true): string {
    const value = this.text(field, required);
    if (value !== '' && !ID.test(value)) {
      this.fail(field, `"${value}" is not an id: use lower-case letters, digits, '.', '_' and '-'`);
    }
    return value;
  }

  /** One of a fixed set of values. */
  oneOf<T extends string>(field: string, allowed: readonly T[], required = true): T | '' {
    const value = this.text(field, required);
    if (value === '') return '';
    if (!(allowed as readonly string[]).includes(value)) {
      this.fail(field, `"${value}" is not one of ${allowed.join(', ')}`);
      return '';
    }
    return value as T;
  }

  /** A partial ISO date, or null when blank and optional. */
  date(field: string, required = true): FuzzyDate | null {
    const value = this.text(field, required);
    if (value === '') return null;
    const parsed = parseFuzzyDate(value);
    if ('error' in parsed) {
      this.fail(field, parsed.error);
      return null;
    }
    return parsed;
  }

  /** A count, or null for "not reported" (blank). */
  count(field: string, required = false): Count | null {
    const value = this.text(field, required);
    if (value === '') return null;
    const parsed = parseCount(value);
    if ('error' in parsed) {
      this.fail(field, parsed.error);
      return null;
    }
    return parsed;
  }

  /** A `;`-separated list; empty items are dropped. */
  list(field: string): string[] {
    return this.text(field)
      .split(';')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  /** `yes` or `no`. */
  yesNo(field: string): boolean {
    return this.oneOf(field, ['yes', 'no'] as const) === 'yes';
  }
}
