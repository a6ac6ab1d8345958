/**
 * What the user sees, as data to take away: the filtered incidents (one row per source statement)
 * and statistics as rows for `toSafeCsv`, and the filtered events as GeoJSON. Every row carries its
 * source (title, publisher, date, seed file) and the source's own words, so an exported figure is
 * never separated from where it comes from.
 *
 * Pure: the gazetteer lookups come in as a parameter (the real gazetteer by default), the label
 * columns' words from the caller (`exportLabels` in `i18n/export-labels.ts`), and nothing reads the
 * DOM or the clock. Codes (`foiled_plot`, `month`) are kept for machines, with a label column in
 * the chosen language for people. A blank cell means "not reported", never zero; exact
 * counts are numbers, qualified ones the text as written (`>950`, `~600`).
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type {
  Count,
  FuzzyDate,
  Incident,
  IncidentCategory,
  LayoutId,
  Place,
  Source,
  Statistic,
  Unit,
} from '../types.ts';
import type { AtlasEvent } from '../analysis/events.ts';
import { containingUnit, layoutAt, placeById, unitById } from '../gazetteer.ts';
import type { CsvValue } from './csv.ts';

export interface ExportGazetteer {
  unitById(id: string): Unit | undefined;
  placeById(id: string): Place | undefined;
  /** The unit of `layout` containing a unit (itself if it exists then), or null. */
  containingUnit(unitId: string, layout: LayoutId): Unit | null | undefined;
  /** The layout in force at a (partial) ISO date. */
  layoutAt(isoDate: string): LayoutId;
}

export const defaultExportGazetteer: ExportGazetteer = { unitById, placeById, containingUnit, layoutAt };

/** The words of the label columns (`category_label`, `place_name`, ...) in one language; codes stay as they are. */
export interface ExportLabels {
  category(category: IncidentCategory): string;
  /** A metric's name, or null where there is none (the column then repeats the code). */
  metric(metric: string): string | null;
  article(ref: { edition: string; article: string; part: string }): string;
  /** A statement's dates as people read them (`August 2014`). */
  dates(start: FuzzyDate, end: FuzzyDate | null): string;
  /** An event's dates over its statements (`14 May 2011 or May 2011`). */
  eventDates(statements: readonly { dateStart: FuzzyDate; dateEnd: FuzzyDate | null }[]): string;
  /** A unit's full name (`Pavlodar Region`). */
  unit(unit: Unit): string;
  place(place: Place): string;
}

export interface ExportOptions {
  labels: ExportLabels;
  gazetteer?: ExportGazetteer;
}

/** The columns both exports end with: related records, the source, and the source's own words. */
const SOURCE_COLUMNS = [
  'related',
  'source',
  'source_title',
  'source_publisher',
  'source_author',
  'source_date',
  'source_seed_file',
  'citation',
  'quote',
  'notes',
] as const;

/** The columns of the incidents export, in order: one row per source statement. */
export const INCIDENT_COLUMNS = [
  'id',
  'event',
  'title',
  'category',
  'category_label',
  'date_start',
  'date_end',
  'date_precision',
  'date_text',
  'place',
  'place_name',
  'unit_at_time',
  'unit_at_time_name',
  'layout_at_time',
  'location_precision',
  'country',
  'lon',
  'lat',
  'killed',
  'injured',
  'arrested',
  'perpetrator',
  'articles',
  ...SOURCE_COLUMNS,
] as const;

/** The columns of the statistics export, in order: one row per figure. */
export const STATISTIC_COLUMNS = [
  'id',
  'series',
  'metric',
  'metric_label',
  'code_edition',
  'article',
  'part',
  'article_label',
  'period_start',
  'period_end',
  'period_label',
  'level',
  'unit',
  'unit_name',
  'place',
  'place_name',
  'value',
  'derived',
  'derivation',
  'coverage',
  ...SOURCE_COLUMNS,
] as const;

export type IncidentRow = Record<(typeof INCIDENT_COLUMNS)[number], string | number | null>;
export type StatisticRow = Record<(typeof STATISTIC_COLUMNS)[number], string | number | null>;

/** A source as exported with every row and feature. */
export interface SourceInfo {
  id: string;
  title: string;
  publisher: string;
  author: string;
  published: string;
  seed_file: string;
}

/** A count cell: exact counts as numbers, qualified ones as written, not reported as blank. */
export function countCell(count: Count | null): number | string | null {
  if (!count) return null;
  return count.qualifier === 'exact' ? count.value : count.text;
}

function sourceIndex(sources: readonly Source[]): Map<string, Source> {
  return new Map(sources.map((s) => [s.id, s]));
}

/** The cells of `SOURCE_COLUMNS` for a statement or a figure. */
function sourceCells(
  record: Pick<Incident | Statistic, 'related' | 'sourceId' | 'citation' | 'quote' | 'notes'>,
  byId: ReadonlyMap<string, Source>,
): Record<(typeof SOURCE_COLUMNS)[number], string | null> {
  const source = byId.get(record.sourceId);
  return {
    related: record.related.join('; ') || null,
    source: record.sourceId,
    source_title: source?.title ?? null,
    source_publisher: source?.publisher ?? null,
    source_author: source?.author ?? null,
    source_date: source?.published ?? null,
    source_seed_file: source?.seedFile ?? null,
    citation: record.citation || null,
    quote: record.quote || null,
    notes: record.notes || null,
  };
}

function sourceInfo(id: string, byId: ReadonlyMap<string, Source>): SourceInfo {
  const s = byId.get(id);
  return {
    id,
    title: s?.title ?? '',
    publisher: s?.publisher ?? '',
    author: s?.author ?? '',
    published: s?.published ?? '',
    seed_file: s?.seedFile ?? '',
  };
}

/**
 * The unit a statement's place lay in at the statement's own date (the layout then in force), or
 * null for places abroad, statements known only to the country, and unknown ids.
 */
export function unitAtTime(
  statement: Pick<Incident, 'place' | 'locationPrecision' | 'country' | 'dateStart'>,
  gazetteer: ExportGazetteer,
): { unit: string; layout: LayoutId } | null {
  if (statement.country !== 'KZ' || statement.locationPrecision === 'country') return null;
  const layout = gazetteer.layoutAt(statement.dateStart.start);
  const asUnit = () => (gazetteer.unitById(statement.place) ? gazetteer.containingUnit(statement.place, layout) : null);
  const asPlace = () => gazetteer.placeById(statement.place)?.units[layout] ?? null;
  const unit = statement.locationPrecision === 'region' ? (asUnit()?.id ?? asPlace()) : (asPlace() ?? asUnit()?.id);
  return unit ? { unit, layout } : null;
}

/** One row per source statement of the given (filtered) events, in event order. */
export function incidentRows(
  events: readonly AtlasEvent[],
  sources: readonly Source[],
  options: ExportOptions,
): IncidentRow[] {
  const { labels } = options;
  const gazetteer = options.gazetteer ?? defaultExportGazetteer;
  const byId = sourceIndex(sources);
  return events.flatMap((event) =>
    event.statements.map((s): IncidentRow => {
      const at = unitAtTime(s, gazetteer);
      const unit = at ? gazetteer.unitById(at.unit) : undefined;
      return {
        id: s.id,
        event: s.event,
        title: s.title,
        category: s.category,
        category_label: labels.category(s.category),
        date_start: s.dateStart.text,
        date_end: s.dateEnd?.text ?? null,
        date_precision: s.datePrecision,
        date_text: labels.dates(s.dateStart, s.dateEnd),
        place: s.place,
        place_name: nameOf(s.place, s.locationPrecision === 'region', labels, gazetteer),
        unit_at_time: at?.unit ?? null,
        unit_at_time_name: unit ? labels.unit(unit) : null,
        layout_at_time: at?.layout ?? null,
        location_precision: s.locationPrecision,
        country: s.country,
        lon: event.position?.lon ?? null,
        lat: event.position?.lat ?? null,
        killed: countCell(s.killed),
        injured: countCell(s.injured),
        arrested: countCell(s.arrested),
        perpetrator: s.perpetrator || null,
        articles: s.articles.join('; ') || null,
        ...sourceCells(s, byId),
      };
    }),
  );
}

/** The name of an incident's place id: the unit for region-level statements, else the place, else the unit. */
function nameOf(id: string, preferUnit: boolean, labels: ExportLabels, gazetteer: ExportGazetteer): string | null {
  const unit = gazetteer.unitById(id);
  const place = gazetteer.placeById(id);
  if (preferUnit && unit) return labels.unit(unit);
  if (place) return labels.place(place);
  return unit ? labels.unit(unit) : null;
}

/** One row per figure of the given (filtered) statistics, in the order given. */
export function statisticRows(
  statistics: readonly Statistic[],
  sources: readonly Source[],
  options: ExportOptions,
): StatisticRow[] {
  const { labels } = options;
  const gazetteer = options.gazetteer ?? defaultExportGazetteer;
  const byId = sourceIndex(sources);
  return statistics.map((s): StatisticRow => {
    const unit = s.unit ? gazetteer.unitById(s.unit) : undefined;
    const place = s.place ? gazetteer.placeById(s.place) : undefined;
    return {
      id: s.id,
      series: s.series,
      metric: s.metric,
      metric_label: labels.metric(s.metric) ?? s.metric,
      code_edition: s.codeEdition || null,
      article: s.article || null,
      part: s.part || null,
      article_label: s.article ? labels.article({ edition: s.codeEdition, article: s.article, part: s.part }) : null,
      period_start: s.periodStart,
      period_end: s.periodEnd,
      period_label: s.periodLabel,
      level: s.level,
      unit: s.unit,
      unit_name: unit ? labels.unit(unit) : null,
      place: s.place,
      place_name: place ? labels.place(place) : null,
      value: countCell(s.value),
      derived: s.derived ? 'yes' : 'no',
      derivation: s.derivation || null,
      coverage: s.coverage,
      ...sourceCells(s, byId),
    };
  });
}

/** Rows for both CSV exports, with their columns. */
export function exportRows(
  events: readonly AtlasEvent[],
  statistics: readonly Statistic[],
  sources: readonly Source[],
  options: ExportOptions,
): {
  incidents: { columns: readonly string[]; rows: Record<string, CsvValue>[] };
  statistics: { columns: readonly string[]; rows: Record<string, CsvValue>[] };
} {
  return {
    incidents: { columns: INCIDENT_COLUMNS, rows: incidentRows(events, sources, options) },
    statistics: { columns: STATISTIC_COLUMNS, rows: statisticRows(statistics, sources, options) },
  };
}

/** Properties of one exported event feature. */
export interface EventProperties {
  id: string;
  title: string;
  category: string;
  category_label: string;
  start: string;
  end: string;
  date_precision: string;
  dates_differ: boolean;
  date_text: string;
  place: string;
  place_name: string | null;
  location_precision: string;
  country: string;
  /** Every distinct figure the statements give, as written; empty = not reported. */
  killed: string[];
  injured: string[];
  arrested: string[];
  related: string[];
  /** Each source's statement, with the same fields as the incidents CSV. */
  statements: IncidentRow[];
  sources: SourceInfo[];
}

/**
 * The (filtered) events as a GeoJSON FeatureCollection (RFC 7946: WGS 84, `[lon, lat]`). An event
 * known only to have happened "in Kazakhstan" is kept with a null geometry (an unlocated feature,
 * allowed by RFC 7946 §3.2) rather than given a made-up point or dropped.
 */
export function toGeoJson(
  events: readonly AtlasEvent[],
  sources: readonly Source[],
  options: ExportOptions,
): FeatureCollection<Point | null, EventProperties> {
  const { labels } = options;
  const gazetteer = options.gazetteer ?? defaultExportGazetteer;
  const byId = sourceIndex(sources);
  const features = events.map((event): Feature<Point | null, EventProperties> => ({
    type: 'Feature',
    id: event.id,
    geometry: event.position ? { type: 'Point', coordinates: [event.position.lon, event.position.lat] } : null,
    properties: {
      id: event.id,
      title: event.title,
      category: event.category,
      category_label: labels.category(event.category),
      start: event.start,
      end: event.end,
      date_precision: event.datePrecision,
      dates_differ: event.datesDiffer,
      date_text: labels.eventDates(event.statements),
      place: event.place,
      place_name: nameOf(event.place, event.locationPrecision === 'region', labels, gazetteer),
      location_precision: event.locationPrecision,
      country: event.country,
      killed: event.killed.map((c) => c.text),
      injured: event.injured.map((c) => c.text),
      arrested: event.arrested.map((c) => c.text),
      related: event.related,
      statements: incidentRows([event], sources, options),
      sources: [...new Set(event.statements.map((s) => s.sourceId))].map((id) => sourceInfo(id, byId)),
    },
  }));
  return { type: 'FeatureCollection', features };
}
