/**
 * `npx tsx src/cli/curate-workbooks.ts [population]`
 *
 * Writes the curated rows read from public spreadsheets (see workbooks.ts for where they are read
 * from) into static/data: the rows this script owns (by id) are replaced, every other row is left
 * as it is. Run it again after changing what is read; `test/unit/workbooks.test.ts` reads the
 * workbooks again and checks every curated figure against its cell.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { POPULATION_FILE, POPULATION_SHEET, populationRows, populationSourceRow } from './curate-population.ts';
import { POPULATION_REPO, sheetAt } from './workbooks.ts';

const DATA = join(import.meta.dirname, '../../static/data');

/** The file's text with the rows whose id `owned` claims replaced by `rows` (appended, in order). */
export function replaceRows(text: string, owned: (id: string) => boolean, rows: Record<string, string>[]): string {
  const lines = text.replace(/\n$/, '').split('\n');
  const header = Papa.parse<string[]>(lines[0]!).data[0]!;
  const kept = lines.filter((line, i) => i === 0 || !owned(line.slice(0, line.indexOf(','))));
  const added = rows.map((row) => {
    const unknown = Object.keys(row).filter((k) => !header.includes(k));
    if (unknown.length) throw new Error(`columns not in the file: ${unknown.join(', ')}`);
    return Papa.unparse([header.map((name) => row[name] ?? '')], { newline: '\n' });
  });
  return `${[...kept, ...added].join('\n')}\n`;
}

function update(file: string, owned: (id: string) => boolean, rows: Record<string, string>[]): void {
  const path = join(DATA, file);
  writeFileSync(path, replaceRows(readFileSync(path, 'utf8'), owned, rows));
  process.stderr.write(`${file}: ${rows.length} rows written\n`);
}

const stringify = (row: object) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const wants = (what: string) => asked.length === 0 || asked.includes(what);
  const sources: Record<string, string>[] = [];
  const sourceIds = new Set<string>();
  if (wants('population')) {
    const sheet = await sheetAt(POPULATION_REPO, POPULATION_FILE, POPULATION_SHEET);
    const rows = populationRows(sheet).map(({ cell: _cell, ...row }) => stringify(row));
    update('population.csv', (id) => /^pop-202[0-3]-/.test(id), rows);
    sources.push(populationSourceRow());
  }
  for (const s of sources) sourceIds.add(s['id'] ?? '');
  update('sources.csv', (id) => sourceIds.has(id), sources);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
