import type { LayoutId, Place, Statistic, Unit } from '../types.ts';
import type { StatSeries } from './series.ts';

/** What the map shows for one unit polygon of the loaded geometry. */
export interface RegionFigure {
  unit: string;
  /** `not_reported` is drawn unlike zero; it never becomes 0. */
  status: 'reported' | 'derived' | 'not_reported';
  value: number | null;
  figures: Statistic[];
  /** Later units whose figures were summed into this earlier unit's outline. */
  summedFrom: string[];
  note: string | null;
}

/** A figure drawn as a proportional circle: a city of republican significance or a city figure. */
export interface CircleFigure {
  /** Unit id (level region, a city unit) or place id (level city). */
  id: string;
  level: 'region' | 'city';
  place: string;
  lon: number;
  lat: number;
  value: number;
  derived: boolean;
  figure: Statistic;
}

export interface ChoroplethGazetteer {
  unitById(id: string): Unit | undefined;
  placeById(id: string): Place | undefined;
  /** The unit of `layout` that contains `unitId` (identity when the unit exists in that layout). */
  containingUnit(unitId: string, layout: LayoutId): Unit | null | undefined;
}

export interface Choropleth {
  regions: RegionFigure[];
  circles: CircleFigure[];
  /** Plain-words remarks for the legend (units shown on another unit's outline, ...). */
  notes: string[];
}

/**
 * Joins one statistic series onto the loaded unit polygons. Units the source does not name are
 * `not_reported`. A figure on a unit that the geometry lacks is summed into the loaded unit that
 * contains it and said so; a figure is never split. Cities of republican significance and city
 * figures also become circles, because their polygons vanish at country zoom and a city figure
 * must not be poured into its region.
 */
export function joinSeries(
  series: StatSeries,
  geometryUnits: readonly string[],
  geometryLayout: LayoutId,
  gazetteer: ChoroplethGazetteer,
): Choropleth {
  const loaded = new Set(geometryUnits);
  const byUnit = new Map<string, { figures: Statistic[]; from: Set<string> }>();
  const circles: CircleFigure[] = [];
  const notes: string[] = [];
  for (const figure of series.figures) {
    if (figure.level === 'city' && figure.place) {
      const place = gazetteer.placeById(figure.place);
      if (place) circles.push(circleOf(figure, figure.place, 'city', place));
      continue;
    }
    const unit = figure.unit ? gazetteer.unitById(figure.unit) : undefined;
    if (!unit) continue;
    if (unit.kind === 'city') {
      const centre = gazetteer.placeById(unit.centre);
      if (centre) circles.push(circleOf(figure, unit.id, 'region', centre));
      if (!loaded.has(unit.id)) continue;
    }
    const target = loaded.has(unit.id) ? unit : gazetteer.containingUnit(unit.id, geometryLayout);
    if (!target || !loaded.has(target.id)) {
      notes.push(`${unit.short.en}: no loaded boundary contains it; its figure is listed but not drawn.`);
      continue;
    }
    const entry = byUnit.get(target.id) ?? { figures: [], from: new Set<string>() };
    entry.figures.push(figure);
    if (target.id !== unit.id) entry.from.add(unit.id);
    byUnit.set(target.id, entry);
  }
  const regions = geometryUnits.map((unitId) => regionFigure(unitId, byUnit.get(unitId), gazetteer));
  for (const region of regions) if (region.note) notes.push(region.note);
  return { regions, circles, notes };
}

function regionFigure(
  unitId: string,
  entry: { figures: Statistic[]; from: Set<string> } | undefined,
  gazetteer: ChoroplethGazetteer,
): RegionFigure {
  if (!entry) return { unit: unitId, status: 'not_reported', value: null, figures: [], summedFrom: [], note: null };
  const summedFrom = [...entry.from];
  const name = (id: string) => gazetteer.unitById(id)?.short.en ?? id;
  const note =
    summedFrom.length > 0
      ? `${summedFrom.map(name).join(' and ')} shown within ${name(unitId)}: no boundaries of its own layout are loaded.`
      : null;
  return {
    unit: unitId,
    status: entry.figures.some((f) => f.derived) ? 'derived' : 'reported',
    value: entry.figures.reduce((sum, f) => sum + f.value.value, 0),
    figures: entry.figures,
    summedFrom,
    note,
  };
}

function circleOf(figure: Statistic, id: string, level: 'region' | 'city', place: Place): CircleFigure {
  return {
    id,
    level,
    place: place.id,
    lon: place.lon,
    lat: place.lat,
    value: figure.value.value,
    derived: figure.derived,
    figure,
  };
}
