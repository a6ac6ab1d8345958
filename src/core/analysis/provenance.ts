/**
 * Where a record came from: the curated data, or a file the user imported. A user's file gives
 * each record the id `<file>:<line>` (`<file>:<sheet>:<row>` for a form sheet of a workbook) and
 * the file's name as its source (see `core/userdata/read-incidents.ts`, `read-statistics.ts` and
 * `form-sheet.ts`); curated ids are slugs without a colon, so the two can never be confused. Pure.
 */
import type { AtlasEvent } from './events.ts';

/** The record's fields that tell its origin. */
export interface Provenanced {
  id: string;
  sourceId: string;
  line: number;
}

/** The name of the user's file a record was read from, or null for curated data. */
export function importedFileOf(record: Provenanced): string | null {
  return record.id.startsWith(`${record.sourceId}:`) && record.id.endsWith(`:${record.line}`) ? record.sourceId : null;
}

/** The first user's file any of the records comes from, or null when all are curated. */
function importedFileOfAny(records: readonly Provenanced[]): string | null {
  for (const record of records) {
    const file = importedFileOf(record);
    if (file !== null) return file;
  }
  return null;
}

/** The user's file a series' figures come from, or null for a curated series. */
export function importedFileOfSeries(series: { figures: readonly Provenanced[] }): string | null {
  return importedFileOfAny(series.figures);
}

/** The user's file an event's statements come from, or null for a curated event. */
export function importedFileOfEvent(event: Pick<AtlasEvent, 'statements'>): string | null {
  return importedFileOfAny(event.statements);
}
