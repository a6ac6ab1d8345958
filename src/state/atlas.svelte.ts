import type { Incident, IncidentCategory, LayoutId, Statistic } from '../core/types.ts';
import type { Dataset } from '../core/data/dataset.ts';
import type { FeatureCollection } from 'geojson';
import { groupEvents, type AtlasEvent } from '../core/analysis/events.ts';
import { buildSeries, type StatSeries } from '../core/analysis/series.ts';
import { eventsInView, seriesInView, type Filters } from '../core/analysis/filter.ts';
import { joinSeries, type Choropleth } from '../core/analysis/choropleth.ts';
import { changeColourOf, classify, classifyChange, colourOf, type ColourClass } from '../core/analysis/classify.ts';
import { changeBetween, type UnitChange } from '../core/analysis/change.ts';
import { INCIDENT_CATEGORIES } from '../core/data/incidents.ts';
import { nationalInView, type IndicatorGroup } from '../core/analysis/national.ts';
import { histogram, type Timeline } from '../core/analysis/timeline.ts';
import type { RateView } from '../core/analysis/rates.ts';
import {
  YEAR_MAX,
  YEAR_MIN,
  defaultView,
  queryLang,
  viewFromQuery,
  viewToQuery,
  type ClassView,
  type View,
} from '../core/view/url.ts';
import { detectLanguage, type UiLang } from '../i18n/language.ts';
import { LAYOUTS, containingUnit, layoutsDuring, placeById, unitById, unitsOf } from '../core/gazetteer.ts';
import { chooseLayout, type LayoutChoice } from '../core/analysis/layout.ts';
import {
  INCIDENT_SERIES_ID,
  incidentCountSeries,
  uncountedEvents,
  type Uncounted,
} from '../core/analysis/incident-counts.ts';
import { chooseGeometry, type GeometryChoice, type GeometrySet, type UnitPolygons } from '../core/geo/geometry-sets.ts';
import { dissolveImported, interiorPoint } from '../core/geo/union.ts';
import {
  datasetOfDigest,
  loadDigestPart,
  loadLayout,
  loadPopulation,
  loadTexts,
  type Boundaries,
  type Loaded,
  type RateTools,
} from './load.ts';
import { withTexts } from '../core/data/dataset-tables.ts';
import type { Digest, DigestPartIndex } from '../core/data/digest.ts';
import { articleKey, articleLabel, compareArticleKeys } from '../core/data/articles.ts';
import { parseFuzzyDate } from '../core/parse/dates.ts';
import { locateOn } from '../core/analysis/locate.ts';
import type { StoredDataset } from './dataset-store.ts';
import { storesIfKept } from './stored-imports.ts';
import type { BulkLayer } from './bulk-layers.ts';

/** The IndexedDB stores, loaded on demand (see stores.ts). */
const stores = () => import('./stores.ts');

const gazetteer = { unitById, placeById, containingUnit, unitsOf, layoutsDuring };

/**
 * Dissolved geometry by set and layout: dissolving takes a moment, and users scrub back and forth.
 * Only imported sets are ever dissolved (every layout has its embedded set), and they reach the
 * state after `loadPolygonUnion`.
 */
// A plain cache, deliberately not reactive: nothing reads it through state.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const dissolved = new Map<string, UnitPolygons>();
function dissolveCached(set: GeometrySet, layout: LayoutId): UnitPolygons {
  const key = `${set.id}:${layout}`;
  let result = dissolved.get(key);
  if (!result) {
    result = dissolveImported(set.features, layout).features;
    dissolved.set(key, result);
  }
  return result;
}

/** The computations over large files (state/bulk-layers.ts), loaded with the first of them. */
type BulkTools = typeof import('./bulk-layers.ts');

/**
 * The app's one state module. Filters and selection are `$state`; data is `$state.raw` (never
 * deeply proxied); everything shown is `$derived` from the pure core. Components read and write
 * this state and compute nothing the core could.
 */
class AtlasState {
  dataset = $state.raw<Dataset | null>(null);
  /** The embedded units of the layouts read so far (geokz), then every imported boundary file. */
  geometrySets = $state.raw<GeometrySet[]>([]);
  /** Why an embedded layout's units could not be read (English words from the browser), or null. */
  layoutError = $state<string | null>(null);
  /** The embedded layouts read or being read, so that each file is fetched once. */
  #layoutLoads = new Map<LayoutId, Promise<void>>();
  context = $state.raw<FeatureCollection | null>(null);
  loadError = $state<string | null>(null);
  /**
   * The user's imported data files, oldest first, as kept in IndexedDB. The visible ones join the
   * curated data everywhere (events, filters, markers, counts, table, exports); their records keep
   * their file as `sourceId`, so every panel can tell where a record came from.
   */
  datasets = $state.raw<StoredDataset[]>([]);
  /** The large files' computations, loaded before the first large file joins `datasets`. */
  private bulkTools = $state.raw<BulkTools | null>(null);

  from = $state(defaultView().from);
  to = $state(defaultView().to);
  categories = $state<IncidentCategory[]>([...INCIDENT_CATEGORIES]);
  /** Article keys shown; null means every article in the data. */
  articles = $state<string[] | null>(null);
  seriesId = $state<string | null>(null);
  selected = $state<string | null>(null);
  camera = $state<View['camera']>(null);
  /** The interface language: menus, legend, panels and the map's unit labels. */
  lang = $state<UiLang>('en');
  /** One year of the range shown on its own (the timeline's play head), or null for the whole range. */
  focus = $state<number | null>(null);
  /** The statistic compared with the one shown (`years:2011-2013` for incident counts), or null. */
  compare = $state<string | null>(null);
  classView = $state<ClassView>(defaultView().classes);
  mode = $state<'map' | 'table'>('map');
  /** Rates per 100,000 people instead of counts, where the shown figures have a population basis. */
  perCapita = $state(false);
  /** The rate functions (core/analysis/rates.ts), loaded with the population table; null until then. */
  private rateTools = $state.raw<RateTools | null>(null);
  /**
   * Whether the dataset holds the population table. Only rates need it, so it is read when they are
   * first asked for (`showRates`, or a link with `rate=1`, which loads it with the data).
   */
  populationLoaded = $derived(this.rateTools !== null);
  populationLoading = $state(false);
  /** Why the population table could not be read (English words from the browser), or null. */
  populationError = $state<string | null>(null);
  /**
   * Whether the dataset holds the curated files' texts (quotes, notes, citations): the page starts
   * from their digest, and the panels that show those texts load them first (`loadTexts`).
   */
  textsLoaded = $state(false);
  #texts: Promise<void> | null = null;
  /**
   * The parts of the curated data not yet read: statistics of later periods (core/data/digest.ts),
   * listed by the start-up digest, read when a view needs them (`partsNeeded`, `loadParts`).
   */
  digestParts = $state.raw<DigestPartIndex[]>([]);
  /** How many sources (named by statements only) the texts will bring (core/data/digest.ts). */
  textSources = $state(0);
  /** Every curated source: read, in a part not yet read, or to come with the texts. */
  sourceCount = $derived(
    (this.dataset?.sources.length ?? 0) +
      this.digestParts.reduce((n, p) => n + p.sources, 0) +
      (this.textsLoaded ? 0 : this.textSources),
  );
  /** The years of parts being read, and why the last reading failed (English words), or null. */
  partsLoading = $state<number[]>([]);
  partsError = $state<string | null>(null);
  /** The digest as read so far (start-up and loaded parts): what a part merges into. */
  #digest: Digest | null = null;
  /** Resolves when the embedded data is in (`load`). */
  #loaded!: () => void;
  #ready = new Promise<void>((resolve) => (this.#loaded = resolve));

  /** The years shown: the focus year, or the whole selected range. */
  yearFrom = $derived(this.focus ?? this.from);
  yearTo = $derived(this.focus ?? this.to);

  visibleDatasets = $derived(this.datasets.filter((d) => d.visible));
  /** The visible large files, held in columns: counted, drawn and timed over their tables. */
  bulkLayers = $derived<BulkLayer[]>(this.bulkTools?.bulkLayersOf(this.visibleDatasets) ?? []);
  /** Events of the large files in the years and categories shown (drawn or not). */
  bulkShown = $derived(this.bulkTools?.shownCounts(this.bulkLayers, this.yearFrom, this.yearTo, this.categories) ?? []);
  /**
   * Events per category in the years shown, whatever categories are ticked (the category filter's
   * counts): the curated and small files' events, and the large files'.
   */
  categoryCounts = $derived.by(() => {
    const counts = INCIDENT_CATEGORIES.map(() => 0);
    const inYears = eventsInView(this.grouped.events, {
      ...this.filters,
      categories: new Set(INCIDENT_CATEGORIES),
    });
    for (const event of inYears) counts[INCIDENT_CATEGORIES.indexOf(event.category)]!++;
    if (this.bulkTools && this.bulkLayers.length)
      this.bulkTools.countsByCategory(this.bulkLayers, this.yearFrom, this.yearTo).forEach((n, i) => (counts[i]! += n));
    return counts;
  });
  /** How many events of the large files are in the years and categories shown. */
  bulkShownTotal = $derived(this.bulkShown.reduce((n, b) => n + b.count, 0));
  /** The event opened from a large file's marker, read back from its stored chunk. */
  bulkEvent = $state.raw<AtlasEvent | null>(null);
  /** Curated statements, then those of the visible imported files. */
  incidents = $derived<Incident[]>([
    ...(this.dataset?.incidents ?? []),
    ...this.visibleDatasets.flatMap((d) => d.incidents),
  ]);
  /**
   * Curated figures, then those of the visible imported files. An imported figure's series id
   * starts with its file's name (`convictions.csv:convicted_persons:…`), so an imported table never
   * merges with a curated one.
   */
  statistics = $derived<Statistic[]>([
    ...(this.dataset?.statistics ?? []),
    ...this.visibleDatasets.flatMap((d) => d.statistics),
  ]);
  /** The series of the parts not yet read: offered in the statistic menu, without figures (`pending`). */
  pendingSeries = $derived<StatSeries[]>(this.digestParts.flatMap((part) => part.series.map(pendingSeries)));
  allSeries = $derived<StatSeries[]>([
    ...(this.statistics.length ? buildSeries(this.statistics) : []),
    ...this.pendingSeries,
  ]);
  /** Curated series of later periods (in parts, read or not): never the statistic shown by default over start-up ones. */
  deferredSeriesIds = $state.raw<ReadonlySet<string>>(new Set());
  allArticles = $derived([...new Set(this.allSeries.map((s) => s.articleKey))].sort(compareArticleKeys));
  filters = $derived<Filters>({
    from: this.yearFrom,
    to: this.yearTo,
    categories: new Set(this.categories),
    articles: new Set(this.articles ?? this.allArticles),
  });
  visibleSeries = $derived<StatSeries[]>(seriesInView(this.allSeries, this.filters));
  /** The chosen statistic if it is in view, else the one in view with the most stated regional figures. */
  statisticInView = $derived.by<StatSeries | null>(() => {
    const ready = this.visibleSeries.filter((s) => !s.pending);
    const chosen = ready.find((s) => s.id === this.seriesId);
    if (chosen) return chosen;
    // Start-up statistics first, so that the first map never waits for a part of later periods.
    const startup = richest(ready.filter((s) => !this.deferredSeriesIds.has(s.id)));
    if (startup || this.visibleSeries.some((s) => s.pending)) return startup;
    return richest(ready);
  });
  /**
   * The parts a view needs now: one whose series is chosen or compared, or any with series in view
   * when no start-up statistic is (years after the seed data), or when the table lists the view.
   */
  partsNeeded = $derived.by<DigestPartIndex[]>(() => {
    const inView = new Set(this.visibleSeries.filter((s) => s.pending).map((s) => s.id));
    const noStartup = !this.visibleSeries.some((s) => !s.pending && !this.deferredSeriesIds.has(s.id));
    const wanted = (id: string) =>
      id === this.seriesId || id === this.compare || (inView.has(id) && (noStartup || this.mode === 'table'));
    return this.digestParts.filter(
      (part) => !this.partsLoading.includes(part.year) && part.series.some((s) => wanted(s.id)),
    );
  });
  /** Incident counts are shown when chosen, or when no statistic covers the selected years and articles. */
  showIncidents = $derived(this.seriesId === INCIDENT_SERIES_ID || this.statisticInView === null);
  activeSeries = $derived<StatSeries | null>(this.showIncidents ? null : this.statisticInView);
  /** The layout of the period shown, and why. */
  layoutChoice = $derived<LayoutChoice>(chooseLayout(this.activeSeries, this.yearFrom, this.yearTo, gazetteer));
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
    this.incidents.length
      ? groupEvents(this.incidents, (id, precision) => locateOn(id, precision, this.anchors))
      : { events: [], unplaced: [] },
  );
  visibleEvents = $derived<AtlasEvent[]>(eventsInView(this.grouped.events, this.filters));
  /** Incidents by year over every year the slider offers, in the chosen categories. */
  timeline = $derived.by<Timeline>(() => {
    const curated = histogram(
      eventsInView(this.grouped.events, { ...this.filters, from: YEAR_MIN, to: YEAR_MAX }),
      YEAR_MIN,
      YEAR_MAX,
    );
    return this.bulkTools?.withLayers(curated, this.bulkLayers, this.categories, YEAR_MIN, YEAR_MAX) ?? curated;
  });
  /** What the choropleth shows: the statistic, or incident counts on the drawn units. */
  shownSeries = $derived<StatSeries | null>(
    this.showIncidents
      ? incidentCountSeries(
          this.visibleEvents,
          this.drawnLayout,
          this.yearFrom,
          this.yearTo,
          gazetteer,
          this.bulkCounts(this.yearFrom, this.yearTo),
        )
      : this.activeSeries,
  );
  /** The incidents shown that the incident counts put in no unit of the drawn layout, and why. */
  uncounted = $derived<Uncounted | null>(
    this.showIncidents ? uncountedEvents(this.visibleEvents, this.drawnLayout, gazetteer) : null,
  );
  nationalGroups = $derived<IndicatorGroup[]>(nationalInView(this.dataset?.national ?? [], this.yearFrom, this.yearTo));
  unitIds = $derived(this.regions?.features.map((f) => f.properties.unit) ?? []);
  /** The counts joined onto the drawn units. */
  countChoropleth = $derived<Choropleth | null>(
    this.shownSeries ? joinSeries(this.shownSeries, this.unitIds, this.drawnLayout, gazetteer) : null,
  );
  /**
   * Why rates cannot be shown, or null when they can: 'comparing' (a comparison shows differences
   * of counts), or the year whose population a statistic would need when none of its units has a
   * population within five years of it (no basis).
   */
  rateBlocked = $derived.by((): 'comparing' | { noPopulation: number } | null => {
    if (this.compare !== null) return 'comparing';
    // Until the population table is read, rates are offered: choosing them reads it, then tells.
    if (!this.rateTools || !this.shownSeries) return null;
    const basis = this.rateTools.rateBasis(this.shownSeries, this.dataset?.population ?? []);
    return basis.byUnit.size > 0 ? null : { noPopulation: basis.year };
  });
  /** Rates per 100,000 on the drawn units, when asked for and possible; null shows counts. */
  rates = $derived<RateView | null>(
    this.perCapita && this.rateTools && this.rateBlocked === null && this.countChoropleth && this.shownSeries
      ? this.rateTools.rateChoropleth(this.countChoropleth, this.shownSeries, this.dataset?.population ?? [])
      : null,
  );
  /** The shown statistic's rates by unit, for the table's rate column and the statistics export. */
  shownRates = $derived(
    this.rates && this.shownSeries
      ? { seriesId: this.shownSeries.id, byUnit: this.rates.byUnit, unavailable: this.rates.unavailable }
      : null,
  );
  /** Rates asked for while the population table loads: counts are shown meanwhile, the toggle says rates. */
  ratesPending = $derived(this.perCapita && this.compare === null && !this.populationLoaded);
  /** What the map, legend and panels show: rates when `rates` is set, else counts. */
  choropleth = $derived<Choropleth | null>(this.rates?.choropleth ?? this.countChoropleth);
  /**
   * The values the colour scale is computed over: with a fixed scale, those of every year of the
   * selected range (so that colours compare while the play head moves), else the values shown.
   */
  scaleDomain = $derived<number[] | undefined>(this.classView.fixed ? this.fixedDomain() : undefined);
  classes = $derived<ColourClass[]>(
    classify(this.choropleth?.regions.flatMap((r) => (r.value === null ? [] : [r.value])) ?? [], {
      method: this.classView.method,
      classes: this.classView.count,
      palette: this.classView.palette,
      breaks: this.classView.breaks,
      ...(this.scaleDomain ? { domain: this.scaleDomain } : {}),
    }),
  );
  /** Statistics that can be compared with the one shown: same metric and article, another period. */
  compareChoices = $derived<StatSeries[]>(
    this.activeSeries
      ? this.allSeries.filter(
          (s) =>
            s.id !== this.activeSeries!.id &&
            s.metric === this.activeSeries!.metric &&
            s.articleKey === this.activeSeries!.articleKey,
        )
      : [],
  );
  /** The other period of a comparison, joined onto the same units; null when not comparing. */
  compareSide = $derived.by((): { choropleth: Choropleth; label: string; start: string } | null => {
    if (!this.compare || !this.shownSeries) return null;
    const years = /^years:(\d{4})-(\d{4})$/.exec(this.compare);
    if (years && this.showIncidents) {
      const [from, to] = [Number(years[1]), Number(years[2])];
      const events = eventsInView(this.grouped.events, { ...this.filters, from, to });
      const counts = incidentCountSeries(events, this.drawnLayout, from, to, gazetteer, this.bulkCounts(from, to));
      return {
        choropleth: joinSeries(counts, this.unitIds, this.drawnLayout, gazetteer),
        label: counts.periodLabel,
        start: counts.periodStart,
      };
    }
    const other = this.compareChoices.find((s) => s.id === this.compare);
    if (!other || this.showIncidents) return null;
    return {
      choropleth: joinSeries(other, this.unitIds, this.drawnLayout, gazetteer),
      label: other.periodLabel,
      start: other.periodStart,
    };
  });
  /** Per-unit change from the earlier to the later period, when comparing. */
  changes = $derived.by((): { before: string; after: string; units: UnitChange[] } | null => {
    const other = this.compareSide;
    if (!other || !this.choropleth || !this.shownSeries) return null;
    const shown = {
      choropleth: this.choropleth,
      label: this.shownSeries.periodLabel,
      start: this.shownSeries.periodStart,
    };
    const [before, after] = other.start <= shown.start ? [other, shown] : [shown, other];
    return { before: before.label, after: after.label, units: changeBetween(before.choropleth, after.choropleth) };
  });
  changeClasses = $derived<ColourClass[]>(
    this.changes
      ? classifyChange(this.changes.units.flatMap((c) => (c.difference === null ? [] : [c.difference])))
      : [],
  );
  /** Feature state per unit: its colour, status and value for the fill and label layers. */
  regionStates = $derived(
    new Map(
      this.changes
        ? this.changes.units.map((c) => [
            c.unit,
            {
              status: c.status === 'both' ? 'reported' : 'not_reported',
              colour: c.difference === null ? 'none' : (changeColourOf(c.difference, this.changeClasses) ?? 'none'),
              value: c.difference ?? -1,
              selected: this.selected === `unit:${c.unit}`,
            },
          ])
        : (this.choropleth?.regions ?? this.unitIds.map((unit) => ({ unit, status: 'none', value: null }))).map((r) => [
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
    this.#digest = loaded.digest;
    this.digestParts = loaded.digest.parts ?? [];
    this.textSources = loaded.digest.textSources ?? 0;
    this.deferredSeriesIds = new Set(this.digestParts.flatMap((p) => p.series.map((s) => s.id)));
    // Imports restored from IndexedDB may have arrived first: keep them.
    this.#layoutLoads.set(loaded.regions.layout, Promise.resolve());
    this.addEmbedded(loaded.regions.layout, loaded.regions.features);
    this.context = loaded.context;
    this.rateTools = loaded.rates;
    this.#loaded();
    if (this.perCapita) void this.readPopulation();
  }

  /**
   * Reads the embedded units of a layout, once (a failed reading may be tried again); resolves when
   * they are among the geometry sets. The app asks for the layout of the period shown.
   */
  ensureLayout(layout: LayoutId): Promise<void> {
    let loading = this.#layoutLoads.get(layout);
    if (!loading) {
      loading = loadLayout(layout).then(
        (features) => {
          this.layoutError = null;
          this.addEmbedded(layout, features);
        },
        (error: unknown) => {
          this.#layoutLoads.delete(layout);
          this.layoutError = error instanceof Error ? error.message : String(error);
          throw error;
        },
      );
      this.#layoutLoads.set(layout, loading);
    }
    return loading;
  }

  /** Reads every embedded layout (placing a file's points in the units of each needs them all). */
  async ensureAllLayouts(): Promise<void> {
    await Promise.all(LAYOUTS.map((layout) => this.ensureLayout(layout)));
  }

  /** Puts an embedded layout's units among the geometry sets: embedded ones by layout, then imports. */
  private addEmbedded(layout: LayoutId, features: Boundaries): void {
    const set: GeometrySet = {
      id: `geokz-${layout}`,
      label: `geokz, layout ${layout}`,
      layout,
      origin: 'embedded',
      features,
    };
    const embedded = [...this.geometrySets.filter((s) => s.origin === 'embedded' && s.layout !== layout), set];
    this.geometrySets = [
      ...embedded.sort((a, b) => LAYOUTS.indexOf(a.layout) - LAYOUTS.indexOf(b.layout)),
      ...this.geometrySets.filter((s) => s.origin === 'imported'),
    ];
  }

  /**
   * Reads the curated files' texts into the dataset (once; later calls wait for the same reading).
   * Panels that show quotes, notes or citations await it; a failed reading may be tried again.
   */
  loadTexts(): Promise<void> {
    this.#texts ??= Promise.all([loadTexts(), this.#ready])
      .then(([addTexts]) => {
        this.dataset = addTexts(this.dataset!);
        this.textsLoaded = true;
        // The files read in full hold every period: no part is left to read.
        this.digestParts = [];
      })
      .catch((error: unknown) => {
        this.#texts = null;
        throw error;
      });
    return this.#texts;
  }

  /**
   * Reads parts of the curated data (statistics of later periods) into the dataset, once each; a
   * failed reading is reported (`partsError`) and may be tried again.
   */
  async loadParts(parts: readonly DigestPartIndex[]): Promise<void> {
    const todo = parts.filter((p) => !this.partsLoading.includes(p.year));
    if (todo.length === 0) return;
    this.partsLoading = [...this.partsLoading, ...todo.map((p) => p.year)];
    this.partsError = null;
    try {
      for (const part of todo) {
        if (!this.#digest || !this.digestParts.some((p) => p.year === part.year)) continue;
        this.#digest = await loadDigestPart(this.#digest, part);
        // Texts read meanwhile hold every period already; otherwise the part's rows join the dataset.
        if (!this.textsLoaded) this.dataset = withTexts(this.dataset!, datasetOfDigest(this.#digest));
        this.digestParts = this.digestParts.filter((p) => p.year !== part.year);
      }
    } catch (error) {
      this.partsError = error instanceof Error ? error.message : String(error);
    } finally {
      this.partsLoading = this.partsLoading.filter((year) => !todo.some((p) => p.year === year));
    }
  }

  /** Shows rates per 100,000 (reading the population table first, once) or counts. */
  showRates(on: boolean): void {
    this.perCapita = on;
    if (on) void this.readPopulation();
  }

  /** Reads the population table into the dataset; on failure, counts are shown again with the reason. */
  private async readPopulation(): Promise<void> {
    if (this.populationLoaded || this.populationLoading || !this.dataset) return;
    this.populationLoading = true;
    this.populationError = null;
    try {
      const { add, rates } = await loadPopulation();
      this.dataset = add(this.dataset);
      this.rateTools = rates;
    } catch (error) {
      this.perCapita = false;
      this.populationError = error instanceof Error ? error.message : String(error);
    } finally {
      this.populationLoading = false;
    }
  }

  /**
   * The unit polygons of each layout that the loaded boundaries give exactly (an import of that
   * layout, or a later set dissolved into its units), for placing a file's points in units. A
   * layout only an earlier set could stand in for is absent: its units are unknown.
   */
  unitPolygonsByLayout(): Partial<Record<LayoutId, UnitPolygons>> {
    const result: Partial<Record<LayoutId, UnitPolygons>> = {};
    for (const layout of LAYOUTS) {
      const choice = chooseGeometry(this.geometrySets, layout, dissolveCached);
      if (choice && choice.mode !== 'earlier') result[layout] = choice.features;
    }
    return result;
  }

  /**
   * Events per unit of the drawn layout in the large files, over whole years in the categories
   * shown; null when no large file is visible.
   */
  bulkCounts(from: number, to: number): Map<string, number> | null {
    if (!this.bulkTools || !this.bulkLayers.length) return null;
    return this.bulkTools.countsByUnit(this.bulkLayers, this.drawnLayout, from, to, this.categories);
  }

  /**
   * Every event shown, for an export: the curated and small files' events, then those of the large
   * files in the years and categories shown, read back from their stored chunks one at a time.
   */
  async eventsForExport(): Promise<AtlasEvent[]> {
    const events = [...this.visibleEvents];
    const tools = this.bulkTools;
    for (const layer of tools ? this.bulkLayers : []) {
      for (const [chunk, rows] of tools!.shownRowsByChunk(layer, this.yearFrom, this.yearTo, this.categories)) {
        const stored = await (await stores()).storedChunk(layer.dataset.id, chunk);
        for (const row of rows) {
          const event = stored?.[row];
          if (!event)
            throw new Error(
              `${layer.dataset.fileName}: event ${row} of chunk ${chunk} is missing from this browser's store`,
            );
          events.push(event);
        }
      }
    }
    return events;
  }

  /** Opens an event of a large file: its record is read from its chunk, then the panel shows it. */
  async openBulkEvent(datasetId: string, row: number): Promise<void> {
    const event = await (await stores()).storedEvent(datasetId, row);
    if (!event) return;
    this.bulkEvent = event;
    this.selected = `event:${event.id}`;
  }

  /**
   * Restores the imported files kept in this browser; those added meanwhile stay. Only when this
   * browser keeps some: handing the state an empty list again would still recompute every incident
   * and resend the map's markers while the first map is being drawn.
   */
  async restoreDatasets(): Promise<void> {
    const kept = await storesIfKept();
    if (!kept) return;
    const { countStoredDatasets, listStoredDatasets, removeOrphanChunks } = kept;
    if ((await countStoredDatasets()) === 0) return;
    void removeOrphanChunks().catch(() => undefined);
    const stored = await listStoredDatasets();
    await this.bulkToolsFor(stored);
    const added = new Set(this.datasets.map((d) => d.id));
    this.datasets = [...stored.filter((d) => !added.has(d.id)), ...this.datasets];
  }

  /**
   * Keeps an imported file and shows it. A file of the same name replaces the earlier import, so
   * that its ids (`<file>:<line>`, events `<file>:<id>`) stay unique.
   */
  async addDataset(dataset: StoredDataset): Promise<void> {
    const replaced = this.datasets.filter((d) => d.fileName === dataset.fileName);
    const { removeDataset, saveDataset } = await stores();
    await this.bulkToolsFor([dataset]);
    await saveDataset(dataset);
    for (const old of replaced) await removeDataset(old.id);
    this.datasets = [...this.datasets.filter((d) => d.fileName !== dataset.fileName), dataset];
  }

  /** Loads the large files' computations before the first large file joins the datasets. */
  private async bulkToolsFor(datasets: readonly StoredDataset[]): Promise<void> {
    if (!this.bulkTools && datasets.some((d) => d.bulk)) this.bulkTools = await import('./bulk-layers.ts');
  }

  async removeDataset(id: string): Promise<void> {
    await (await stores()).removeDataset(id);
    this.datasets = this.datasets.filter((d) => d.id !== id);
  }

  /** Shows or hides an imported file; hidden files stay stored. */
  async setDatasetVisible(id: string, visible: boolean): Promise<void> {
    const dataset = this.datasets.find((d) => d.id === id);
    if (!dataset || dataset.visible === visible) return;
    const changed = { ...dataset, visible };
    this.datasets = this.datasets.map((d) => (d.id === id ? changed : d));
    await (await stores()).saveDataset(changed);
  }

  /**
   * Region values of every year (incident counts) or every statistic of the same metric and article
   * in the range; as rates per 100,000 when rates are shown (each period on its own population).
   */
  private fixedDomain(): number[] | undefined {
    const range = { ...this.filters, from: this.from, to: this.to };
    const population = this.dataset?.population ?? [];
    const rateChoropleth = this.rates ? this.rateTools?.rateChoropleth : undefined;
    const valuesOf = (series: StatSeries): number[] => {
      if (!rateChoropleth) return series.figures.filter((f) => f.level === 'region').map((f) => f.value.value);
      const counts = joinSeries(series, this.unitIds, this.drawnLayout, gazetteer);
      return rateChoropleth(counts, series, population).choropleth.regions.flatMap((r) =>
        r.value === null ? [] : [r.value],
      );
    };
    if (this.showIncidents) {
      if (this.focus === null) return undefined;
      const values: number[] = [];
      for (let year = this.from; year <= this.to; year++) {
        const events = eventsInView(this.grouped.events, { ...range, from: year, to: year });
        values.push(
          ...valuesOf(
            incidentCountSeries(events, this.drawnLayout, year, year, gazetteer, this.bulkCounts(year, year)),
          ),
        );
      }
      return values;
    }
    const active = this.activeSeries;
    if (!active) return undefined;
    return seriesInView(this.allSeries, range)
      .filter((s) => s.metric === active.metric && s.articleKey === active.articleKey)
      .flatMap(valuesOf);
  }

  view(): View {
    return {
      from: this.from,
      to: this.to,
      focus: this.focus,
      categories: this.categories,
      articles: this.articles,
      series: this.seriesId,
      compare: this.compare,
      selected: this.selected,
      camera: this.camera,
      labels: this.lang,
      classes: this.classView,
      mode: this.mode,
      perCapita: this.perCapita,
    };
  }

  applyView(view: View): void {
    this.from = view.from;
    this.to = view.to;
    this.focus = view.focus;
    this.compare = view.compare;
    this.classView = view.classes;
    this.mode = view.mode;
    this.perCapita = view.perCapita;
    this.categories = view.categories;
    this.articles = view.articles;
    this.seriesId = view.series;
    this.selected = view.selected;
    this.camera = view.camera;
    this.lang = view.labels;
  }

  /** Applies a link's view; a link that names no language opens in the remembered or the browser's one. */
  readUrl(search: string): void {
    this.applyView(viewFromQuery(search));
    if (queryLang(search) === null) this.lang = detectLanguage().lang;
  }

  urlQuery(): string {
    return viewToQuery(this.view());
  }
}

/** A series of a part not yet read, as the menu lists it: its figures come with the part. */
function pendingSeries(stub: DigestPartIndex['series'][number]): StatSeries {
  const ref = { edition: stub.codeEdition as '1997' | '2014', article: stub.article, part: stub.part };
  const start = parseFuzzyDate(stub.periodStart);
  const end = parseFuzzyDate(stub.periodEnd);
  return {
    id: stub.id,
    metric: stub.metric,
    articleKey: articleKey(ref),
    articleLabel: articleLabel(ref),
    periodStart: 'error' in start ? '' : start.start,
    periodEnd: 'error' in end ? '' : end.end,
    periodLabel: stub.periodLabel,
    national: null,
    figures: [],
    coverage: 'complete',
    sourceIds: [],
    pending: true,
  };
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

/**
 * A point inside each unit, computed once per boundary load (a derived value, never mutated): the
 * embedded units carry theirs (`anchor`, computed by the boundary build with the same turf
 * `pointOnFeature`); imported ones, which reach the state after `loadPolygonUnion`, get it here.
 */
function anchorsOf(regions: UnitPolygons | null): ReadonlyMap<string, { lon: number; lat: number }> {
  return new Map(
    (regions?.features ?? []).map((feature) => {
      const stored = (feature.properties as { anchor?: [number, number] }).anchor;
      const [lon, lat] = stored ?? interiorPoint(feature);
      return [feature.properties.unit, { lon, lat }] as const;
    }),
  );
}

export const atlas = new AtlasState();
