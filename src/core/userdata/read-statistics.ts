/**
 * Figures from a user's statistics table (an extract of the legal statistics portal, a table typed
 * from a report): one row per region, city or country total, read into the atlas's Statistic.
 *
 * @example
 * // Регион;Год;Статья;Количество
 * // Актюбинская область;2017;256;4
 * readUserStatistics('convictions.csv', bytes).records[0]; // { level: 'region', unit: 'aktobe', article: '256', codeEdition: '2014', value: { value: 4, … }, … }
 */
import type { Statistic } from '../types.ts';
import { layoutAt, unitsOf } from '../gazetteer.ts';
import { applyMapping, type ColumnOverrides } from './columns.ts';
import { metricOf, parsePeriod } from './figures.ts';
import { createLocator, type Locator } from './locate.ts';
import { readRows, refuse, type Progress, type RowContext, type UserReadResult } from './rows.ts';
import { NATIONAL, NO_ARTICLE, readArticle, readLevel } from './statistic-cells.ts';
import { readUserCount, type Delimiter } from './sniff.ts';
import { readTable, type UserTable } from './table.ts';

export interface UserStatisticOptions {
  overrides?: ColumnOverrides;
  /** What the figures count when the file does not say: `convicted_persons`, `criminal_offences`, `court_cases`. */
  metric?: string;
  /** The period of every row, for a table without a period or year column: `2019`, `январь-октябрь 2019`. */
  period?: string;
  delimiter?: Delimiter;
  /** Told how many rows are read, for a progress bar. */
  onProgress?: Progress;
  /** The table itself, when it is not read from the bytes (a workbook's sheet, workbook.ts). */
  table?: UserTable;
}

/** What every row of one file shares. */
interface FileContext {
  periodField: 'period' | 'year';
  periodMapped: boolean;
  /** The period of rows that give none (options.period), or ''. */
  period: string;
  metric: string;
  decimalComma: boolean;
  locator: Locator;
}

/** One figure; its problems are recorded on the row. */
function readFigure(row: RowContext, fileName: string, context: FileContext): Statistic {
  const { periodField } = context;
  const periodText = row.cell(periodField) || context.period;
  const parsed =
    periodText === '' ? { error: 'is blank; every figure needs its period or year' } : parsePeriod(periodText);
  const period =
    'error' in parsed ? refuse(row, context.periodMapped ? periodField : '(file)', parsed.error, null) : parsed;
  const where = period ? readLevel(row, period, context.locator) : NATIONAL;
  const article = period ? readArticle(row, period) : NO_ARTICLE;
  const value = readUserCount(row.cell('value'), context.decimalComma) ?? {
    error: 'is blank (not reported): nothing to show',
  };
  if ('error' in value) row.fail('value', value.error);
  const metric = row.cell('metric') ? (metricOf(row.cell('metric')) ?? row.cell('metric')) : context.metric;
  const articleKey = `${article.edition}:${article.article}${article.part ? `.${article.part}` : ''}`;
  return {
    id: `${fileName}:${row.line}`,
    series: `${fileName}:${metric}:${articleKey}:${period?.start ?? ''}..${period?.end ?? ''}`,
    metric,
    codeEdition: article.edition,
    article: article.article,
    part: article.part,
    periodStart: period?.start ?? '',
    periodEnd: period?.end ?? '',
    periodLabel: periodText,
    ...where,
    value: 'error' in value ? { value: 0, qualifier: 'exact', text: '' } : value,
    derived: false,
    derivation: '',
    coverage: 'named_only',
    sourceId: fileName,
    citation: '',
    quote: '',
    related: [],
    notes: [row.cell('notes'), article.note].filter((n) => n !== '').join(' '),
    line: row.line,
  };
}

/**
 * Reads a user's statistics table. A table that gives every unit of its layout for one series is
 * `complete`, otherwise `named_only`.
 */
export function readUserStatistics(
  fileName: string,
  bytes: Uint8Array,
  options: UserStatisticOptions = {},
): UserReadResult<Statistic> {
  const table = options.table ?? readTable(bytes, options);
  const mapping = applyMapping(table.header, options.overrides);
  const periodField = mapping.period ? 'period' : 'year';
  const fileMetric = options.metric ?? metricOf(mapping.value?.column ?? '') ?? 'unspecified';
  const warnings =
    fileMetric === 'unspecified' && !mapping.metric
      ? [
          'the file does not say what its figures count (convicted persons, offences, court cases): metric "unspecified"',
        ]
      : [];
  const context: FileContext = {
    periodField,
    periodMapped: mapping[periodField] !== undefined,
    period: options.period ?? '',
    metric: fileMetric,
    decimalComma: table.decimalComma,
    locator: createLocator(),
  };
  const result = readRows(
    fileName,
    table,
    mapping,
    (row) => readFigure(row, fileName, context),
    warnings,
    options.onProgress,
  );
  return { ...result, records: markComplete(result.records) };
}

/** Series giving a figure for every unit of their layout are `complete`. */
function markComplete(records: Statistic[]): Statistic[] {
  const units = new Map<string, Set<string>>();
  for (const r of records) if (r.unit) units.set(r.series, (units.get(r.series) ?? new Set()).add(r.unit));
  return records.map((r) => {
    const given = units.get(r.series);
    const complete = given && r.periodStart && unitsOf(layoutAt(r.periodStart)).every((u) => given.has(u.id));
    return complete ? { ...r, coverage: 'complete' as const } : r;
  });
}
