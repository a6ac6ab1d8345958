/**
 * The slow, obvious ways the columnar core is measured against, written as anyone would first write
 * them: a loop over every polygon with turf, and an array of event objects filtered and reduced with
 * the app's own date rule.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { UnitPolygons } from '../src/core/geo/geometry-sets.ts';
import { overlapsYears } from '../src/core/parse/dates.ts';
import type { IncidentCategory, LayoutId } from '../src/core/types.ts';
import {
  INCIDENT_CATEGORIES,
  NO_UNIT,
  isoOfDay,
  layoutUnitIds,
  unitColumn,
  type EventTable,
} from '../src/core/columnar/event-table.ts';

/** Features in unit-id order (code units), as `buildUnitIndex` ranks them on borders. */
export function naiveFeatures(polygons: UnitPolygons): Feature<Polygon | MultiPolygon, { unit: string }>[] {
  return [...polygons.features].sort((a, b) =>
    a.properties.unit < b.properties.unit ? -1 : a.properties.unit > b.properties.unit ? 1 : 0,
  );
}

/** The naive assignment: every polygon in turn, first `booleanPointInPolygon` hit wins; null outside. */
export function naiveUnitAt(
  features: readonly Feature<Polygon | MultiPolygon, { unit: string }>[],
  lon: number,
  lat: number,
): string | null {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  for (const f of features) if (booleanPointInPolygon([lon, lat], f)) return f.properties.unit;
  return null;
}

/** One event as an app-style object: ISO dates and string ids, like `AtlasEvent`. */
export interface EventObject {
  category: IncidentCategory;
  start: string;
  end: string;
  lon: number;
  lat: number;
  unit: string | null;
}

/** The table's rows as objects (dates as ISO strings, as `AtlasEvent` holds them). */
export function toObjects(table: EventTable, layout: LayoutId): EventObject[] {
  const iso = new Map<number, string>();
  const isoOf = (d: number) => iso.get(d) ?? (iso.set(d, isoOfDay(d)), iso.get(d)!);
  const ids = layoutUnitIds(layout);
  const units = unitColumn(table, layout);
  const out: EventObject[] = new Array(table.length);
  for (let i = 0; i < table.length; i++) {
    out[i] = {
      category: INCIDENT_CATEGORIES[table.category[i]!]!,
      start: isoOf(table.day[i]!),
      end: isoOf(table.dayEnd[i]!),
      lon: table.lon[i]!,
      lat: table.lat[i]!,
      unit: units[i] === NO_UNIT ? null : ids[units[i]!]!,
    };
  }
  return out;
}

/** The baseline count: `eventsInView`'s filter (Set of categories, `overlapsYears`), then reduce per unit. */
export function countByUnitObjects(
  events: readonly EventObject[],
  from: number,
  to: number,
  categories: ReadonlySet<IncidentCategory>,
): Map<string, number> {
  return events
    .filter((e) => categories.has(e.category) && overlapsYears(e.start, e.end, from, to))
    .reduce((counts, e) => {
      if (e.unit !== null) counts.set(e.unit, (counts.get(e.unit) ?? 0) + 1);
      return counts;
    }, new Map<string, number>());
}
