import type { LayoutId, Place, Statistic, Unit } from '../types.ts';
import type { AtlasEvent } from './events.ts';
import type { StatSeries } from './series.ts';

interface CountGazetteer {
  unitById(id: string): Unit | undefined;
  placeById(id: string): Place | undefined;
  containingUnit(unitId: string, layout: LayoutId): Unit | null | undefined;
  unitsOf(layout: LayoutId): Unit[];
}

export const INCIDENT_SERIES_ID = 'incidents';

/**
 * Incidents per unit of a layout, as a statistic series, so that the choropleth, circles, legend
 * and panels treat it like any other. A place lies in one unit per layout whatever the event's
 * date, so counts on any layout are exact; region-level events count in their region (or the unit
 * containing it); events known only to the country, or abroad, count in no unit. A unit with no
 * incident in the atlas's data counts 0: that is a count of this data, stated in the legend.
 * `extra` adds counts per unit of this layout made elsewhere (a large file's event table).
 */
export function incidentCountSeries(
  events: readonly AtlasEvent[],
  layout: LayoutId,
  from: number,
  to: number,
  gazetteer: CountGazetteer,
  extra: ReadonlyMap<string, number> | null = null,
): StatSeries {
  const counts = new Map(gazetteer.unitsOf(layout).map((u) => [u.id, extra?.get(u.id) ?? 0]));
  for (const event of events) {
    const unit = unitOfEvent(event, layout, gazetteer);
    if (unit && counts.has(unit)) counts.set(unit, counts.get(unit)! + 1);
  }
  const periodLabel = from === to ? String(from) : `${from}–${to}`;
  const figures = [...counts].map(([unit, n]): Statistic => ({
    id: `incidents-${unit}`,
    series: INCIDENT_SERIES_ID,
    metric: 'incidents',
    codeEdition: '',
    article: '',
    part: '',
    periodStart: `${from}-01-01`,
    periodEnd: `${to}-12-31`,
    periodLabel,
    level: 'region',
    unit,
    place: null,
    value: { value: n, qualifier: 'exact', text: String(n) },
    derived: false,
    derivation: '',
    coverage: 'complete',
    sourceId: '',
    citation: '',
    quote: '',
    related: [],
    notes: 'Count of the incidents in this atlas that lie in the unit, for the selected years and categories.',
    line: 0,
  }));
  return {
    id: INCIDENT_SERIES_ID,
    metric: 'incidents',
    articleKey: '',
    articleLabel: 'selected categories',
    periodStart: `${from}-01-01`,
    periodEnd: `${to}-12-31`,
    periodLabel,
    national: null,
    figures,
    coverage: 'complete',
    sourceIds: [...new Set(events.flatMap((e) => e.statements.map((s) => s.sourceId)))],
  };
}

/**
 * The unit of a layout an event lies in, or null (nationwide, abroad, unknown): by its region, its
 * gazetteer place, or, for a point from a user's file, the unit point-in-polygon found for it.
 */
export function unitOfEvent(event: AtlasEvent, layout: LayoutId, gazetteer: CountGazetteer): string | null {
  if (event.locationPrecision === 'region' && gazetteer.unitById(event.place)) {
    return gazetteer.containingUnit(event.place, layout)?.id ?? null;
  }
  const byPlace = gazetteer.placeById(event.place)?.units[layout];
  if (byPlace) return byPlace;
  // A bare point from a user's file: the unit its coordinates fell in, carried to this layout.
  return event.unit && gazetteer.unitById(event.unit)
    ? (gazetteer.containingUnit(event.unit, layout)?.id ?? null)
    : null;
}

/** The events that count in no unit of a layout, by reason; `split` also by the region the event names. */
export interface Uncounted {
  total: number;
  abroad: number;
  nationwide: number;
  unplaced: number;
  /** Events given only for a region that the layout's units divide (South Kazakhstan on the 2018 units), by that region. */
  split: { unit: string; count: number }[];
}

/**
 * What `incidentCountSeries` leaves out, so that the legend can say how many of the incidents shown
 * no unit counts and why: abroad (a place outside Kazakhstan), known only to the country, given
 * only for a region that the layout divides (a region-level event before a split, drawn on the
 * units after it), or placed nowhere else.
 */
export function uncountedEvents(events: readonly AtlasEvent[], layout: LayoutId, gazetteer: CountGazetteer): Uncounted {
  const result: Uncounted = { total: 0, abroad: 0, nationwide: 0, unplaced: 0, split: [] };
  const split = new Map<string, number>();
  for (const event of events) {
    if (unitOfEvent(event, layout, gazetteer) !== null) continue;
    result.total++;
    if (event.country !== 'KZ') result.abroad++;
    else if (event.locationPrecision === 'country') result.nationwide++;
    else if (event.locationPrecision === 'region' && gazetteer.unitById(event.place))
      split.set(event.place, (split.get(event.place) ?? 0) + 1);
    else result.unplaced++;
  }
  result.split = [...split].map(([unit, count]) => ({ unit, count })).sort((a, b) => b.count - a.count);
  return result;
}
