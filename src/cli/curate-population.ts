/**
 * The rows of population.csv for 1 January 2020-2023, read from the Bureau of National Statistics'
 * table «Численность населения» as Open Data Kazakhstan keeps it (archive/source.xlsx of
 * population-projections-by-regions, sheet «Все население»: a row per region, a column per year).
 *
 * A row is kept for each unit in force on the day (the gazetteer's layouts): the table gives
 * 1 January 2022 already on the units formed on 8 June 2022 (Abai, Zhetisu, Ulytau and the smaller
 * Almaty, Karaganda and East Kazakhstan regions), which were not in force that day, so those six
 * figures are not rows and the former regions are not derived from them; the national row stays.
 */
import { cellAddress, cellText, type SheetCells } from '../core/parse/xlsx.ts';
import { unitById } from '../core/gazetteer.ts';
import { blobUrl, cellCitation, cellQuote, POPULATION_REPO } from './workbooks.ts';

export const POPULATION_FILE = 'archive/source.xlsx';
export const POPULATION_SHEET = 'Все население';
export const POPULATION_SOURCE = 'bns-population-start-of-year-xlsx';
export const POPULATION_YEARS = [2020, 2021, 2022, 2023] as const;

/** The table's row labels, and the unit each stands for before and from 8 June 2022. */
const ROWS: Record<string, { before?: string; from2022?: string; national?: true }> = {
  'Республика Казахстан': { national: true },
  Абай: { from2022: 'abai' },
  Акмолинская: { before: 'akmola', from2022: 'akmola' },
  Актюбинская: { before: 'aktobe', from2022: 'aktobe' },
  Алматинская: { before: 'almaty-oblast', from2022: 'almaty-oblast-2022' },
  Атырауская: { before: 'atyrau', from2022: 'atyrau' },
  'Западно-Казахстанская': { before: 'west-kazakhstan', from2022: 'west-kazakhstan' },
  Жамбылская: { before: 'zhambyl', from2022: 'zhambyl' },
  Жетісу: { from2022: 'zhetisu' },
  Карагандинская: { before: 'karaganda', from2022: 'karaganda-2022' },
  Костанайская: { before: 'kostanay', from2022: 'kostanay' },
  Кызылординская: { before: 'kyzylorda', from2022: 'kyzylorda' },
  Мангистауская: { before: 'mangystau', from2022: 'mangystau' },
  Павлодарская: { before: 'pavlodar', from2022: 'pavlodar' },
  'Северо-Казахстанская': { before: 'north-kazakhstan', from2022: 'north-kazakhstan' },
  'Туркестанская 1': { before: 'turkistan', from2022: 'turkistan' },
  Ұлытау: { from2022: 'ulytau' },
  'Восточно-Казахстанская': { before: 'east-kazakhstan', from2022: 'east-kazakhstan-2022' },
  'г. Астана': { before: 'astana', from2022: 'astana' },
  'г. Алматы': { before: 'almaty', from2022: 'almaty' },
  'г. Шымкент': { before: 'shymkent', from2022: 'shymkent' },
};

export interface PopulationRow {
  id: string;
  level: 'national' | 'region';
  unit: string;
  date: string;
  kind: 'estimate';
  population: number;
  source: string;
  citation: string;
  quote: string;
  notes: string;
  /** The cell it was read from. */
  cell: string;
}

/** Whether a unit is in force on an ISO day. */
function inForce(unitId: string, day: string): boolean {
  const unit = unitById(unitId);
  if (!unit) throw new Error(`the gazetteer has no unit "${unitId}"`);
  return (unit.validFrom ?? '0000') <= day && (unit.validTo ?? '9999') >= day;
}

/** The rows for POPULATION_YEARS, read from the sheet; throws when the sheet is not the table expected. */
export function populationRows(sheet: SheetCells): PopulationRow[] {
  const header = sheet.rows[0] ?? [];
  const columnOf = (year: number) => {
    const index = header.findIndex((v) => cellText(v) === String(year));
    if (index < 0) throw new Error(`${POPULATION_SHEET}: no column for ${year} in row 1`);
    return index;
  };
  const rows: PopulationRow[] = [];
  for (const year of POPULATION_YEARS) {
    const column = columnOf(year);
    const day = `${year}-01-01`;
    const seen = new Set<string>();
    sheet.rows.forEach((row, r) => {
      const label = cellText(row[0] ?? null).trim();
      if (r === 0 || label === '') return;
      const meaning = ROWS[label];
      if (!meaning) throw new Error(`${POPULATION_SHEET} row ${r + 1}: unknown row "${label}"`);
      seen.add(label);
      const value = row[column] ?? null;
      const address = cellAddress(r, column);
      if (typeof value !== 'number') {
        // "-": the unit had no figure that year (Abai, Zhetisu, Ulytau before 2022).
        if (cellText(value).trim() !== '-') throw new Error(`${address}: "${cellText(value)}" is not a number`);
        return;
      }
      // The table's columns from 2022 on give the units of the 2022 layout (its rows Абай, Жетісу, Ұлытау).
      const unit = meaning.national ? '' : ((year >= 2022 ? meaning.from2022 : meaning.before) ?? '');
      if (!meaning.national && !(unit !== '' && inForce(unit, day))) {
        if (year < 2022) throw new Error(`${address}: no unit in force for "${label}" on ${day}`);
        return; // a unit of the 2022 layout, not yet in force on the day
      }
      rows.push({
        id: meaning.national ? `pop-${year}-kazakhstan` : `pop-${year}-${unit}`,
        level: meaning.national ? 'national' : 'region',
        unit,
        date: day,
        kind: 'estimate',
        population: value,
        source: POPULATION_SOURCE,
        citation: cellCitation(POPULATION_FILE, `«${POPULATION_SHEET}»`, address),
        quote: cellQuote(label, String(year), value),
        notes: noteFor(label, year, meaning.national === true),
        cell: address,
      });
    });
    const missing = Object.keys(ROWS).filter((label) => !seen.has(label));
    if (missing.length) throw new Error(`${POPULATION_SHEET}: rows not found: ${missing.join(', ')}`);
  }
  return rows;
}

function noteFor(label: string, year: number, national: boolean): string {
  if (national && year === 2022)
    return 'National total of the table. The table gives 1 January 2022 already on the units formed on 8 June 2022; the six of them that were not in force on 1 January 2022 (Abai, Zhetisu, Ulytau and the new Almaty, Karaganda and East Kazakhstan regions) are not rows, so the regional rows of this day fall short of this total by exactly their sum.';
  if (national) return 'National total of the table; the regional rows of this day sum to it exactly.';
  if (label === 'Туркестанская 1')
    return 'Row "Туркестанская" with footnote 1 (whose text the sheet does not carry); from 2018 it is Turkistan region without Shymkent, which has its own row.';
  return '';
}

/** The sources.csv row of the workbook. */
export function populationSourceRow(): Record<string, string> {
  return {
    id: POPULATION_SOURCE,
    seed_file: '',
    title:
      'Численность населения (population of the Republic of Kazakhstan by region, beginning of each year 2000-2023), xlsx, sheet «Все население»',
    publisher:
      'Bureau of National Statistics, Agency for Strategic Planning and Reforms of the Republic of Kazakhstan (xlsx at stat.gov.kz/api/iblock/element/6584/file/ru/); the copy kept by Open Data Kazakhstan',
    author: 'not stated',
    published: '2023',
    notes: `Read from ${POPULATION_FILE} at commit ${POPULATION_REPO.commit.slice(0, 8)} of the GitHub repository ${POPULATION_REPO.repo} (licence ODC PDDL), whose README says the data was downloaded from stat.gov.kz/api/iblock/element/6584/file/ru/. The same workbook as the source bns-population-start-of-year, seen here as the spreadsheet itself: sheet «Все население» has the regions in column A and the years 2000-2023 in row 1 (columns B-Y), and no title or unit words; the sheets «Мужчины» and «Женщины» of the same workbook head the same columns "человек, на начало года" (persons, at the beginning of the year), so a year's column is read as 1 January. Its figures for 2011-2019 are those of the CSV copy that bns-population-start-of-year cites. From 2022 the table has the regions of the 2022 layout (rows Абай, Жетісу, Ұлытау, with "-" in earlier years), already for 1 January 2022; the national total rises by 3.3% from 2021 to 2022 (18,879,552 to 19,503,159), which the table does not explain. Publication date not stated in the workbook; 2023 is its last year column.`,
    url: blobUrl(POPULATION_REPO, POPULATION_FILE),
  };
}
