/**
 * Makes the curated files' digest (digest.ts) from their text: run by the build and the dev server
 * (vite.config.ts), and by the tests.
 */
import { parseCsv } from '../parse/csv.ts';
import { CURATED_KINDS, type CuratedKind } from './dataset-tables.ts';
import { digestTable, type Digest } from './digest.ts';

/** The digest of the curated files, given each file's name and text; JSON text, one file per line. */
export function digestOf(files: Readonly<Record<CuratedKind, { file: string; text: string }>>): string {
  const digest = Object.fromEntries(
    CURATED_KINDS.map((kind) => [kind, digestTable(kind, files[kind].file, parseCsv(files[kind].text))]),
  ) as Digest;
  return `{\n${CURATED_KINDS.map((kind) => `${JSON.stringify(kind)}:${JSON.stringify(digest[kind])}`).join(',\n')}\n}\n`;
}
