/**
 * The words the core computes in English (series titles, layout reasons, boundary notes, class
 * bounds), rebuilt from the i18n catalogue in the interface language. Pure: the translator comes
 * in as a parameter, the gazetteer is static data, and nothing reads the DOM.
 */
import type { StatSeries } from '../core/analysis/series.ts';
import type { ColourClass } from '../core/analysis/classify.ts';
import type { Choropleth } from '../core/analysis/choropleth.ts';
import type { GeometryChoice, GeometrySet } from '../core/geo/geometry-sets.ts';
import type { FuzzyDate, LayoutId, Source } from '../core/types.ts';
import type { RateView, UnitRate } from '../core/analysis/rates.ts';
import { INCIDENT_SERIES_ID } from '../core/analysis/incident-counts.ts';
import { layoutsDuring, unitById } from '../core/gazetteer.ts';
import { parseFuzzyDate } from '../core/parse/dates.ts';
import {
  formatArticleKey,
  formatFuzzyDate,
  formatList,
  formatNumber,
  formatYears,
  type Translator,
  type UiLang,
} from '../i18n/translate.ts';
import { unitNameById } from '../i18n/units.ts';
import { NO_ARTICLE } from '../core/data/articles.ts';

/** A metric's name (`Persons convicted`), or its code when the catalogue does not know it. */
/**
 * The language of a record's own words (titles, notes, labels) for the `lang` attribute, so that a
 * screen reader in the Russian or Kazakh interface reads them as English: the curated files are
 * written in English (docs/data-files.md); a user's file (`file` not null) is in a language the atlas
 * does not know, which the page's language stands for.
 */
export const wordsLang = (file: string | null): 'en' | undefined => (file === null ? 'en' : undefined);

export function metricLabel(metric: string, t: Translator): string {
  const key = `metric.${metric}`;
  return t.has(key) ? t.dynamic(key) : metric;
}

/** The years an incident-count series covers (its period is the selected years). */
function seriesYears(series: StatSeries): [number, number] {
  return [Number(series.periodStart.slice(0, 4)), Number(series.periodEnd.slice(0, 4))];
}

/** `Art. 256 part 2 (2014 code)`, `ст. 256 ч. 2 УК РК (2014)`; `selected categories` for incident counts. */
export function seriesArticle(series: StatSeries, t: Translator): string {
  if (series.id === INCIDENT_SERIES_ID) return t('series.selectedCategories');
  const formatted = formatArticleKey(series.articleKey, t.lang);
  return formatted === series.articleKey ? series.articleLabel : formatted;
}

/** The period as the source labels it (data text), or the selected years for incident counts. */
export function seriesPeriod(series: StatSeries, t: Translator): string {
  if (series.id !== INCIDENT_SERIES_ID) return series.periodLabel;
  const [from, to] = seriesYears(series);
  return formatYears(from, to, t.lang);
}

/** `Persons convicted, Art. 256 part 2 (2014 code), 2017` in the interface language; no article when it counts none. */
export function seriesTitle(series: StatSeries, t: Translator): string {
  if (series.articleKey.endsWith(NO_ARTICLE))
    return t('series.titleNoArticle', { metric: metricLabel(series.metric, t), period: seriesPeriod(series, t) });
  return t('series.title', {
    metric: metricLabel(series.metric, t),
    article: seriesArticle(series, t),
    period: seriesPeriod(series, t),
  });
}

/** A measure without its period, for a unit's profile: `Persons convicted, Art. 273 (2014 code)`. */
export function measureTitle(series: StatSeries, t: Translator): string {
  if (series.articleKey.endsWith(NO_ARTICLE)) return metricLabel(series.metric, t);
  return `${metricLabel(series.metric, t)}, ${seriesArticle(series, t)}`;
}

/** Why the map uses the units it uses, as `chooseLayout` decides it, in words. */
export function layoutReason(
  layout: LayoutId,
  series: StatSeries | null,
  from: number,
  to: number,
  t: Translator,
): string {
  const label = t(`layout.${layout}`);
  const reason = series
    ? t('layout.reasonSeries', { layout: label, period: seriesPeriod(series, t) })
    : t('layout.reasonYears', { layout: label, year: to });
  const changes = layoutsDuring(String(from), String(to)).length - 1;
  return changes > 0
    ? `${reason} ${t('layout.spans', { count: changes, years: formatYears(from, to, t.lang) })}`
    : reason;
}

/** A boundary set's name: the embedded one in words, an import by its file name (data). */
export function setLabel(set: GeometrySet, t: Translator): string {
  return set.origin === 'embedded' ? t('boundaries.embeddedLabel') : set.label;
}

/** Which boundaries are drawn and how (exact, dissolved, or an earlier layout). */
export function geometryNote(geometry: GeometryChoice, t: Translator): string {
  const label = setLabel(geometry.set, t);
  if (geometry.mode === 'exact') return t('notes.boundariesExact', { label });
  if (geometry.mode === 'dissolved') return t('notes.boundariesDissolved', { label });
  return t('notes.boundariesEarlier', { label });
}

/**
 * The legend's remarks on a choropleth, as `joinSeries` words them: figures of later units summed
 * into the loaded unit containing them, and unit figures that no loaded boundary contains (a unit
 * absent from the geometry, not a city, and summed into no loaded unit).
 */
export function choroplethNotes(
  choropleth: Choropleth,
  series: StatSeries,
  unitIds: readonly string[],
  t: Translator,
): string[] {
  const loaded = new Set(unitIds);
  const summed = new Set(choropleth.regions.flatMap((r) => r.summedFrom));
  const name = (id: string) => unitNameById(id, t.lang);
  const undrawn = series.figures.flatMap((f) => {
    if (f.level !== 'region' || !f.unit || loaded.has(f.unit) || summed.has(f.unit)) return [];
    const unit = unitById(f.unit);
    return unit && unit.kind !== 'city' ? [t('notes.noBoundary', { unit: name(unit.id) })] : [];
  });
  const within = choropleth.regions
    .filter((r) => r.summedFrom.length > 0)
    .map((r) => t('notes.shownWithin', { units: formatList(r.summedFrom.map(name), t.lang), unit: name(r.unit) }));
  return [...new Set([...undrawn, ...within])];
}

/** A number of the legend: rounded to one decimal, grouped, with a true minus sign. */
function legendNumber(x: number, lang: UiLang, decimals: number): string {
  const rounded = Math.round(x * 10 ** decimals) / 10 ** decimals;
  const text = formatNumber(Math.abs(rounded), lang);
  return rounded < 0 ? `−${text}` : text;
}

/**
 * A class's bounds in words: `5`, `6–7`, `−4 to −2.7` (`от −4 до −2,7`); to one decimal, or to
 * `decimals` (rates per 100,000 are shown to two).
 */
export function classLabel(c: ColourClass, t: Translator, decimals = 1): string {
  const min = legendNumber(c.min, t.lang, decimals);
  const max = legendNumber(c.max, t.lang, decimals);
  if (min === max) return min;
  return c.min < 0 || c.max < 0 ? t('legend.classRange', { from: min, to: max }) : `${min}–${max}`;
}

/** A partial ISO date (`2019-03-23`) in words, or `…` when open or unreadable. */
export function dateOrOpen(text: string | null, lang: UiLang): string {
  if (!text) return '…';
  const date = parseFuzzyDate(text);
  return 'error' in date ? text : formatFuzzyDate(date as FuzzyDate, lang);
}

/** A character no message contains, to find where a parameter lands in a translated text. */
const MARK = '\u0000';

/**
 * A message split around one parameter, so that the parameter (English words from code, such as
 * an error) can be wrapped in an element of its own with `lang="en"`: `[before, after]`.
 */
export function around(message: (marker: string) => string): [string, string] {
  const [before = '', after = ''] = message(MARK).split(MARK);
  return [before, after];
}

/** A source's short name for the legend: its publisher up to the first comma (`Bureau of National Statistics`). */
function shortSource(sourceId: string, sources: readonly Source[]): string {
  const source = sources.find((s) => s.id === sourceId);
  return source ? (source.publisher.split(',')[0] ?? source.publisher).trim() : sourceId;
}

/**
 * What the rates rest on, for the legend: `Per 100,000 people; population 2016, 2017 (1 January
 * estimate, Bureau of National Statistics).`
 */
export function rateBasisText(rates: RateView, sources: readonly Source[], t: Translator): string {
  const kinds = [...new Set(rates.populations.map((p) => p.kind))].map((k) => t(`rates.kind.${k}`));
  const names = [...new Set(rates.populations.map((p) => shortSource(p.sourceId, sources)))];
  return t('rates.basis', {
    years: formatList(rates.years.map(String), t.lang),
    kind: formatList(kinds, t.lang),
    source: formatList(names, t.lang),
  });
}

/** How one unit's rate was computed: `3 ÷ 1,854,656 people (1 January 2019, 1 January estimate) × 100,000`. */
export function rateDerivation(rate: UnitRate, t: Translator): string {
  const dates = formatList([...new Set(rate.populations.map((p) => dateOrOpen(p.date, t.lang)))], t.lang);
  const kinds = formatList([...new Set(rate.populations.map((p) => t(`rates.kind.${p.kind}`)))], t.lang);
  return t('rates.derivation', {
    count: formatNumber(rate.count, t.lang),
    population: formatNumber(rate.population, t.lang),
    date: dates,
    kind: kinds,
  });
}
