/**
 * A sheet laid out as the General Prosecutor's statistical forms are (Form 1-M «О зарегистрированных
 * уголовных правонарушениях», Form SNG-1, ... as qamqor.gov.kz/crimestat gives them): headings over
 * numbered columns, a row numbering them (`А`, `Б`, 1, 2, 3, ...), then one row per Criminal Code
 * article or group, labelled in the first columns, with its row code in column `Б`. Such a sheet is
 * one region's figures for one period, and names neither: the region is the workbook's title (its
 * metadata, `1-M  область Абай (Свод)`) unless the user names it, the period the user's.
 *
 * Every row below the numbering is accepted (a figure of one column for an article, "(ст.255)", or
 * for the first row "Всего ...", all offences) or rejected with its row number, what is wrong and why.
 */
import type { Rejection, Statistic } from '../types.ts';
import { articleKey } from '../data/articles.ts';
import { cellAddress, cellText, type CellValue } from '../parse/xlsx.ts';
import { editionDuring, parsePeriod, type Period } from './figures.ts';
import { createLocator } from './locate.ts';
import type { UserReadResult } from './rows.ts';

/** A numbered column: its index in the sheet, its number on the form, and its heading words. */
export interface FormColumn {
  index: number;
  number: number;
  heading: string;
}

export interface FormLayout {
  /** Index of the row numbering the columns. */
  numberingRow: number;
  /** Index of the column of row codes (`Б`); the labels are left of it. */
  codeColumn: number;
  columns: FormColumn[];
}

/** Rows looked through for the numbering row. */
const NUMBERING_SEARCH = 15;

const text = (value: CellValue | undefined): string =>
  cellText(value ?? null)
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The form layout of a sheet, or null when it is not laid out as a form: a row within the first
 * fifteen with `А`, then `Б`, then the column numbers 1, 2, 3, ... in order.
 */
export function formLayout(rows: readonly CellValue[][]): FormLayout | null {
  for (let r = 0; r < Math.min(rows.length, NUMBERING_SEARCH); r++) {
    const row = rows[r]!;
    const a = row.findIndex((v) => text(v) === 'А');
    const b = row.findIndex((v, i) => i > a && text(v) === 'Б');
    if (a < 0 || b < 0) continue;
    const columns: FormColumn[] = [];
    for (let c = b + 1; c < row.length; c++) {
      const n = Number(text(row[c]));
      if (!Number.isInteger(n) || n !== columns.length + 1) {
        if (text(row[c]) === '') continue;
        break;
      }
      columns.push({ index: c, number: n, heading: headingAbove(rows, r, c, b) });
    }
    if (columns.length > 0) return { numberingRow: r, codeColumn: b, columns };
  }
  return null;
}

/**
 * The words over a numbered column: the nearest heading above it and, when that is a sub-heading,
 * the heading it falls under (a merged cell keeps its words in its first cell, so the row is looked
 * along to the left for it). Titles of the sheet (Раздел, Приложение, Форма) are not headings.
 */
function headingAbove(rows: readonly CellValue[][], numberingRow: number, column: number, codeColumn: number): string {
  const parts: string[] = [];
  const heading = (words: string) => words !== '' && !/^(Приложение|Раздел|Форма)/.test(words);
  for (let r = numberingRow - 1; r >= 0 && parts.length < 2; r--) {
    const own = text(rows[r]![column]);
    if (parts.length === 0) {
      if (own) parts.push(own);
      continue;
    }
    let c = column;
    while (c > codeColumn + 1 && text(rows[r]![c]) === '') c--;
    const words = text(rows[r]![c]);
    if (heading(words)) parts.unshift(words);
    if (words) break;
  }
  return parts.filter(heading).join(' / ');
}

/** The region a workbook's title names: `1-M  область Абай (Свод)` → `область Абай`. */
export function regionOfTitle(title: string): string {
  return title
    .replace(/\((Свод|свод)\)/g, '')
    .replace(/^\s*(\S*\d\S*|СНГ\S*)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface FormSheetOptions {
  /** The period of the figures, which the form does not write: `2022`, `январь-июнь 2023`. */
  period?: string;
  /** The region, when the workbook's title does not name it (or names it otherwise). */
  region?: string;
  /** The number of the column to read (the form's own numbering); default: offences registered. */
  column?: number;
  /** What the figures count, when the column's heading is not offences registered. */
  metric?: string;
}

/** The column read when none is chosen: offences registered in the period, else the first. */
export function defaultColumn(layout: FormLayout): FormColumn {
  return layout.columns.find((c) => /зарегистрированных/i.test(c.heading)) ?? layout.columns[0]!;
}

const ARTICLE = /\(\s*ст\.?\s*(\d+(?:-\d+)?)(?:\s*ч\.?\s*(\d+))?[^)]*\)\s*$/i;

/**
 * Reads the rows of a form sheet as one region's statistics.
 *
 * @example readFormSheet('Abay Region.XLSX', 'R1', rows, formLayout(rows)!, '1-M  область Абай (Свод)', { period: '2022' })
 */
export function readFormSheet(
  fileName: string,
  sheet: string,
  rows: readonly CellValue[][],
  layout: FormLayout,
  title: string,
  options: FormSheetOptions,
): UserReadResult<Statistic> & { column: FormColumn; region: string } {
  const column =
    options.column === undefined
      ? defaultColumn(layout)
      : (layout.columns.find((c) => c.number === options.column) ?? null);
  const warnings: string[] = [];
  const fileProblems: Rejection['reason'][] = [];
  if (!column) fileProblems.push(`the sheet has no column ${options.column} (its columns: 1-${layout.columns.length})`);
  const registered = column !== null && /зарегистрированных/i.test(column.heading);
  const metric = options.metric || (registered ? 'criminal_offences' : (column?.heading.slice(0, 120) ?? ''));
  if (column && !registered && !options.metric)
    warnings.push(`column ${column.number} is not offences registered: its figures are labelled by its heading`);

  let period: Period | null = null;
  if (!options.period) fileProblems.push('the form does not write its period: give it (e.g. 2022)');
  else {
    const parsed = parsePeriod(options.period);
    if ('error' in parsed) fileProblems.push(`period ${parsed.error}`);
    else period = parsed;
  }
  const edition = period ? editionDuring(period) : null;
  if (period && !edition)
    fileProblems.push('the period spans the change of Criminal Code on 2015-01-01: give a shorter one');

  // The report's units are those in force when it was made up: at the end of its period.
  const regionName = options.region?.trim() || regionOfTitle(title);
  let unit: string | null = null;
  if (!regionName) fileProblems.push('the workbook does not name its region (no title): give it');
  else if (period) {
    const found = createLocator().region(regionName, period.end);
    if ('error' in found) fileProblems.push(`region ${found.error}`);
    else if (!found.unit) fileProblems.push(`region "${regionName}" is not a first-level unit on ${period.end}`);
    else unit = found.unit.id;
  }

  const records: Statistic[] = [];
  const rejected: Rejection[] = [];
  let read = 0;
  let first = true;
  for (let r = layout.numberingRow + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((v) => text(v) === '')) continue;
    read++;
    const line = r + 1;
    const label =
      [...row.slice(0, layout.codeColumn)]
        .map(text)
        .filter((t) => t !== '')
        .at(-1) ?? '';
    const reject = (field: string, reason: string) => rejected.push({ row: line, field, reason });
    const isFirst = first;
    first = false;
    if (fileProblems.length > 0 || !column || !period || !unit || !edition) {
      reject('(file)', fileProblems.join('; '));
      continue;
    }
    const several = (label.match(/ст\.?\s*\d/gi) ?? []).length > 1;
    const match = several ? null : ARTICLE.exec(label);
    const total = isFirst && !match && !several && /^всего/i.test(label);
    if (several) {
      reject('row label', `"${label.slice(0, 80)}" names several articles: a group, not one article`);
      continue;
    }
    if (!match && !total) {
      reject(
        'row label',
        label
          ? `"${label.slice(0, 80)}" names no article of the Criminal Code (a chapter, a group, or a part of the row above)`
          : 'is blank',
      );
      continue;
    }
    if (match && /^0/.test(match[1]!)) {
      reject('row label', `"${label.slice(0, 80)}": (ст.${match[1]}) is the form's own code, not an article`);
      continue;
    }
    const value = row[column.index] ?? null;
    const address = cellAddress(r, column.index);
    if (value === null || text(value) === '') {
      reject(`column ${column.number}`, `${address} is blank (not reported): nothing to show`);
      continue;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      reject(`column ${column.number}`, `${address} "${text(value).slice(0, 40)}" is not a count`);
      continue;
    }
    const article = match?.[1] ?? '';
    const part = match?.[2] ?? '';
    const key = articleKey({ edition, article, part });
    const code = text(row[layout.codeColumn]);
    records.push({
      id: `${fileName}:${sheet}:${line}`,
      series: `${fileName}:${sheet}:${column.number}:${key}:${period.start}..${period.end}`,
      metric,
      codeEdition: edition,
      article,
      part,
      periodStart: period.start,
      periodEnd: period.end,
      periodLabel: options.period!.trim(),
      level: 'region',
      unit,
      place: null,
      value: { value, qualifier: 'exact', text: String(value) },
      derived: false,
      derivation: '',
      coverage: 'named_only',
      sourceId: fileName,
      citation: `${fileName}, sheet ${sheet}, cell ${address}`,
      quote: [label, column.heading, String(value)].join(' | '),
      related: [],
      notes: [code ? `Row code ${code}.` : '', `Region ${regionName}${options.region ? '' : ' (the workbook title)'}.`]
        .filter((t) => t !== '')
        .join(' '),
      line,
    });
  }
  if (read === 0) warnings.push('the sheet has no rows below its column numbers');
  return {
    records,
    rejected,
    report: { file: fileName, sheet, rows: read, accepted: records.length, rejected },
    mapping: {},
    encoding: 'utf-8',
    delimiter: ',',
    decimalComma: false,
    warnings,
    column: column ?? layout.columns[0]!,
    region: regionName,
  };
}
