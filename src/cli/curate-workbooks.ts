/**
 * `npx tsx src/cli/curate-workbooks.ts [population] [crime]`
 *
 * Writes the curated rows read from public spreadsheets (see workbooks.ts for where they are read
 * from) into static/data: the rows this script owns (by id) are replaced, every other row is left
 * as it is. Run it again after changing what is read; `test/unit/workbooks.test.ts` reads the
 * workbooks again and checks every curated figure against its cell.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import * as prettier from 'prettier';
import { POPULATION_FILE, POPULATION_SHEET, populationRows, populationSourceRow } from './curate-population.ts';
import {
  crimeSourceRows,
  form1mRows,
  formBlocks,
  formSng1Rows,
  FORM_1M_FILES,
  FORM_1M_ROWS,
  FORM_SNG1_FILES,
  type SheetBlock,
  type StatisticRow,
} from './curate-crime.ts';
import { FORM_1M_REPO, FORM_SNG1_REPO, POPULATION_REPO, sheetAt, type WorkbookRepo } from './workbooks.ts';

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
  if (wants('crime')) {
    const [form1m, sng1] = [await form1mRows(), await formSng1Rows()];
    update('statistics.csv', (id) => id.startsWith('gp22-'), [...form1m, ...sng1].map(stringify));
    sources.push(...crimeSourceRows());
    await writeBlocks(form1m, sng1);
  }
  for (const s of sources) sourceIds.add(s['id'] ?? '');
  update('sources.csv', (id) => sourceIds.has(id), sources);
}

/** The first download of Form SNG-1 in city-clearance-rate (period unknown): read for the record only. */
const SNG1_FIRST: WorkbookRepo = { repo: FORM_SNG1_REPO.repo, commit: '13a4924c777e65509336db69fc36dfed26b804d4' };

const blockTable = (blocks: SheetBlock[]) =>
  [
    '| sheet | what it holds (its heading) | data rows (codes) | numbered columns | figures read | blank cells |',
    '| ----- | --------------------------- | ----------------- | ---------------- | ------------ | ----------- |',
    ...blocks.map(
      (b) =>
        `| ${b.sheet} | ${b.title.replace(/\|/g, '/') || '(no heading)'} | ${b.dataRows} (${b.firstCode}-${b.lastCode}) | ${b.columns} | ${b.figures.toLocaleString('en')} | ${b.blanks.toLocaleString('en')} |`,
    ),
  ].join('\n');

/** The generated part of docs/crime-statistics-coverage.md: every sheet read, and the checks across forms. */
async function writeBlocks(form1m: StatisticRow[], sng1: StatisticRow[]): Promise<void> {
  const path = join(import.meta.dirname, '../../docs/crime-statistics-coverage.md');
  const doc = readFileSync(path, 'utf8');
  const first = firstDownloadFiles();
  const sum = (rows: StatisticRow[]) => rows.reduce((n, r) => n + r.value, 0);
  const byUnit = (rows: StatisticRow[], id: (unit: string) => string) =>
    FORM_1M_FILES.map((b) => rows.find((r) => r.id === id(b.unit))?.value ?? NaN);
  const terrorArticles = [
    '170',
    '171',
    '173',
    '177',
    '178',
    '184',
    '255',
    '256',
    '257',
    '258',
    '259',
    '260',
    '261',
    '269',
    '270',
  ];
  const terror1m = FORM_1M_FILES.map((b) =>
    sum(form1m.filter((r) => r.unit === b.unit && terrorArticles.includes(r.article))),
  );
  const terrorSng = byUnit(sng1, (u) => `gp22-sng1-terrorist-${u}`);
  const mismatches = FORM_1M_FILES.filter((_, i) => terror1m[i] !== terrorSng[i]).map(
    (b, i) => `${b.unit} (${terror1m[i]} and ${terrorSng[i]})`,
  );
  const generated = [
    '<!-- generated by src/cli/curate-workbooks.ts crime: do not edit by hand -->',
    '',
    `### Form 1-M (${FORM_1M_REPO.repo} at ${FORM_1M_REPO.commit.slice(0, 8)}, 20 workbooks, every sheet read)`,
    '',
    blockTable(await formBlocks(FORM_1M_REPO, FORM_1M_FILES)),
    '',
    `### Form SNG-1, second download (${FORM_SNG1_REPO.repo} at ${FORM_SNG1_REPO.commit.slice(0, 8)}, 20 workbooks)`,
    '',
    blockTable(await formBlocks(FORM_SNG1_REPO, FORM_SNG1_FILES)),
    '',
    `### Form SNG-1, first download (${SNG1_FIRST.repo} at ${SNG1_FIRST.commit.slice(0, 8)}, 20 workbooks, not used)`,
    '',
    blockTable(await formBlocks(SNG1_FIRST, first)),
    '',
    '### Kept, and the checks across the forms',
    '',
    `- statistics.csv: ${form1m.length} figures from Form 1-M (${FORM_1M_ROWS.length} rows of sheet R1 × 20 regions, column F) and ${sng1.length} from Form SNG-1 (2 rows of sheet R1 × 20 regions, column E); all offences registered in the 20 regions sum to ${sum(form1m.filter((r) => r.article === '')).toLocaleString('en')}.`,
    `- Form SNG-1 «террористического характера» (row 2) against the sum of the Form 1-M rows of the articles its label lists (${terrorArticles.join(', ')}): ${mismatches.length === 0 ? 'equal in all 20 regions' : `different in ${mismatches.join(', ')}`}.`,
    '',
    '<!-- end of generated part -->',
  ].join('\n');
  const start = doc.indexOf('<!-- generated by');
  const end = doc.indexOf('<!-- end of generated part -->');
  if (start < 0 || end < 0) throw new Error(`${path}: no generated part to replace`);
  const text = doc.slice(0, start) + generated + doc.slice(end + '<!-- end of generated part -->'.length);
  const options = (await prettier.resolveConfig(path)) ?? {};
  writeFileSync(path, await prettier.format(text, { ...options, filepath: path }));
  process.stderr.write('docs/crime-statistics-coverage.md: blocks written\n');
}

/** The workbooks of the first SNG-1 download, by their names at that commit. */
function firstDownloadFiles(): { file: string; unit: string; title: string }[] {
  const names = [
    'Abay_reg',
    'Akmola_reg',
    'Aktobe_reg',
    'Almaty',
    'Almaty_reg',
    'Astana',
    'Atyrau_reg',
    'EastKaz_reg',
    'Karagandy_reg',
    'Kostanay_reg',
    'Kyzylorda_reg',
    'Mangistau_reg',
    'NortKaz_reg',
    'Pavlodar_reg',
    'Shymkent',
    'Turkestan_reg',
    'Ulytau_reg',
    'WestKaz_reg',
    'Zhambyl_reg',
    'Zhetysu_reg',
  ];
  return names.map((name) => ({ file: `archive/${name}.XLSX`, unit: '', title: '' }));
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
