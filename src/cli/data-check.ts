/**
 * `npm run data:check [-- <file>... ] [--json]`
 *
 * Validates the curated data files in static/data (no arguments) or the files given, and prints
 * per file the rows read, accepted, and every rejected row with its line, field and reason.
 * Exit status 1 when any row is rejected, 2 on a usage error.
 */
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { keepLinked, readDataset, SPECS, type Dataset, type DatasetFiles } from '../core/data/dataset.ts';
import { readFile } from '../core/data/file-spec.ts';
import { detectKind } from '../core/data/detect-kind.ts';
import { parseCsv } from '../core/parse/csv.ts';
import type { DataContext } from '../core/data/context.ts';
import type { FileReport } from '../core/types.ts';
import { layoutsDuring, placeById, unitById } from '../core/gazetteer.ts';

const DATA_DIR = join(import.meta.dirname, '../../static/data');

function curatedFiles(): DatasetFiles {
  const entry = (kind: keyof DatasetFiles) => {
    const path = join(DATA_DIR, `${kind}.csv`);
    return { file: relative(process.cwd(), path), text: readFileSync(path, 'utf8') };
  };
  return {
    sources: entry('sources'),
    incidents: entry('incidents'),
    statistics: entry('statistics'),
    national: entry('national'),
  };
}

const gazetteer = { unitById, placeById, layoutsDuring };

/** Checks files given on the command line, each against the curated sources plus any given sources file. */
function checkGiven(paths: string[]): { reports: FileReport[]; warnings: string[] } {
  const texts = paths.map((path) => ({ file: path, text: readFileSync(path, 'utf8') }));
  const curatedData = readDataset(curatedFiles(), gazetteer);
  const sourceIds = new Set(curatedData.sources.map((s) => s.id));
  const kinds = texts.map(({ text }) => detectKind(parseCsv(text).header));
  texts.forEach(({ text }, i) => {
    if (kinds[i] === 'sources') for (const s of readFile('', text, SPECS.sources, null).records) sourceIds.add(s.id);
  });
  const context: DataContext = { ...gazetteer, sourceIds };
  const reports: FileReport[] = [];
  const warnings: string[] = [];
  texts.forEach(({ file, text }, i) => {
    const kind = kinds[i];
    if (!kind) {
      const rows = parseCsv(text).rows;
      const reason = `cannot tell what kind of data file ${basename(file)} is: its header has none of date_start, metric, indicator, seed_file`;
      reports.push({
        file,
        rows: rows.length,
        accepted: 0,
        rejected: rows.map((r) => ({ row: r.line, field: '(file)', reason })),
      });
      return;
    }
    const result = linked(readKind(kind, file, text, context), curatedData);
    reports.push(result.report);
    warnings.push(...result.warnings.map((w) => `${file}: ${w}`));
  });
  return { reports, warnings };
}

/** Reads one file with the reader of its kind; a switch keeps each reader's record type. */
function readKind(kind: keyof DatasetFiles, file: string, text: string, context: DataContext) {
  switch (kind) {
    case 'sources':
      return readFile(file, text, SPECS.sources, null);
    case 'incidents':
      return readFile(file, text, SPECS.incidents, context);
    case 'statistics':
      return readFile(file, text, SPECS.statistics, context);
    case 'national':
      return readFile(file, text, SPECS.national, context);
  }
}

/** The link check of `related` ids, against the file's own records and the curated ones. */
function linked(result: ReturnType<typeof readKind>, curatedData: Dataset): { report: FileReport; warnings: string[] } {
  const records = result.records as { id: string; line: number; event?: string; related?: string[] }[];
  if (!records.some((r) => r.related)) return result;
  const isIncident = records.some((r) => r.event !== undefined);
  const known = new Set(
    isIncident
      ? [...curatedData.incidents.map((i) => i.event), ...records.map((r) => r.event ?? '')]
      : [...curatedData.statistics, ...curatedData.national, ...records].map((r) => r.id),
  );
  const checked = keepLinked(
    { records, report: result.report },
    (r) => r.related ?? [],
    known,
    isIncident ? 'event' : 'figure',
  );
  return { report: checked.report, warnings: result.warnings };
}

function printText(reports: FileReport[], warnings: string[]): void {
  for (const report of reports) {
    const verdict = report.rejected.length === 0 ? 'ok' : `${report.rejected.length} rejected`;
    console.log(`${report.file}: ${report.rows} rows read, ${report.accepted} accepted, ${verdict}`);
    for (const r of report.rejected) console.log(`  line ${r.row}, field ${r.field}: ${r.reason}`);
  }
  for (const warning of warnings) console.log(`warning: ${warning}`);
}

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const unknownFlags = argv.filter((a) => a.startsWith('--') && a !== '--json');
  if (unknownFlags.length > 0) {
    console.error(
      `data:check: unknown option ${unknownFlags.join(' ')}; usage: npm run data:check -- [file...] [--json]`,
    );
    return 2;
  }
  const paths = argv.filter((a) => !a.startsWith('--'));
  let result: { reports: FileReport[]; warnings: string[] };
  try {
    result = paths.length === 0 ? readDataset(curatedFiles(), gazetteer) : checkGiven(paths);
  } catch (error) {
    console.error(`data:check: ${(error as Error).message}`);
    return 2;
  }
  if (json) console.log(JSON.stringify({ files: result.reports, warnings: result.warnings }));
  else printText(result.reports, result.warnings);
  return result.reports.some((r) => r.rejected.length > 0) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
