/**
 * The files the Export menu hands out, as pure functions of the state: file names, the CSV and
 * GeoJSON texts of exactly the data in view (with sources) and the PNG frame's content. Loaded
 * with the first export (`exports.ts`); the DOM side (downloads, canvas) is in `download.ts`.
 */
import type { AtlasEvent } from '../core/analysis/events.ts';
import type { StatSeries } from '../core/analysis/series.ts';
import type { ColourClass } from '../core/analysis/classify.ts';
import type { Choropleth } from '../core/analysis/choropleth.ts';
import type { IncidentCategory, Source, Statistic } from '../core/types.ts';
import { toSafeCsv } from '../core/export/csv.ts';
import { exportRows, toGeoJson } from '../core/export/filtered.ts';
import type { FrameInput, LegendEntry } from '../core/export/png.ts';
import { formatSource } from '../core/view/format.ts';
import { formatArticleKey, formatList, formatYears, type Translator, type UiLang } from '../i18n/translate.ts';
import { exportLabels } from '../i18n/export-labels.ts';
import type { Palette } from '../map/palette.ts';
import { unreportedCount } from './export.ts';
import { classLabel, rateBasisText, seriesTitle } from './localise.ts';
import type { RateView, UnitRate } from '../core/analysis/rates.ts';

/** `kz-atlas-incidents-2011-2014.csv`, `kz-atlas-map-2017.png`. */
export function exportFileName(
  kind: 'incidents' | 'statistics' | 'map',
  ext: string,
  from: number,
  to: number,
): string {
  return `kz-atlas-${kind}-${from === to ? from : `${from}-${to}`}.${ext}`;
}

/** Every figure of the statistics in view: each series' national figure, then its breakdown. */
export function statisticsInView(series: readonly StatSeries[]): Statistic[] {
  return series.flatMap((s) => (s.national ? [s.national, ...s.figures] : s.figures));
}

/** The incidents in view as CSV: one row per source statement, with its source. */
export function incidentsCsv(events: readonly AtlasEvent[], sources: readonly Source[], lang: UiLang): string {
  const { incidents } = exportRows(events, [], sources, { labels: exportLabels(lang) });
  return toSafeCsv(incidents.rows, incidents.columns);
}

/** The statistics in view as CSV: one row per figure, national ones included, with its source. */
export function statisticsCsv(
  series: readonly StatSeries[],
  sources: readonly Source[],
  lang: UiLang,
  rates: ExportRates | null = null,
): string {
  const figures = statisticsInView(series);
  const { statistics } = exportRows([], figures, sources, { labels: exportLabels(lang) });
  if (!rates) return toSafeCsv(statistics.rows, statistics.columns);
  // With rates on the map, the shown statistic's regional figures carry their rate and its basis.
  const rows = statistics.rows.map((row, i) => {
    const f = figures[i]!;
    const rated = f.series === rates.seriesId && f.level === 'region' && f.unit ? rates.byUnit.get(f.unit) : undefined;
    return {
      ...row,
      rate_per_100k: rated?.rate ?? '',
      population: rated?.population ?? '',
      population_dates: rated ? rated.populations.map((p) => p.date).join('; ') : '',
    };
  });
  return toSafeCsv(rows, [...statistics.columns, 'rate_per_100k', 'population', 'population_dates']);
}

/** The rates the map shows, for the statistics export: those of one series' units. */
export interface ExportRates {
  seriesId: string;
  byUnit: ReadonlyMap<string, UnitRate>;
}

/** The incidents in view as GeoJSON; nationwide ones with a null geometry. */
export function incidentsGeoJson(events: readonly AtlasEvent[], sources: readonly Source[], lang: UiLang): string {
  return `${JSON.stringify(toGeoJson(events, sources, { labels: exportLabels(lang) }), null, 2)}\n`;
}

/** The sources of what is drawn: the statistic's and those of the incidents in view. */
export function sourcesInView(
  series: StatSeries | null,
  events: readonly AtlasEvent[],
  sources: readonly Source[],
): Source[] {
  const ids = new Set([...(series?.sourceIds ?? []), ...events.flatMap((e) => e.statements.map((s) => s.sourceId))]);
  return sources.filter((s) => ids.has(s.id));
}

/** The part of the atlas state the PNG frame shows (the state object itself satisfies it). */
export interface FrameSource {
  shownSeries: StatSeries | null;
  activeSeries: StatSeries | null;
  showIncidents: boolean;
  changes: { before: string; after: string; units: readonly { status: string }[] } | null;
  changeClasses: readonly ColourClass[];
  classes: readonly ColourClass[];
  choropleth: Choropleth | null;
  yearFrom: number;
  yearTo: number;
  categories: readonly IncidentCategory[];
  articles: readonly string[] | null;
  allArticles: readonly string[];
  visibleEvents: readonly AtlasEvent[];
  dataset: { sources: readonly Source[] } | null;
  /** Rates per 100,000 when shown instead of counts. */
  rates?: RateView | null;
}

/**
 * The frame around the map image (`map`: its CSS size): the statistic's title, the legend as the
 * app shows it, the active filters, the sources of what is drawn, and the attribution; at 2×.
 */
export function mapFrame(
  atlas: FrameSource,
  map: { width: number; height: number },
  palette: Palette,
  t: Translator,
): FrameInput {
  const regions = (count: number) => t('legend.regions', { count });
  const change = atlas.changes;
  const legend: LegendEntry[] = (change ? atlas.changeClasses : atlas.classes).map((c) => ({
    label: `${change && c.min === 0 && c.max === 0 ? t('legend.noChange') : classLabel(c, t, atlas.rates && !change ? 2 : 1)} ${regions(c.count)}`,
    swatch: { kind: 'fill', colour: c.colour },
  }));
  const unavailable = change ? 0 : (atlas.rates?.unavailable.length ?? 0);
  legend.push({
    label: `${t(change ? 'legend.notReportedInPeriods' : 'legend.notReported')} ${regions(unreportedCount(change, atlas.choropleth) - unavailable)}`,
    swatch: { kind: 'hatch', colour: palette.hatch, background: palette.notReported },
  });
  if (unavailable > 0)
    legend.push({
      label: `${t('rates.notAvailable')} ${regions(unavailable)}`,
      swatch: { kind: 'hatch', colour: palette.hatch, background: palette.notReported },
    });
  if (!change && atlas.choropleth?.circles.length)
    legend.push({ label: t('legend.cityFigure'), swatch: { kind: 'dot', colour: palette.circle } });
  if (atlas.shownSeries?.figures.some((f) => f.derived))
    legend.push({ label: t('legend.derived'), swatch: { kind: 'mark', text: '*' } });
  legend.push(
    { label: t('legend.exactDay'), swatch: { kind: 'dot', colour: '#555555' } },
    { label: t('legend.fuzzyDate'), swatch: { kind: 'ring', colour: '#555555' } },
    { label: t('legend.areaOnly'), swatch: { kind: 'halo', colour: '#555555' } },
  );
  const list = (items: readonly string[]) => formatList(items, t.lang) || '—';
  const articles = atlas.showIncidents ? null : (atlas.articles ?? atlas.allArticles);
  const filters = [
    t('export.years', { years: formatYears(atlas.yearFrom, atlas.yearTo, t.lang) }),
    t('export.categories', { categories: list(atlas.categories.map((c) => t(`category.${c}`))) }),
    ...(articles ? [t('export.articles', { articles: list(articles.map((a) => formatArticleKey(a, t.lang))) })] : []),
  ];
  const changeTitle = change
    ? t('legend.change', { before: change.before, after: change.after })
    : atlas.rates
      ? rateBasisText(atlas.rates, atlas.dataset?.sources ?? [], t)
      : null;
  const sources = sourcesInView(atlas.activeSeries, atlas.visibleEvents, atlas.dataset?.sources ?? []);
  return {
    title: atlas.shownSeries ? seriesTitle(atlas.shownSeries, t) : t('legend.noStatisticTitle'),
    subtitle: changeTitle ? `${changeTitle} · ${t('app.title')}` : t('app.title'),
    legendTitle: t('export.legend'),
    legend,
    filtersTitle: t('export.filters'),
    filters,
    sourcesTitle: t('export.sources'),
    sources: sources.map(formatSource),
    attribution: t('export.attribution'),
    map,
    scale: 2,
  };
}
