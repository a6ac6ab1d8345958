import type { IncidentCategory, LayoutId, LocationPrecision } from '../core/types.ts';
import type { Dataset } from '../core/data/dataset.ts';
import type { FeatureCollection } from 'geojson';
import { pointOnFeature } from '@turf/turf';
import { groupEvents, type AtlasEvent } from '../core/analysis/events.ts';
import { buildSeries, type StatSeries } from '../core/analysis/series.ts';
import { eventsInView, seriesInView, type Filters } from '../core/analysis/filter.ts';
import { joinSeries, type Choropleth } from '../core/analysis/choropleth.ts';
import { classify, colourOf, type ColourClass } from '../core/analysis/classify.ts';
import { INCIDENT_CATEGORIES } from '../core/data/incidents.ts';
import { nationalInView, type IndicatorGroup } from '../core/analysis/national.ts';
import { defaultView, viewFromQuery, viewToQuery, type LabelLang, type View } from '../core/view/url.ts';
import { containingUnit, layoutsDuring, placeById, unitById, unitsOf } from '../core/gazetteer.ts';
import { chooseLayout, type LayoutChoice } from '../core/analysis/layout.ts';
import { INCIDENT_SERIES_ID, incidentCountSeries } from '../core/analysis/incident-counts.ts';
import { chooseGeometry, type GeometryChoice, type GeometrySet, type UnitPolygons } from '../core/geo/geometry-sets.ts';
import { dissolveToLayout } from '../core/geo/dissolve.ts';
import type { Loaded } from './load.ts';

const gazetteer = { unitById, placeById, containingUnit, unitsOf, layoutsDuring };

/** Dissolved geometry by set and layout: dissolving takes a moment, and users scrub back and forth. */
// A plain cache, deliberately not reactive: nothing reads it through state.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const dissolved = new Map<string, UnitPolygons>();
function dissolveCached(set: GeometrySet, layout: LayoutId): UnitPolygons {
  const key = `${set.id}:${layout}`;
  let result = dissolved.get(key);
  if (!result) {
    result = dissolveToLayout(set.features, layout).features;
    dissolved.set(key, result);
  }
  return result;
}

/**
 * The app's one state module. Filters and selection are `$state`; data is `$state.raw` (never
 * deeply proxied); everything shown is `$derived` from the pure core. Components read and write
 * this state and compute nothing the core could.
 */
class AtlasState {
  dataset = $state.raw<Dataset | null>(null);
  /** The embedded Natural Earth units and every imported boundary file. */
  geometrySets = $state.raw<GeometrySet[]>([]);
  context = $state.raw<FeatureCollection | null>(null);
  loadError = $state<string | null>(null);

  from = $state(defaultView().from);
  to = $state(defaultView().to);
  categories = $state<IncidentCategory[]>([...INCIDENT_CATEGORIES]);
  /** Article keys shown; null means every article in the data. */
  articles = $state<string[] | null>(null);
  seriesId = $state<string | null>(null);
  selected = $state<string | null>(null);
  camera = $state<View['camera']>(null);
  labels = $state<LabelLang>('en');

  allSeries = $derived<StatSeries[]>(this.dataset ? buildSeries(this.dataset.statistics) : []);
  allArticles = $derived([...new Set(this.allSeries.map((s) => s.articleKey))].sort());
  filters = $derived<Filters>({
    from: this.from,
    to: this.to,
    categories: new Set(this.categories),
    articles: new Set(this.articles ?? this.allArticles),
  });
  visibleSeries = $derived<StatSeries[]>(seriesInView(this.allSeries, this.filters));
  /** The chosen statistic if it is in view, else the one in view with the most stated regional figures. */
  statisticInView = $derived<StatSeries | null>(
    this.visibleSeries.find((s) => s.id === this.seriesId) ?? richest(this.visibleSeries),
  );
  /** Incident counts are shown when chosen, or when no statistic covers the selected years and articles. */
  showIncidents = $derived(this.seriesId === INCIDENT_SERIES_ID || this.statisticInView === null);
  activeSeries = $derived<StatSeries | null>(this.showIncidents ? null : this.statisticInView);
  /** The layout of the period shown, and why. */
  layoutChoice = $derived<LayoutChoice>(chooseLayout(this.activeSeries, this.from, this.to, gazetteer));
  geometry = $derived<GeometryChoice | null>(
    chooseGeometry(this.geometrySets, this.layoutChoice.layout, dissolveCached),
  );
  /** The layout of the polygons actually drawn (an earlier one when no boundaries of the period are loaded). */
  drawnLayout = $derived<LayoutId>(
    this.geometry?.mode === 'earlier' ? this.geometry.set.layout : this.layoutChoice.layout,
  );
  regions = $derived<UnitPolygons | null>(this.geometry?.features ?? null);
  /** Interior points of the loaded units, where region-precision events are drawn. */
  anchors = $derived(anchorsOf(this.regions));
  grouped = $derived(
    this.dataset
      ? groupEvents(this.dataset.incidents, (id, precision) => locate(id, precision, this.anchors))
      : { events: [], unplaced: [] },
  );
  visibleEvents = $derived<AtlasEvent[]>(eventsInView(this.grouped.events, this.filters));
  /** What the choropleth shows: the statistic, or incident counts on the drawn units. */
  shownSeries = $derived<StatSeries | null>(
    this.showIncidents
      ? incidentCountSeries(this.visibleEvents, this.drawnLayout, this.from, this.to, gazetteer)
      : this.activeSeries,
  );
  nationalGroups = $derived<IndicatorGroup[]>(nationalInView(this.dataset?.national ?? [], this.from, this.to));
  unitIds = $derived(this.regions?.features.map((f) => f.properties.unit) ?? []);
  choropleth = $derived<Choropleth | null>(
    this.shownSeries ? joinSeries(this.shownSeries, this.unitIds, this.drawnLayout, gazetteer) : null,
  );
  classes = $derived<ColourClass[]>(
    classify(this.choropleth?.regions.flatMap((r) => (r.value === null ? [] : [r.value])) ?? []),
  );
  /** Feature state per unit: its colour, status and value for the fill and label layers. */
  regionStates = $derived(
    new Map(
      (this.choropleth?.regions ?? this.unitIds.map((unit) => ({ unit, status: 'none', value: null }))).map((r) => [
        r.unit,
        {
          status: this.choropleth ? r.status : 'none',
          colour: r.value === null ? 'none' : (colourOf(r.value, this.classes) ?? 'none'),
          value: r.value ?? -1,
          selected: this.selected === `unit:${r.unit}`,
        },
      ]),
    ),
  );

  load(loaded: Loaded): void {
    this.dataset = loaded.dataset;
    // Imports restored from IndexedDB may have arrived first: keep them.
    this.geometrySets = [
      {
        id: 'natural-earth',
        label: 'Natural Earth, 1997-2018 layout',
        layout: 'A',
        origin: 'embedded',
        features: loaded.regions,
      },
      ...this.geometrySets.filter((s) => s.origin === 'imported'),
    ];
    this.context = loaded.context;
  }

  view(): View {
    return {
      from: this.from,
      to: this.to,
      categories: this.categories,
      articles: this.articles,
      series: this.seriesId,
      selected: this.selected,
      camera: this.camera,
      labels: this.labels,
    };
  }

  applyView(view: View): void {
    this.from = view.from;
    this.to = view.to;
    this.categories = view.categories;
    this.articles = view.articles;
    this.seriesId = view.series;
    this.selected = view.selected;
    this.camera = view.camera;
    this.labels = view.labels;
  }

  readUrl(search: string): void {
    this.applyView(viewFromQuery(search));
  }

  urlQuery(): string {
    return viewToQuery(this.view());
  }
}

function richest(series: readonly StatSeries[]): StatSeries | null {
  const stated = (s: StatSeries) => s.figures.filter((f) => f.level === 'region' && !f.derived).length;
  let best: StatSeries | null = null;
  for (const s of series) {
    if (!best || stated(s) > stated(best) || (stated(s) === stated(best) && s.figures.length > best.figures.length))
      best = s;
  }
  return best;
}

/** A point inside each unit, computed once per boundary load (a derived value, never mutated). */
function anchorsOf(regions: UnitPolygons | null): ReadonlyMap<string, { lon: number; lat: number }> {
  return new Map(
    (regions?.features ?? []).map((feature) => {
      const [lon, lat] = pointOnFeature(feature).geometry.coordinates as [number, number];
      return [feature.properties.unit, { lon, lat }] as const;
    }),
  );
}

/**
 * A region-precision event is drawn at its unit's interior point (falling back to the unit's
 * centre city); anything else at its place.
 */
function locate(
  id: string,
  precision: LocationPrecision,
  anchors: ReadonlyMap<string, { lon: number; lat: number }>,
): { lon: number; lat: number } | null {
  const place = placeById(id);
  if (place && !(precision === 'region' && unitById(id))) return { lon: place.lon, lat: place.lat };
  const anchor = anchors.get(id);
  if (anchor) return anchor;
  const unit = unitById(id);
  const centre = unit ? placeById(unit.centre) : undefined;
  return centre ? { lon: centre.lon, lat: centre.lat } : null;
}

export const atlas = new AtlasState();
