/**
 * Where a user's incident happened, from whatever the row gives: coordinates, a region, a city, a
 * country. Names resolve at the incident's date; a point gets its unit from the boundaries in force
 * then, when the caller has them.
 */
import type { LayoutId, LocationPrecision, Place, Unit } from '../types.ts';
import { layoutAt, places, unitById } from '../gazetteer.ts';
import { readPoint } from './coordinates.ts';
import { countryCode, type Found, type Locator, type NamedLocation } from './locate.ts';
import { locationPrecisionOf } from './precision.ts';
import type { RowContext } from './rows.ts';

/**
 * The unit whose boundary holds a point in a layout: a unit id, null when the point lies in no unit
 * (sea, lake, abroad), undefined when the caller has no boundaries for that layout.
 */
export type UnitAt = (lon: number, lat: number, layout: LayoutId) => string | null | undefined;

export interface IncidentLocation {
  /**
   * Place id, else unit id; for a row giving only its country, the country's place id (`kazakhstan`);
   * '' for a bare point whose unit is unknown (draw it at `position`).
   */
  place: string;
  unit: string | null;
  position: { lon: number; lat: number } | null;
  country: string;
  precision: LocationPrecision;
  notes: string[];
}

const ok = (f: Found | null): NamedLocation | null => (f !== null && !('error' in f) ? f : null);
const countryPlace = (code: string): string => places.find((p) => p.kind === 'country' && p.country === code)?.id ?? '';

/** Reads the row's location, recording on the row what is wrong with it. `day` is the date's first day. */
export function locateIncident(row: RowContext, day: string, locator: Locator, unitAt?: UnitAt): IncidentLocation {
  const notes: string[] = [];
  const said = countryCode(row.cell('country'));
  if (said !== null && typeof said !== 'string') row.fail('country', said.error);
  const explicit = typeof said === 'string' ? said : null;
  const abroad = explicit !== null && explicit !== 'KZ';

  const read = readPoint(row.cell('longitude'), row.cell('latitude'), abroad);
  if (read && 'error' in read) row.fail(read.field, read.error);
  const point = read && !('error' in read) ? read : null;
  if (point?.swapped) {
    row.warn('swapped', `latitude and longitude were swapped; read as ${point.lat}, ${point.lon}`);
    notes.push('Latitude and longitude were swapped in the file.');
  }

  const regionText = row.cell('region');
  const placeText = row.cell('place');
  const named = (text: string, asRegion: boolean): Found | null =>
    text === '' ? null : asRegion && !abroad ? locator.region(text, day) : locator.place(text, day);
  const region = named(regionText, true);
  if (region && 'error' in region) {
    if (abroad) notes.push(`Region "${regionText}" is not in the atlas's gazetteer.`);
    else row.fail('region', region.error);
  }
  const town = named(placeText, false);
  if (town && 'error' in town && placeText) notes.push(`Place "${placeText}" is not in the atlas's gazetteer.`);

  let pointUnit: Unit | null = null;
  if (point && !abroad && !point.nearKazakhstan) {
    if (explicit === 'KZ') {
      row.fail('latitude', `${point.lat}, ${point.lon} lies outside Kazakhstan, but the row says KZ`);
    } else {
      const why = `${point.lat}, ${point.lon} lies outside Kazakhstan; kept without a country (add a country column)`;
      row.warn('abroad', why);
    }
  } else if (point && !abroad && unitAt) {
    const layout = layoutAt(day);
    const id = unitAt(point.lon, point.lat, layout);
    if (id === null) {
      row.fail(
        'latitude',
        `${point.lat}, ${point.lon} lies in no region of Kazakhstan (layout ${layout}): in the Caspian or another lake, or across the border; give the country if it happened abroad`,
      );
    } else if (id !== undefined) pointUnit = unitById(id) ?? null;
  }

  const fromName: Place | null = ok(town)?.place ?? ok(region)?.place ?? null;
  const unit = ok(region)?.unit ?? ok(town)?.unit ?? pointUnit;
  if (pointUnit && unit && pointUnit.id !== unit.id) {
    row.warn(
      'mismatch',
      `the point lies in ${pointUnit.short.en}, the row names ${unit.short.en}; kept ${unit.short.en}`,
    );
    notes.push(`The coordinates lie in ${pointUnit.short.en}.`);
  }
  if (fromName && explicit !== null && fromName.country !== explicit) {
    row.fail('country', `is ${explicit} but ${fromName.names.en} lies in ${fromName.country}`);
  }
  if (!point && !unit && !fromName) {
    if (town && 'error' in town) row.fail('place', town.error);
    else if (explicit === null && !region) {
      row.fail('(row)', 'gives no location: no coordinates, region, city or country');
    }
  }

  const code = row.cell('locationPrecision');
  const coded = code === '' ? null : locationPrecisionOf(code, row.column('locationPrecision'));
  if (coded !== null && typeof coded !== 'string') row.fail('locationPrecision', coded.error);
  const guessed: LocationPrecision = point || fromName ? 'town' : unit ? 'region' : 'country';
  const precision = typeof coded === 'string' ? coded : guessed;
  const country = explicit ?? fromName?.country ?? (point && !point.nearKazakhstan ? '' : 'KZ');
  const byPrecision =
    precision === 'region' || precision === 'district' ? (unit?.id ?? fromName?.id) : (fromName?.id ?? unit?.id);
  return {
    place: byPrecision ?? (point || !country ? '' : countryPlace(country)),
    unit: unit?.id ?? null,
    position: point ? { lon: point.lon, lat: point.lat } : null,
    country,
    precision,
    notes,
  };
}
