/**
 * `npm run data:check [-- <file>... ] [--json] [--sheet NAME] [--period TEXT] [--region NAME] [--column N]`
 *
 * Validates the curated data files in static/data (no arguments) or the files given, and prints
 * per file the rows read, accepted, and every rejected row with its line, field and reason.
 * Files are read as bytes and decoded (UTF-8, UTF-16 or Windows-1251); a file whose header is none
 * of the atlas's own formats is read as a user's incident or statistics table (src/core/userdata).
 * An Excel workbook (.xlsx) is read one sheet at a time: `--sheet NAME`, by default the first sheet
 * (the report names the sheet, and its rows are the sheet's row numbers). A sheet laid out as the
 * prosecutors' statistical forms are (Form 1-M, SNG-1) is one region's figures for a period the
 * form does not write: `--period 2022` gives it, `--region` overrides the workbook's title and
 * `--column N` reads the form's column N instead of offences registered. `--period` also serves a
 * user's statistics table without a period column, as the import panel's period field does.
 * Exit status 1 when any row is rejected, 2 on a usage error.
 */
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { keepLinked, readDataset, SPECS, type Dataset, type DatasetFiles } from '../core/data/dataset.ts';
import { readFile } from '../core/data/file-spec.ts';
import { detectKind } from '../core/data/detect-kind.ts';
import { parseCsv } from '../core/parse/csv.ts';
import type { DataContext } from '../core/data/context.ts';
import type { FileReport, LayoutId } from '../core/types.ts';
import { layoutsDuring, placeById, unitById } from '../core/gazetteer.ts';
import { buildUnitIndex } from '../core/geo/assign.ts';
import { REGION_FILE_NAMES } from '../core/geo/embedded-files.ts';
import { decodeText } from '../core/userdata/decode.ts';
import { DELIMITER_NAMES } from '../core/userdata/sniff.ts';
import type { UnitAt } from '../core/userdata/incident-place.ts';
import { readUserFile } from '../core/userdata/read-user-file.ts';
import { looksLikeXlsx } from '../core/parse/xlsx-sniff.ts';
import type { WorkbookOptions } from '../core/userdata/workbook.ts';

const DATA_DIR = join(import.meta.dirname, '../../static/data');
/** The embedded boundaries of each layout (geo/scripts/build-boundaries.ts). */
const regionFile = (layout: LayoutId) =>
  join(import.meta.dirname, '../../geo/boundaries', `${REGION_FILE_NAMES[layout]}.geojson`);

/** A file's text, decoded from its bytes whatever the encoding, with what decoding had to say. */
function readText(path: string): { text: string; warnings: string[] } {
  const decoded = decodeText(readFileSync(path));
  return { text: decoded.text, warnings: decoded.warnings };
}

function curatedFiles(): DatasetFiles {
  const entry = (kind: keyof DatasetFiles) => {
    const path = join(DATA_DIR, `${kind}.csv`);
    return { file: relative(process.cwd(), path), text: readText(path).text };
  };
  return {
    sources: entry('sources'),
    incidents: entry('incidents'),
    statistics: entry('statistics'),
    national: entry('national'),
    population: entry('population'),
  };
}

const gazetteer = { unitById, placeById, layoutsDuring };

/**
 * Point-in-polygon for users' files, on the boundaries shipped with the atlas for the layout asked
 * for (each read when first needed): a point outside them lies in no unit (null), else in its unit.
 */
function shippedUnitAt(): UnitAt {
  const indexes = new Map<LayoutId, ReturnType<typeof buildUnitIndex>>();
  return (lon, lat, layout) => {
    let index = indexes.get(layout);
    if (!index) {
      index = buildUnitIndex(
        JSON.parse(readFileSync(regionFile(layout), 'utf8')) as Parameters<typeof buildUnitIndex>[0],
      );
      indexes.set(layout, index);
    }
    return index.unitAt(lon, lat);
  };
}

/**
 * Reads a file in none of the atlas's formats as a user's incident or statistics table; `unitAt`
 * builds the boundary index only when a row has coordinates.
 */
function checkUserFile(
  file: string,
  unitAt: UnitAt,
  options: WorkbookOptions = {},
): { report: FileReport; warnings: string[] } {
  const result = readUserFile(file, readFileSync(file), { ...options, unitAt });
  if (result.kind === null) {
    const reason = `cannot tell what kind of data file ${basename(file)} is: its header has none of date_start, metric, indicator, population, seed_file, and no coordinates, date, or value with a region`;
    const rejected = result.report.rejected.map((r) => ({ ...r, reason }));
    return { report: { ...result.report, rejected }, warnings: result.warnings };
  }
  const columns = Object.entries(result.mapping).map(([field, c]) => `${c.column} → ${field}`);
  const format = [result.encoding, `${DELIMITER_NAMES[result.delimiter]}-separated`];
  if (result.decimalComma) format.push('decimal commas');
  return {
    report: result.report,
    warnings: [`read as ${result.kind} (${format.join(', ')}); columns: ${columns.join(', ')}`, ...result.warnings],
  };
}

/** Reads one sheet of a workbook as the import panel does (src/core/userdata/workbook.ts). */
async function checkWorkbook(
  file: string,
  options: WorkbookOptions,
): Promise<{ report: FileReport; warnings: string[] }> {
  const { readUserWorkbook } = await import('../core/userdata/workbook.ts');
  const result = await readUserWorkbook(file, new Uint8Array(readFileSync(file)), options);
  const { sheet, sheets, form } = result.workbook;
  const described =
    form !== null
      ? `read as a prosecutors' form sheet: statistics of ${form.region || 'no region'}, column ${form.column} («${form.columns.find((c) => c.number === form.column)?.heading ?? ''}»)`
      : result.kind === null
        ? 'not read: no kind of data found'
        : `read as ${result.kind}; columns: ${Object.entries(result.mapping)
            .map(([field, c]) => `${c.column} → ${field}`)
            .join(', ')}`;
  return {
    report: result.report,
    warnings: [`sheet "${sheet}" of ${sheets.length} (${sheets.join(', ')}) ${described}`, ...result.warnings],
  };
}

/** Checks files given on the command line, each against the curated sources plus any given sources file. */
async function checkGiven(
  allPaths: string[],
  options: WorkbookOptions,
): Promise<{ reports: FileReport[]; warnings: string[] }> {
  const isWorkbook = (path: string) => looksLikeXlsx(readFileSync(path).subarray(0, 4));
  const workbooks = allPaths.filter(isWorkbook);
  const paths = allPaths.filter((path) => !workbooks.includes(path));
  const texts = paths.map((path) => ({ file: path, ...readText(path) }));
  const curatedData = readDataset(curatedFiles(), gazetteer);
  const sourceIds = new Set(curatedData.sources.map((s) => s.id));
  const kinds = texts.map(({ text }) => detectKind(parseCsv(text).header));
  texts.forEach(({ text }, i) => {
    if (kinds[i] === 'sources') for (const s of readFile('', text, SPECS.sources, null).records) sourceIds.add(s.id);
  });
  const context: DataContext = { ...gazetteer, sourceIds };
  const reports: FileReport[] = [];
  const warnings: string[] = [];
  let shipped: UnitAt | null = null;
  const unitAt: UnitAt = (lon, lat, layout) => (shipped ??= shippedUnitAt())(lon, lat, layout);
  texts.forEach(({ file, text, warnings: decoding }, i) => {
    const kind = kinds[i];
    if (!kind) {
      const result = checkUserFile(file, unitAt, options);
      reports.push(result.report);
      warnings.push(...result.warnings.map((w) => `${file}: ${w}`));
      return;
    }
    const result = linked(readKind(kind, file, text, context), curatedData);
    reports.push(result.report);
    warnings.push(...[...decoding, ...result.warnings].map((w) => `${file}: ${w}`));
  });
  for (const file of workbooks) {
    const result = await checkWorkbook(file, { ...options, unitAt });
    reports.push(result.report);
    warnings.push(...result.warnings.map((w) => `${file}: ${w}`));
  }
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
    case 'population':
      return readFile(file, text, SPECS.population, context);
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
    const name = report.sheet === undefined ? report.file : `${report.file}, sheet ${report.sheet}`;
    console.log(`${name}: ${report.rows} rows read, ${report.accepted} accepted, ${verdict}`);
    const where = report.sheet === undefined ? 'line' : 'row';
    for (const r of report.rejected) console.log(`  ${where} ${r.row}, field ${r.field}: ${r.reason}`);
  }
  for (const warning of warnings) console.log(`warning: ${warning}`);
}

/** The options that take a value, and what they set. */
const VALUED = ['--sheet', '--period', '--region', '--column'] as const;
const USAGE =
  'usage: npm run data:check -- [file...] [--json] [--sheet NAME] [--period TEXT] [--region NAME] [--column N]';

async function main(argv: string[]): Promise<number> {
  const values: Partial<Record<(typeof VALUED)[number], string>> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if ((VALUED as readonly string[]).includes(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') {
        console.error(`data:check: ${flag} needs a value; ${USAGE}`);
        return 2;
      }
      values[flag as (typeof VALUED)[number]] = value;
    } else rest.push(arg);
  }
  const json = rest.includes('--json');
  const unknownFlags = rest.filter((a) => a.startsWith('--') && a !== '--json');
  if (unknownFlags.length > 0) {
    console.error(`data:check: unknown option ${unknownFlags.join(' ')}; ${USAGE}`);
    return 2;
  }
  const column = values['--column'] === undefined ? undefined : Number(values['--column']);
  if (column !== undefined && !(Number.isInteger(column) && column > 0)) {
    console.error(`data:check: --column takes a column number of the form (1, 2, ...); ${USAGE}`);
    return 2;
  }
  const options: WorkbookOptions = {
    ...(values['--sheet'] ? { sheet: values['--sheet'] } : {}),
    ...(values['--period'] ? { period: values['--period'] } : {}),
    ...(values['--region'] ? { region: values['--region'] } : {}),
    ...(column ? { column } : {}),
  };
  const paths = rest.filter((a) => !a.startsWith('--'));
  if (paths.length === 0 && Object.keys(options).length > 0) {
    console.error(`data:check: --sheet, --period, --region and --column concern files given; ${USAGE}`);
    return 2;
  }
  let result: { reports: FileReport[]; warnings: string[] };
  try {
    result = paths.length === 0 ? readDataset(curatedFiles(), gazetteer) : await checkGiven(paths, options);
  } catch (error) {
    console.error(`data:check: ${(error as Error).message}`);
    return 2;
  }
  if (json) console.log(JSON.stringify({ files: result.reports, warnings: result.warnings }));
  else printText(result.reports, result.warnings);
  return result.reports.some((r) => r.rejected.length > 0) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
