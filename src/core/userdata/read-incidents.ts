/**
 * Incidents from a user's own table (an Excel export in Russian, an ACLED, GTD or UCDP GED extract):
 * each row read into the atlas's Incident, or rejected with its line, column and reason.
 *
 * @example
 * const result = readUserIncidents('events.csv', bytes, { unitAt });
 * result.report; // { file: 'events.csv', rows: 12, accepted: 10, rejected: [{ row: 5, field: 'Дата', reason: '…' }, …] }
 */
import type { Incident, IncidentCategory } from '../types.ts';
import { applyMapping, type ColumnOverrides } from './columns.ts';
import type { CategoryOverrides } from './categories.ts';
import { readCategory, readDates } from './incident-cells.ts';
import { locateIncident, type UnitAt } from './incident-place.ts';
import { createLocator } from './locate.ts';
import { type Progress, readRows, refuse, type UserReadResult } from './rows.ts';
import { readUserCount, type Delimiter } from './sniff.ts';
import { readTable, type UserTable } from './table.ts';

/** An incident from a user's file: where the file puts it, and the unit it lay in at its date. */
export interface UserIncident extends Incident {
  /** The file's coordinates (swapped back when they were swapped); null when it gives none. */
  position: { lon: number; lat: number } | null;
  /** First-level unit in force at the incident's date, when the row's names or point tell it. */
  unit: string | null;
}

export interface UserIncidentOptions {
  /** Corrections to the guessed columns: `{ region: 'Область', notes: null }`. */
  overrides?: ColumnOverrides;
  /** Categories for event types the atlas does not know: `{ 'Strategic developments': 'security_operation' }`. */
  categories?: CategoryOverrides;
  /** The category of every row, for a file without an event type column (or blank cells in it). */
  category?: IncidentCategory;
  /** Force a delimiter instead of the sniffed one. */
  delimiter?: Delimiter;
  /** Point-in-polygon at a layout, for rows with coordinates (see {@link UnitAt}). */
  unitAt?: UnitAt;
  /** Told how many rows are read, for a progress bar. */
  onProgress?: Progress;
  /** The table itself, when it is not read from the bytes (a workbook's sheet, workbook.ts). */
  table?: UserTable;
}

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * Reads a user's incident table. Statements sharing an id column value are one event
 * (`event` = `<file>:<id>`); rows without an id are each their own event.
 */
export function readUserIncidents(
  fileName: string,
  bytes: Uint8Array,
  options: UserIncidentOptions = {},
): UserReadResult<UserIncident> {
  const table = options.table ?? readTable(bytes, options);
  const mapping = applyMapping(table.header, options.overrides);
  const locator = createLocator();
  return readRows(
    fileName,
    table,
    mapping,
    (row): UserIncident => {
      const dated = readDates(row);
      const category = readCategory(row, options);
      const where = locateIncident(row, dated?.start.start ?? today(), locator, options.unitAt);
      const count = (field: 'killed' | 'injured' | 'arrested') => {
        const read = readUserCount(row.cell(field), table.decimalComma);
        return read !== null && 'error' in read ? refuse(row, field, read.error, null) : read;
      };
      const typeText = [row.cell('category'), row.cell('subCategory')].filter((t) => t !== '').join(': ');
      const placeText = row.cell('place') || row.cell('region');
      const fallbackTitle = `${typeText || category || 'Incident'}${placeText ? `, ${placeText}` : ''}`;
      const noDate = { text: '', start: '', end: '', precision: 'day' as const };
      return {
        id: `${fileName}:${row.line}`,
        event: `${fileName}:${row.cell('id') || `line-${row.line}`}`,
        related: [],
        category: category ?? 'attack',
        title: row.cell('title') || fallbackTitle,
        dateStart: dated?.start ?? noDate,
        dateEnd: dated?.end ?? null,
        datePrecision: dated?.precision ?? 'day',
        place: where.place,
        locationPrecision: where.precision,
        country: where.country,
        killed: count('killed'),
        injured: count('injured'),
        arrested: count('arrested'),
        perpetrator: row.cell('perpetrator'),
        articles: [],
        sourceId: fileName,
        citation: row.cell('source'),
        quote: '',
        notes: [row.cell('notes'), ...where.notes].filter((n) => n !== '').join(' '),
        line: row.line,
        position: where.position,
        unit: where.unit,
      };
    },
    [],
    options.onProgress,
  );
}
