/**
 * Telling which administrative layout (A, B or C) a boundary file was drawn for. It matters for the
 * three KATO codes whose extent changed in 2022 (19 Almaty oblast, 35 Karaganda, 63 East
 * Kazakhstan): KZ63 in a 2024 file is East Kazakhstan without Abai.
 */
import { isPartialDate, layoutAt, layoutsDuring, unitById } from '../gazetteer.ts';
import { resolveUnit } from '../resolve.ts';
import type { LayoutId, Unit } from '../types.ts';
import { attributeText as text, type BoundaryFields } from './fields.ts';
import { namesUnit } from './names-unit.ts';
import type { GeoJsonProperties } from 'geojson';

/** A day inside each layout, used to resolve names once the layout is known. */
export const LAYOUT_DATES: Readonly<Record<LayoutId, string>> = { A: '2017-01-01', B: '2020-01-01', C: '2024-01-01' };

/** Units that exist in one layout only, or first appear in it, latest layout first: they tell a file's layout. */
const MARKERS: readonly [LayoutId, string[]][] = [
  ['C', ['abai', 'zhetisu', 'ulytau']],
  ['B', ['turkistan', 'shymkent']],
  ['A', ['south-kazakhstan']],
];
const MARKER_UNITS: Unit[] = MARKERS.flatMap(([, ids]) => ids.map((id) => unitById(id)!));

export interface LayoutChoice {
  layout: LayoutId;
  /** Why, in words for the report: "the file has Abai, Zhetisu, Ulytau (layout C only)". */
  reason: string;
  warnings: string[];
}

/** The values that name a feature's region: its code when it has one, else its names. */
function regionValues(properties: GeoJsonProperties, fields: BoundaryFields): string[] {
  const code = fields.code ? text(properties?.[fields.code.field]) : null;
  if (code !== null) return [code];
  return fields.names.map((n) => text(properties?.[n.field])).filter((v) => v !== null);
}

/** The layout a year or date field points to: a year's last layout (boundaries "of 2018" are B's). */
const layoutOfDate = (value: string): LayoutId =>
  value.length === 4 ? layoutsDuring(value, value).at(-1)! : layoutAt(value);

/**
 * Chooses the layout of a boundary file: the one given (layout, or date), else the one its units
 * show (Abai, Zhetisu or Ulytau → C; Turkistan or Shymkent → B; South Kazakhstan → A), else its
 * year or date field, else the current layout C, with a warning when that choice changes a match.
 *
 * @example detectLayout(adm1_2018.features, fields).layout // 'B' (Turkestan, Shymkent)
 * @example detectLayout(features, fields, { date: '2019-05-01' }) // { layout: 'B', reason: 'the date given, 2019-05-01', warnings: [] }
 */
export function detectLayout(
  features: readonly { properties: GeoJsonProperties }[],
  fields: BoundaryFields,
  options: { date?: string; layout?: LayoutId } = {},
): LayoutChoice {
  if (options.layout) return { layout: options.layout, reason: 'the layout given', warnings: [] };
  if (options.date !== undefined) {
    if (!isPartialDate(options.date)) {
      throw new Error(`invalid date "${options.date}": use YYYY, YYYY-MM or YYYY-MM-DD`);
    }
    return { layout: layoutAt(options.date), reason: `the date given, ${options.date}`, warnings: [] };
  }
  const values = features.flatMap((f) => regionValues(f.properties, fields));
  const found = new Set<string>();
  for (const v of values) {
    const named = MARKER_UNITS.filter((u) => namesUnit(v, u));
    if (named.length === 1) found.add(named[0]!.id); // KZ-YUZ names both South Kazakhstan and Turkistan: no evidence
  }
  const year = fields.date;
  for (const [layout, ids] of MARKERS) {
    const seen = ids.filter((id) => found.has(id)).map((id) => unitById(id)!.short.en);
    if (seen.length === 0) continue;
    const warnings =
      year && layoutsDuring(year.value, year.value).every((l) => l !== layout)
        ? [`field ${year.field} says ${year.value}, but the units are those of layout ${layout}; used layout ${layout}`]
        : [];
    return { layout, reason: `the file has ${seen.join(', ')} (units of layout ${layout})`, warnings };
  }
  if (year) return { layout: layoutOfDate(year.value), reason: `field ${year.field} says ${year.value}`, warnings: [] };
  const changes = values.some((v) => {
    const [a, c] = [resolveUnit(v, LAYOUT_DATES.A), resolveUnit(v, LAYOUT_DATES.C)];
    return a.ok && c.ok && a.unit.kato === c.unit.kato && a.unit.id !== c.unit.id;
  });
  const reason = 'no unit or field tells the layout; assumed the current one, C';
  const warnings = changes
    ? [
        'the layout is unknown and Almaty oblast, Karaganda or East Kazakhstan had another extent before 2022: pass a date',
      ]
    : [];
  return { layout: 'C', reason, warnings };
}
