/**
 * Whether a code or name is one of a unit's own spellings, whatever the date. Not a resolver (that
 * is `resolveUnit`, which answers with the unit in force at a date): this only checks membership, to
 * tell which layout a file was drawn for and whether a name agrees with the code beside it.
 */
import { normalizeName } from '../gazetteer-names.ts';
import type { Unit } from '../types.ts';
import { unitRecord } from '../gazetteer-details.ts';

/**
 * True when `value` is one of the unit's codes (KATO, 9-digit KATO of the unit, P-code, ISO
 * 3166-2 numeric or letter, HASC) or, after `normalizeName`, one of its names, short names or
 * aliases. Historical names do not count: "Shymkent oblast" was South Kazakhstan's, "Shymkent" is
 * the city's. A name says nothing about extent, so both East Kazakhstan records share "ВКО".
 *
 * @example namesUnit('Turkestan', unitById('turkistan')!) // true
 * @example namesUnit('Turkestan', unitById('south-kazakhstan')!) // false
 * @example namesUnit('Almaty', unitById('almaty-oblast-2022')!) // true ("Almaty Region" without the word for region)
 * @example namesUnit('KZ-YUZ', unitById('south-kazakhstan')!) // true (and for turkistan too)
 */
export function namesUnit(value: string, startUnit: Unit): boolean {
  const unit = unitRecord(startUnit);
  const code = value.trim().toUpperCase();
  const codes = [unit.kato, `${unit.kato}0000000`, unit.pcode, unit.isoNumeric, ...unit.isoLetter, unit.hasc ?? ''];
  if (codes.includes(code)) return true;
  const key = normalizeName(value);
  if (key === '') return false;
  return [...Object.values(unit.names), ...Object.values(unit.short), ...unit.aliases].some(
    (name) => normalizeName(name) === key,
  );
}
