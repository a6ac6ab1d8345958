import type { FileSpec } from './file-spec.ts';
import { unitProblem, type DataContext } from './context.ts';

/** The population of one unit (or of the country) on one day, from a cited official source. */
export interface Population {
  id: string;
  /** `national` (the total the source states) or `region` (a first-level unit). */
  level: 'national' | 'region';
  /** Unit id for level `region`; '' for level `national`. */
  unit: string;
  /** The day the figure refers to, as written (`2019-01-01`; a census gives its reference day). */
  date: string;
  /** The year of `date`: what rates match against. */
  year: number;
  /** `census` or `estimate` (e.g. the statistics bureau's 1 January estimate). */
  kind: 'census' | 'estimate';
  population: number;
  sourceId: string;
  citation: string;
  /** The source's own words or table row, verbatim. */
  quote: string;
  notes: string;
  line: number;
}

/**
 * population.csv: the population of units by date, for rates per 100,000. Every row names a source
 * in sources.csv; a regional row names the unit in force on its date (a figure the source gives
 * for a unit that did not yet exist on that day is not a row); population is a whole number of
 * persons. A `national` row holds the total the source states, so that the regional rows of a day
 * can be checked to add up to it.
 */
export const populationSpec: FileSpec<Population, DataContext> = {
  kind: 'population',
  columns: ['id', 'level', 'unit', 'date', 'kind', 'population', 'source', 'citation', 'quote', 'notes'],
  build(r, line, context) {
    const date = r.date('date');
    if (date && date.precision !== 'day')
      r.fail('date', `"${date.text}" is not a day: write the day the figure is for`);
    const year = date ? Number(date.text.slice(0, 4)) : NaN;
    const populationText = r.text('population', true).replace(/[\s\u00a0,]/g, '');
    const population = Number(populationText);
    if (populationText && !(Number.isInteger(population) && population > 0)) {
      r.fail('population', `"${populationText}" is not a whole number of persons`);
    }
    const level = r.oneOf('level', ['national', 'region'] as const) || 'region';
    const record: Population = {
      id: r.id('id'),
      level,
      unit: r.text('unit', level === 'region'),
      date: date?.text ?? '',
      year,
      kind: r.oneOf('kind', ['census', 'estimate'] as const) || 'census',
      population,
      sourceId: r.text('source', true),
      citation: r.text('citation', true),
      quote: r.text('quote', true),
      notes: r.text('notes'),
      line,
    };
    if (level === 'national' && record.unit) r.fail('unit', 'must be blank for level national');
    if (level === 'region' && record.unit && date?.precision === 'day') {
      const problem = unitProblem(context, record.unit, date.text, date.text);
      if (problem) r.fail('unit', problem);
    }
    if (record.sourceId && !context.sourceIds.has(record.sourceId))
      r.fail('source', `"${record.sourceId}" is not in sources.csv`);
    return record;
  },
};
