/**
 * Where a record came from: the curated data, or a file the user imported. A user's file gives
 * each record the id `<file>:<line>` and the file's name as its source (see
 * `core/userdata/read-incidents.ts` and `read-statistics.ts`); curated ids are slugs without a
 * colon, so the two can never be confused. Pure.
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
  return record.id === `${record.sourceId}:${record.line}` ? record.sourceId : null;
}

/** The user's file an event's statements come from, or null for a curated event. */
export function importedFileOfEvent(event: Pick<AtlasEvent, 'statements'>): string | null {
  for (const statement of event.statements) {
    const file = importedFileOf(statement);
    if (file !== null) return file;
  }
  return null;
}
