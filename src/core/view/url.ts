import type { IncidentCategory } from '../types.ts';
import { INCIDENT_CATEGORIES } from '../data/incidents.ts';

/** Everything a shared link reproduces: filters, the statistic shown, the selection and the camera. */
export interface View {
  from: number;
  to: number;
  categories: IncidentCategory[];
  /** Article keys shown (`2014:256.2`); null = all. */
  articles: string[] | null;
  series: string | null;
  /** `unit:aktobe`, `city:taraz` or `event:aktobe-2011-05`. */
  selected: string | null;
  camera: { zoom: number; lat: number; lon: number } | null;
  /** Language of the map's unit labels. */
  labels: LabelLang;
}

export type LabelLang = 'en' | 'ru' | 'kk';
export const LABEL_LANGS: readonly LabelLang[] = ['en', 'ru', 'kk'];

export const YEAR_MIN = 2004;
/** The slider reaches the present so that users can compare 2011 with 2023; the seed data ends in 2019. */
export const YEAR_MAX = 2026;

export function defaultView(): View {
  return {
    from: YEAR_MIN,
    to: YEAR_MAX,
    categories: [...INCIDENT_CATEGORIES],
    articles: null,
    series: null,
    selected: null,
    camera: null,
    labels: 'en',
  };
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
    return Number.isInteger(n) && n >= 1990 && n <= 2100 ? n : null;
  };
  view.from = year('from') ?? view.from;
  view.to = year('to') ?? view.to;
  if (view.from > view.to) [view.from, view.to] = [view.to, view.from];
  const cat = params.get('cat');
  if (cat !== null) view.categories = INCIDENT_CATEGORIES.filter((c) => cat.split(',').includes(c));
  const art = params.get('art');
  if (art !== null) view.articles = art.split(',').filter((a) => a !== '');
  view.series = params.get('stat');
  view.selected = params.get('sel');
  const labels = params.get('labels');
  if (labels && (LABEL_LANGS as readonly string[]).includes(labels)) view.labels = labels as LabelLang;
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
  if (view.categories.length !== base.categories.length) params.set('cat', view.categories.join(','));
  if (view.articles) params.set('art', view.articles.join(','));
  if (view.series) params.set('stat', view.series);
  if (view.selected) params.set('sel', view.selected);
  if (view.labels !== base.labels) params.set('labels', view.labels);
  if (view.camera) {
    const { zoom, lat, lon } = view.camera;
    params.set('map', `${zoom.toFixed(2)}/${lat.toFixed(4)}/${lon.toFixed(4)}`);
  }
  return params.toString();
}
