/**
 * Names of units and places in the interface language, from the gazetteer
 * (`geo/gazetteer/units.json`, `places.json`), which holds each name in English, Russian, Kazakh
 * Cyrillic and Kazakh Latin. Labels and lists use a unit's short name (`Aktobe`, `Актобе`,
 * `Ақтөбе`); headings use the full official one (`Aktobe Region`, `Актюбинская область`,
 * `Ақтөбе облысы`). An empty name falls back to English, never to nothing.
 */
import type { Lang, Names, Place, Unit } from '../core/types.ts';
import { placeById, unitById } from '../core/gazetteer.ts';

export type NameForm = 'short' | 'full';

/** A unit's name: `short` (default) for labels, lists and legends; `full` for headings. */
export function unitName(unit: Unit, lang: Lang, form: NameForm = 'short'): string {
  // Kazakh Latin names are in the full records only (core/gazetteer-details.ts).
  const names: Partial<Names> = form === 'short' ? unit.short : unit.names;
  return names[lang] || names.en || unit.names.en;
}

/** A place's name (cities, towns and foreign areas have one form). */
export function placeName(place: Place, lang: Lang): string {
  return (place.names as Partial<Names>)[lang] || place.names.en;
}

/** A unit's name by id; the id itself when the gazetteer does not know it. */
export function unitNameById(id: string, lang: Lang, form: NameForm = 'short'): string {
  const unit = unitById(id);
  return unit ? unitName(unit, lang, form) : id;
}

/** A place's name by id; the id itself when the gazetteer does not know it. */
export function placeNameById(id: string, lang: Lang): string {
  const place = placeById(id);
  return place ? placeName(place, lang) : id;
}

/**
 * The name of what an incident's `place` column names: a place, else a unit (region-level
 * incidents name the unit's id), else the id itself. `region` precision prefers the unit when
 * both exist (`atyrau` the city and `atyrau` the region).
 */
export function placeOrUnitName(id: string, lang: Lang, preferUnit = false): string {
  const place = placeById(id);
  const unit = unitById(id);
  if (preferUnit && unit) return unitName(unit, lang, 'full');
  if (place) return placeName(place, lang);
  if (unit) return unitName(unit, lang, 'full');
  return id;
}
