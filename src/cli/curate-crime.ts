/**
 * The rows of statistics.csv read from the General Prosecutor's crime statistics forms as Open Data
 * Kazakhstan downloaded them from qamqor.gov.kz/crimestat, one workbook per region of the 2022
 * layout (see docs/crime-statistics-coverage.md for what every sheet holds and what was kept):
 *
 * - Form 1-M «О зарегистрированных уголовных правонарушениях» (city-crime, archive/*.XLSX), sheet
 *   R1, column F «Количество правонарушений, зарегистрированных в ЕРДР в отчетном периоде»: all
 *   offences (row code 1), murder (art. 99) and the articles of the atlas's subject (terrorism,
 *   extremism, attacks on the state, mass riots), located by their row code in column D and checked
 *   against the article number in the row's label;
 * - Form SNG-1 (city-clearance-rate, archive/*.XLSX), sheet R1, column E: the offences «террористического
 *   характера» (row code 2) and «экстремистской направленности» (row code 4).
 *
 * Neither form writes its period; both are read as 2022 (see PERIOD_NOTE), the same report (their
 * metadata give the same report number, 28327, and each region's registered crimes agree).
 */
import { unzipSync, strFromU8 } from 'fflate';
import { cellAddress, cellText, readAllSheets, type CellValue, type SheetCells } from '../core/parse/xlsx.ts';
import { unitById } from '../core/gazetteer.ts';
import {
  blobUrl,
  cellCitation,
  cellQuote,
  fileAt,
  FORM_1M_REPO,
  FORM_SNG1_REPO,
  sheetAt,
  type WorkbookRepo,
} from './workbooks.ts';

/** One region's workbook: its file, the unit it is for, and the title its metadata give. */
export interface RegionWorkbook {
  file: string;
  unit: string;
  /** docProps/core.xml dc:title, checked when read. */
  title: string;
}

const regionFiles = (prefix: string, rows: [string, string, string][]): RegionWorkbook[] =>
  rows.map(([file, unit, title]) => ({ file: `archive/${file}.XLSX`, unit, title: `${prefix}  ${title} (Свод)` }));

export const FORM_1M_FILES = regionFiles('1-M', [
  ['Abay Region', 'abai', 'область Абай'],
  ['Akmola Region', 'akmola', 'Акмолинская область'],
  ['Aktobe Region', 'aktobe', 'Актюбинская область'],
  ['Almaty Region', 'almaty-oblast-2022', 'Алматинская область'],
  ['Almaty', 'almaty', 'Алматы'],
  ['Astana', 'astana', 'Астана'],
  ['Atyrau Region', 'atyrau', 'Атырауская область'],
  ['East-Kazakhstan Region', 'east-kazakhstan-2022', 'Восточно-Казахстанская область'],
  ['Karagandy Region', 'karaganda-2022', 'Карагандинская область'],
  ['Kostanay Region', 'kostanay', 'Костанайская область'],
  ['Kyzylorda Region', 'kyzylorda', 'Кызылординская область'],
  ['Mangistay Region', 'mangystau', 'Мангистауская область'],
  ['North-Kazakhstan Region', 'north-kazakhstan', 'Северо-Казахстанская область'],
  ['Pavlodar Region', 'pavlodar', 'Павлодарская область'],
  ['Shymkent', 'shymkent', 'г.Шымкент'],
  ['Turkistan Region', 'turkistan', 'Туркестанская область'],
  ['Ulytau Region', 'ulytau', 'область Улытау'],
  ['West-Kazakhstan Region', 'west-kazakhstan', 'Западно-Казахстанская область'],
  ['Zhambyl Region', 'zhambyl', 'Жамбылская область'],
  ['Zhetysu Region', 'zhetisu', 'область Жетісу'],
]);

export const FORM_SNG1_FILES = regionFiles('СНГ-1', [
  ['Abay region', 'abai', 'область Абай'],
  ['Akmola region', 'akmola', 'Акмолинская область'],
  ['Aktobe region', 'aktobe', 'Актюбинская область'],
  ['Almaty region', 'almaty-oblast-2022', 'Алматинская область'],
  ['Almaty city', 'almaty', 'Алматы'],
  ['Astana city', 'astana', 'Астана'],
  ['Atyrau region', 'atyrau', 'Атырауская область'],
  ['East Kazakhstan region', 'east-kazakhstan-2022', 'Восточно-Казахстанская область'],
  ['Karaganda region', 'karaganda-2022', 'Карагандинская область'],
  ['Kostanay region', 'kostanay', 'Костанайская область'],
  ['Kyzylorda region', 'kyzylorda', 'Кызылординская область'],
  ['Mangystau region', 'mangystau', 'Мангистауская область'],
  ['North Kazakhstan region', 'north-kazakhstan', 'Северо-Казахстанская область'],
  ['Pavlodar region', 'pavlodar', 'Павлодарская область'],
  ['Shymkent city', 'shymkent', 'г.Шымкент'],
  ['Turkistan region', 'turkistan', 'Туркестанская область'],
  ['Ulytau region', 'ulytau', 'область Улытау'],
  ['West Kazakhstan region', 'west-kazakhstan', 'Западно-Казахстанская область'],
  ['Jambyl region', 'zhambyl', 'Жамбылская область'],
  ['Jetisu region', 'zhetisu', 'область Жетісу'],
]);

/** The report number both forms' metadata give (dc:description `28327;<form>;<region>%;__`). */
export const REPORT_NUMBER = '28327';

/** Form 1-M, sheet R1: the rows kept, by row code (column D), with the article their label names. */
export const FORM_1M_ROWS: readonly { code: number; article: string }[] = [
  { code: 1, article: '' },
  { code: 14, article: '99' },
  ...[
    [89, '170'],
    [90, '171'],
    [91, '172'],
    [92, '173'],
    [93, '174'],
    [97, '177'],
    [98, '178'],
    [99, '179'],
    [100, '180'],
    [101, '181'],
    [102, '182'],
    [104, '184'],
    [195, '255'],
    [196, '256'],
    [197, '257'],
    [198, '258'],
    [199, '259'],
    [200, '260'],
    [201, '261'],
    [209, '269'],
    [211, '270'],
    [213, '272'],
    [214, '273'],
  ].map(([code, article]) => ({ code: Number(code), article: String(article) })),
];

/** Form SNG-1, sheet R1: the rows kept, by row code (column D). */
export const FORM_SNG1_ROWS: readonly { code: number; metric: string; slug: string }[] = [
  { code: 2, metric: 'terrorist_offences', slug: 'terrorist' },
  { code: 4, metric: 'extremist_offences', slug: 'extremist' },
];

const FORM_1M_COLUMN = {
  letter: 'F',
  index: 5,
  number: 2,
  heading: 'Количество правонарушений, зарегистрированных в ЕРДР',
};
const FORM_SNG1_COLUMN = {
  letter: 'E',
  index: 4,
  number: 1,
  heading: 'Кол-во правонарушений, зарегистрированных ЕРДР',
};

export const PERIOD_NOTE =
  'The workbooks do not write their period. It is read as 2022 because the repository says so: its table of every region\'s total read from these workbooks, data/comb.csv, named 2022 from its first version (commit 8c7f297d, heading "2022") until May 2024 (commits b334e99 to ee7063c, a column "Год", then "Year", with 2022 in every row), and its scripts/anim.py titles the chart of that table "Распределение правонарушений по регионам в 2022 году". Two things agree: the workbooks the repository did not save again (Astana, Turkistan) were last saved on 16 January 2023 (metadata), and Almaty city\'s 34,891 registered offences match the 34.9 thousand reported for Almaty for January-December 2022 (Finprom via BaigeNews, on ognialatau.kz), not the 32.9 thousand of January-November. The units are those of the 2022 layout: the form gives Abai, Zhetisu and Ulytau regions (formed on 8 June 2022) and the reduced Almaty, Karaganda and East Kazakhstan regions for the whole year.';

/** The workbook's metadata title and description (docProps/core.xml). */
export function workbookMetadata(bytes: Uint8Array): { title: string; description: string } {
  const files = unzipSync(bytes, { filter: (f) => f.name === 'docProps/core.xml' });
  const xml = strFromU8(files['docProps/core.xml'] ?? new Uint8Array());
  const field = (tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1] ?? '';
  return { title: field('dc:title'), description: field('dc:description') };
}

/** The row label: the last filled cell of columns A-C (the most specific words of a nested label). */
export function rowLabel(row: readonly CellValue[]): string {
  const cells = [row[0], row[1], row[2]].map((v) => cellText(v ?? null).trim()).filter((t) => t !== '');
  return cells.at(-1) ?? '';
}

/** The row of the sheet whose code (column D) is `code`: its index and cells. */
function rowByCode(sheet: SheetCells, code: number): { index: number; row: CellValue[] } {
  const index = sheet.rows.findIndex((row) => row[3] === code);
  if (index < 0) throw new Error(`sheet ${sheet.sheet}: no row with code ${code} in column D`);
  return { index, row: sheet.rows[index]! };
}

/** The heading of a numbered column: the text above its number, from the header rows (4 or 5). */
function columnHeading(sheet: SheetCells, column: { index: number; number: number; heading: string }): string {
  const numbering = sheet.rows.findIndex((row) => cellText(row[0] ?? null).trim() === 'А');
  if (numbering < 0 || sheet.rows[numbering]![column.index] !== column.number)
    throw new Error(`sheet ${sheet.sheet}: column ${column.number} is not where it was`);
  for (let r = numbering - 1; r >= 0; r--) {
    const text = cellText(sheet.rows[r]![column.index] ?? null).trim();
    if (text) {
      if (!text.startsWith(column.heading)) throw new Error(`sheet ${sheet.sheet}: column heading "${text}"`);
      return text.replace(/\s+/g, ' ');
    }
  }
  throw new Error(`sheet ${sheet.sheet}: no heading above column ${column.number}`);
}

const sourceIdOf = (form: '1m' | 'sng1', unit: string) => `gp-${form}-2022-${unit}`;

export interface StatisticRow {
  id: string;
  series: string;
  metric: string;
  code_edition: string;
  article: string;
  part: string;
  period_start: string;
  period_end: string;
  period_label: string;
  level: string;
  unit: string;
  place: string;
  value: number;
  derived: string;
  derivation: string;
  coverage: string;
  source: string;
  citation: string;
  quote: string;
  related: string;
  notes: string;
}

function statisticRow(
  fields: Pick<
    StatisticRow,
    'id' | 'series' | 'metric' | 'article' | 'unit' | 'value' | 'source' | 'citation' | 'quote'
  >,
): StatisticRow {
  return {
    code_edition: '2014',
    part: '',
    period_start: '2022',
    period_end: '2022',
    period_label: '2022',
    level: 'region',
    place: '',
    derived: 'no',
    derivation: '',
    coverage: 'complete',
    related: '',
    notes: '',
    ...fields,
  };
}

async function checkedSheet(repo: WorkbookRepo, book: RegionWorkbook, sheet: string): Promise<SheetCells> {
  const meta = workbookMetadata(fileAt(repo, book.file));
  if (meta.title !== book.title) throw new Error(`${book.file}: title "${meta.title}", not "${book.title}"`);
  if (!meta.description.startsWith(`${REPORT_NUMBER};`))
    throw new Error(`${book.file}: report "${meta.description}", not ${REPORT_NUMBER}`);
  if (!unitById(book.unit)?.layouts.includes('C')) throw new Error(`${book.unit} is not a unit of the 2022 layout`);
  return sheetAt(repo, book.file, sheet);
}

/** The Form 1-M rows (column F of sheet R1), region by region. */
export async function form1mRows(): Promise<StatisticRow[]> {
  const rows: StatisticRow[] = [];
  for (const book of FORM_1M_FILES) {
    const sheet = await checkedSheet(FORM_1M_REPO, book, 'R1');
    const heading = columnHeading(sheet, FORM_1M_COLUMN);
    for (const { code, article } of FORM_1M_ROWS) {
      const { index, row } = rowByCode(sheet, code);
      const label = rowLabel(row);
      if (article && !label.includes(`(ст.${article})`)) throw new Error(`${book.file} row ${index + 1}: "${label}"`);
      const value = row[FORM_1M_COLUMN.index];
      if (typeof value !== 'number')
        throw new Error(`${book.file} ${cellAddress(index, FORM_1M_COLUMN.index)} is blank`);
      const slug = article || 'all';
      rows.push(
        statisticRow({
          id: `gp22-1m-${slug}-${book.unit}`,
          series: `gp22-1m-registered-${slug}`,
          metric: 'criminal_offences',
          article,
          unit: book.unit,
          value,
          source: sourceIdOf('1m', book.unit),
          citation: cellCitation(book.file, 'R1', cellAddress(index, FORM_1M_COLUMN.index)),
          quote: cellQuote(label, heading, value),
        }),
      );
    }
  }
  return rows;
}

/** The Form SNG-1 rows (column E of sheet R1), region by region. */
export async function formSng1Rows(): Promise<StatisticRow[]> {
  const rows: StatisticRow[] = [];
  for (const book of FORM_SNG1_FILES) {
    const sheet = await checkedSheet(FORM_SNG1_REPO, book, 'R1');
    const heading = columnHeading(sheet, FORM_SNG1_COLUMN);
    for (const { code, metric, slug } of FORM_SNG1_ROWS) {
      const { index, row } = rowByCode(sheet, code);
      const value = row[FORM_SNG1_COLUMN.index];
      if (typeof value !== 'number')
        throw new Error(`${book.file} ${cellAddress(index, FORM_SNG1_COLUMN.index)} is blank`);
      rows.push(
        statisticRow({
          id: `gp22-sng1-${slug}-${book.unit}`,
          series: `gp22-sng1-${slug}`,
          metric,
          article: '',
          unit: book.unit,
          value,
          source: sourceIdOf('sng1', book.unit),
          citation: cellCitation(book.file, 'R1', cellAddress(index, FORM_SNG1_COLUMN.index)),
          quote: cellQuote(rowLabel(row), heading, value),
        }),
      );
    }
  }
  return rows;
}

/** The sources.csv rows: one per workbook, named by its address at the commit. */
export function crimeSourceRows(): Record<string, string>[] {
  const row = (form: '1m' | 'sng1', repo: WorkbookRepo, book: RegionWorkbook): Record<string, string> => {
    const name = unitById(book.unit)!.names.en;
    const formName =
      form === '1m'
        ? 'Form 1-M «О зарегистрированных уголовных правонарушениях»'
        : 'Form SNG-1 «Сведения о состоянии преступности и результатах расследования уголовных правонарушений»';
    const newUnit = ['abai', 'zhetisu', 'ulytau', 'almaty-oblast-2022', 'karaganda-2022', 'east-kazakhstan-2022'];
    return {
      id: sourceIdOf(form, book.unit),
      seed_file: '',
      title: `${formName}, ${name}, 2022 (workbook «${book.title}»)`,
      publisher:
        "General Prosecutor's Office of the Republic of Kazakhstan, Committee on Legal Statistics and Special Accounts (crime statistics portal qamqor.gov.kz/crimestat); the copy kept by Open Data Kazakhstan",
      author: 'not stated',
      published: form === '1m' ? '2024-02-21' : '2024-05-15',
      notes: [
        `${book.file} of the GitHub repository ${repo.repo} (licence ODC PDDL) at commit ${repo.commit.slice(0, 8)}; the repository's README says the data was downloaded from qamqor.gov.kz/crimestat/statistics. "published" is the day the file was added to the repository; the portal's own date is not known.`,
        `Its region is the workbook's title («${book.title}», metadata) and file name; its report number is ${REPORT_NUMBER} (metadata «${REPORT_NUMBER};...»), the same in all forty workbooks of both forms used.`,
        PERIOD_NOTE,
        newUnit.includes(book.unit)
          ? `${name} is a unit of the layout of 8 June 2022: the form counts it for all of 2022.`
          : '',
        form === 'sng1'
          ? 'The second download of the form in that repository (commit 21bed9c): its total of registered crimes («Всего», E7) equals the Form 1-M row «преступлений» (F9) of the same region in all twenty regions. The first download (13a4924, report 29379, period unknown) is not used.'
          : '',
      ]
        .filter((t) => t !== '')
        .join(' '),
      url: blobUrl(repo, book.file),
    };
  };
  return [
    ...FORM_1M_FILES.map((book) => row('1m', FORM_1M_REPO, book)),
    ...FORM_SNG1_FILES.map((book) => row('sng1', FORM_SNG1_REPO, book)),
  ];
}

/** A sheet's blocks for the coverage document: its data rows and numbered columns, with figure counts. */
export interface SheetBlock {
  sheet: string;
  title: string;
  dataRows: number;
  firstCode: string;
  lastCode: string;
  columns: number;
  /** Numeric cells below the column numbers, right of the row codes, summed over the workbooks. */
  figures: number;
  blanks: number;
}

/** The blocks of every sheet of a form, over all its workbooks (every sheet read in full). */
export async function formBlocks(repo: WorkbookRepo, books: readonly RegionWorkbook[]): Promise<SheetBlock[]> {
  const blocks = new Map<string, SheetBlock>();
  for (const book of books) {
    for (const sheet of await readAllSheets(fileAt(repo, book.file))) {
      const firstCells = (row: CellValue[]) => row.slice(0, 4).map((v) => cellText(v ?? null).trim());
      // The row numbering the columns (А, Б, 1, 2, ...), else (an older layout) the heading row.
      let numbering = sheet.rows.findIndex((row) => firstCells(row).includes('А') && row.includes('Б'));
      const heading =
        numbering >= 0 ? -1 : sheet.rows.findIndex((row) => firstCells(row)[0]!.startsWith('Наименование'));
      const headerEnd = numbering >= 0 ? numbering : heading;
      const title = sheet.rows
        .slice(0, Math.max(headerEnd, 1))
        .flatMap((row) =>
          row.map((v) =>
            cellText(v ?? null)
              .replace(/\s+/g, ' ')
              .trim(),
          ),
        )
        .map((t) => /(Раздел\s*№?\s*[\d-]+|Приложение(\s*\d+)?\.\s)/.exec(t))
        .find((m) => m !== null);
      if (numbering < 0) numbering = heading;
      const body = numbering < 0 ? [] : sheet.rows.slice(numbering + 1);
      const marked = numbering < 0 ? -1 : sheet.rows[numbering]!.indexOf('Б');
      const codeColumn = marked >= 0 ? marked : 3;
      const numbered =
        numbering < 0
          ? []
          : sheet.rows[numbering]!.slice(codeColumn + 1).filter((v) => v !== null && cellText(v).trim() !== '');
      const data = body.filter((row) => row.some((v) => v !== null));
      const codes = data.map((row) => cellText(row[codeColumn] ?? null)).filter((c) => c !== '');
      let figures = 0;
      let blanks = 0;
      for (const row of data)
        row.forEach((v, c) => {
          if (c <= codeColumn) return;
          if (typeof v === 'number') figures++;
          else if (v === null && c < codeColumn + 1 + numbered.length) blanks++;
        });
      const block = blocks.get(sheet.sheet) ?? {
        sheet: sheet.sheet,
        title: title ? title.input.slice(title.index).slice(0, 140) : '',
        dataRows: data.length,
        firstCode: codes[0] ?? '',
        lastCode: codes.at(-1) ?? '',
        columns: numbered.length,
        figures: 0,
        blanks: 0,
      };
      block.figures += figures;
      block.blanks += blanks;
      blocks.set(sheet.sheet, block);
    }
  }
  return [...blocks.values()];
}
