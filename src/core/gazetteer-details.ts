/**
 * The gazetteer's records in full: the start-up gazetteer (gazetteer.ts) with the fields that only
 * the details of a selection and the readers of users' files use (codes, other spellings, history,
 * coordinate notes: `UnitDetailField`, `PlaceDetailField`). A production build bundles
 * gazetteer.ts with those fields left out of its copy of the files (vite.config.ts,
 * `gazetteerStartFields`), so that the page does not download them at start; this module reads the
 * files whole and loads with the panels and readers that import it.
 */
import unitsJson from '../../geo/gazetteer/units.json' with { type: 'json' };
import placesJson from '../../geo/gazetteer/places.json' with { type: 'json' };
import type { Place, PlaceRecord, Unit, UnitRecord } from './types.ts';
import { readGazetteer } from './gazetteer.ts';

const loaded = readGazetteer<UnitRecord, PlaceRecord>(unitsJson, placesJson);
/** Every unit record, one per extent, in file order, with every field. */
export const unitRecords: readonly UnitRecord[] = loaded.units;
/** Every place record, in file order, with every field. */
export const placeRecords: readonly PlaceRecord[] = loaded.places;
const { unitIndex, placeIndex } = loaded;

/** The full record of a unit with this id, or undefined. */
export function unitRecordById(id: string): UnitRecord | undefined {
  return unitIndex.get(id);
}

/** The full record of a place with this id, or undefined. */
export function placeRecordById(id: string): PlaceRecord | undefined {
  return placeIndex.get(id);
}

/** The full record of a unit of the start-up gazetteer. */
export function unitRecord(unit: Unit): UnitRecord {
  const record = unitIndex.get(unit.id);
  if (!record) throw new Error(`gazetteer: unknown unit "${unit.id}"`);
  return record;
}

/** The full record of a place of the start-up gazetteer. */
export function placeRecord(place: Place): PlaceRecord {
  const record = placeIndex.get(place.id);
  if (!record) throw new Error(`gazetteer: unknown place "${place.id}"`);
  return record;
}
