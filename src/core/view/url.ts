import type { IncidentCategory } from '../types.ts';
import { INCIDENT_CATEGORIES } from '../data/incidents.ts';
import { CLASS_METHODS, SEQUENTIAL_PALETTES, type ClassMethod, type SequentialPalette } from '../analysis/classify.ts';
import { LANG_PARAM, parseLang, UI_LANGS, type UiLang } from '../languages.ts';

/** How the choropleth is classified and coloured. */
export interface ClassView {
  method: ClassMethod;
  count: number;
  palette: SequentialPalette;
  /** Upper bounds for manual classes. */
  breaks: number[];
  /** Whether the colour scale stays fixed over the whole selected range while one year is shown. */
  fixed: boolean;
}

/** Everything a shared link reproduces: filters, the statistic shown, the selection and the camera. */
export interface View {
  from: number;
  to: number;
  /** One year of the range shown on its own (the timeline's play head); null = the whole range. */
  focus: number | null;
  categories: IncidentCategory[];
  /** Article keys shown (`2014:256.2`); null = all. */
  articles: string[] | null;
  series: string | null;
  /** The statistic (or `years:2011-2013` for incident counts) compared with the one shown; null = no comparison. */
  compare: string | null;
  /** `unit:aktobe`, `city:taraz` or `event:aktobe-2011-05`. */
  selected: string | null;
  camera: { zoom: number; lat: number; lon: number } | null;
  /**
   * The interface language (menus, legend, panels and the map's unit labels alike). Written as
   * `lang=`; read from `lang=`, or from `labels=` of links made before the interface spoke Russian
   * and Kazakh. The field keeps its old name so that stored views and their tests stay valid.
   */
  labels: LabelLang;
  classes: ClassView;
  mode: 'map' | 'table';
  /** Whether the map shows rates per 100,000 people instead of counts (`rate=1`). */
  perCapita: boolean;
}

export type LabelLang = UiLang;
export const LABEL_LANGS: readonly LabelLang[] = UI_LANGS;
/** The old name of the language parameter, still read so that old links open in their language. */
export const LEGACY_LANG_PARAM = 'labels';

export const YEAR_MIN = 2004;
/** The slider reaches the present so that users can compare 2011 with 2023; the seed data ends in 2019. */
export const YEAR_MAX = 2026;

export function defaultView(): View {
  return {
    from: YEAR_MIN,
    to: YEAR_MAX,
    focus: null,
    categories: [...INCIDENT_CATEGORIES],
    articles: null,
    series: null,
    compare: null,
    selected: null,
    camera: null,
    labels: 'en',
    classes: { method: 'natural', count: 5, palette: 'YlOrRd', breaks: [], fixed: true },
    mode: 'map',
    perCapita: false,
  };
}

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

/**
 * The interface language a query string asks for (`lang=ru`, or the old `labels=ru`), or null when
 * it names none, so that the caller can fall back to the remembered or the browser's language.
 */
export function queryLang(query: string): LabelLang | null {
  const params = new URLSearchParams(query);
  return parseLang(params.get(LANG_PARAM)) ?? parseLang(params.get(LEGACY_LANG_PARAM));
}

/**
 * Reads a view from a query string. Anything malformed falls back to the default for that part
 * only, so an old or hand-edited link still opens.
 */
export function viewFromQuery(query: string): View {
  const params = new URLSearchParams(query);
  const view = defaultView();
  const year = (name: string) => {
    const n = Number(params.get(name));
    return params.has(name) && Number.isInteger(n) && n >= 1990 && n <= 2100 ? n : null;
  };
  view.from = year('from') ?? view.from;
  view.to = year('to') ?? view.to;
  if (view.from > view.to) [view.from, view.to] = [view.to, view.from];
  const focus = year('year');
  view.focus = focus !== null && focus >= view.from && focus <= view.to ? focus : null;
  const cat = params.get('cat');
  if (cat !== null) view.categories = INCIDENT_CATEGORIES.filter((c) => cat.split(',').includes(c));
  const art = params.get('art');
  if (art !== null) view.articles = art.split(',').filter((a) => a !== '');
  view.series = params.get('stat');
  view.compare = params.get('cmp');
  view.selected = params.get('sel');
  view.labels = queryLang(query) ?? view.labels;
  view.mode = oneOf(params.get('view'), ['map', 'table'] as const) ?? view.mode;
  view.perCapita = params.get('rate') === '1';
  view.classes.method = oneOf(params.get('cls'), CLASS_METHODS) ?? view.classes.method;
  view.classes.palette = oneOf(params.get('pal'), SEQUENTIAL_PALETTES) ?? view.classes.palette;
  const k = Number(params.get('k'));
  if (Number.isInteger(k) && k >= 2 && k <= 9) view.classes.count = k;
  const breaks = (params.get('brk') ?? '')
    .split(',')
    .filter((b) => b !== '')
    .map(Number);
  if (breaks.every(Number.isFinite)) view.classes.breaks = breaks;
  view.classes.fixed = params.get('scale') !== 'free';
  const [zoom, lat, lon] = (params.get('map') ?? '').split('/').map(Number);
  if ([zoom, lat, lon].every((n) => n !== undefined && Number.isFinite(n)))
    view.camera = { zoom: zoom!, lat: lat!, lon: lon! };
  return view;
}

/** Writes a view as a query string, leaving out what equals the default. */
export function viewToQuery(view: View): string {
  const params = new URLSearchParams();
  const base = defaultView();
  if (view.from !== base.from) params.set('from', String(view.from));
  if (view.to !== base.to) params.set('to', String(view.to));
  if (view.focus !== null) params.set('year', String(view.focus));
  if (view.categories.length !== base.categories.length) params.set('cat', view.categories.join(','));
  if (view.articles) params.set('art', view.articles.join(','));
  if (view.series) params.set('stat', view.series);
  if (view.compare) params.set('cmp', view.compare);
  if (view.selected) params.set('sel', view.selected);
  if (view.labels !== base.labels) params.set(LANG_PARAM, view.labels);
  if (view.mode !== base.mode) params.set('view', view.mode);
  if (view.perCapita) params.set('rate', '1');
  if (view.classes.method !== base.classes.method) params.set('cls', view.classes.method);
  if (view.classes.count !== base.classes.count) params.set('k', String(view.classes.count));
  if (view.classes.palette !== base.classes.palette) params.set('pal', view.classes.palette);
  if (view.classes.breaks.length > 0) params.set('brk', view.classes.breaks.join(','));
  if (!view.classes.fixed) params.set('scale', 'free');
  if (view.camera) {
    const { zoom, lat, lon } = view.camera;
    params.set('map', `${zoom.toFixed(2)}/${lat.toFixed(4)}/${lon.toFixed(4)}`);
  }
  return params.toString();
}
