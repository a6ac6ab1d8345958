import type { Feature, FeatureCollection, Point } from 'geojson';
import type { AtlasEvent } from '../core/analysis/events.ts';
import type { Choropleth } from '../core/analysis/choropleth.ts';
import type { Unit } from '../core/types.ts';
import type { UnitChange } from '../core/analysis/change.ts';
import { importedFileOfEvent } from '../core/analysis/provenance.ts';

/**
 * Pure adapters from core results to the GeoJSON the map sources take. Only what a layer needs
 * goes into properties; panels read the full records from state by id. `imported` is 1 for an
 * event read from the user's own file (its marker gets a distinct stroke), 0 for curated data.
 */
export function eventFeatures(events: readonly AtlasEvent[]): FeatureCollection<Point> {
  return collection(
    events.flatMap((e) =>
      e.position === null
        ? []
        : point([e.position.lon, e.position.lat], {
            id: e.id,
            category: e.category,
            exactDate: e.datePrecision === 'day' ? 1 : 0,
            area:
              e.locationPrecision === 'region' ||
              e.locationPrecision === 'country' ||
              e.locationPrecision === 'district'
                ? 1
                : 0,
            imported: importedFileOfEvent(e) === null ? 0 : 1,
            title: e.title,
          }),
    ),
  );
}

/** Proportional circles for cities of republican significance and city figures. */
export function circleFeatures(choropleth: Choropleth | null, name: (id: string) => string): FeatureCollection<Point> {
  return collection(
    (choropleth?.circles ?? []).map((c) =>
      point([c.lon, c.lat], {
        id: `${c.level === 'region' ? 'unit' : 'city'}:${c.id}`,
        value: c.value,
        label: `${name(c.place)} ${c.figure.value.text}${c.derived ? '*' : ''}`,
        derived: c.derived ? 1 : 0,
      }),
    ),
  );
}

/**
 * One label point per unit with its name and, when a statistic is shown, its figure; `nr` marks
 * "not reported" (1) or "rate not available" (2, a unit in `unavailable`), which the label layer
 * words in its language.
 */
export function regionLabelFeatures(
  anchors: ReadonlyMap<string, { lon: number; lat: number }>,
  choropleth: Choropleth | null,
  unitById: (id: string) => Unit | undefined,
  changes: readonly UnitChange[] | null = null,
  unavailable: readonly string[] = [],
): FeatureCollection<Point> {
  const byUnit = new Map(choropleth?.regions.map((r) => [r.unit, r]) ?? []);
  const changeOf = new Map(changes?.map((c) => [c.unit, c]) ?? []);
  const features: Feature<Point>[] = [];
  for (const [unitId, anchor] of anchors) {
    const unit = unitById(unitId);
    if (!unit || unit.kind === 'city') continue;
    const region = byUnit.get(unitId);
    const change = changeOf.get(unitId);
    const notReported = change ? change.difference === null : Boolean(choropleth && region && region.value === null);
    const figure = change
      ? changeLabel(change)
      : !region || region.value === null
        ? ''
        : `${region.value}${region.status === 'derived' ? '*' : ''}`;
    features.push(
      point([anchor.lon, anchor.lat], {
        unit: unitId,
        name: unit.short.en,
        name_ru: unit.short.ru,
        name_kk: unit.short.kk,
        figure,
        nr: notReported ? (!change && unavailable.includes(unitId) ? 2 : 1) : 0,
      }),
    );
  }
  return collection(features);
}

/** `+1 (+14.3%)`, `−2 (−50%)`, `+3` (from 0: no percentage). */
export function changeLabel(change: UnitChange): string {
  if (change.difference === null) return '';
  const sign = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');
  return change.percent === null ? sign(change.difference) : `${sign(change.difference)} (${sign(change.percent)}%)`;
}

function point(coordinates: [number, number], properties: Record<string, string | number>): Feature<Point> {
  return { type: 'Feature', geometry: { type: 'Point', coordinates }, properties };
}

function collection<T extends Feature>(features: T[]): FeatureCollection<T['geometry']> {
  return { type: 'FeatureCollection', features } as FeatureCollection<T['geometry']>;
}

/** An 8×8 diagonal hatch in RGBA for `fill-pattern`, made without a canvas. */
export function hatchImage(hex: string): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onStripe = (x + y) % size < 2;
      data.set(onStripe ? [r, g, b, 255] : [0, 0, 0, 0], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}
