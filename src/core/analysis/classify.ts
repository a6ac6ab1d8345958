import { ckmeans, quantileSorted } from 'simple-statistics';
import { COLORBREWER } from './colorbrewer.ts';

/** One class of a choropleth legend: its bounds, colour and how many units fall in it. */
export interface ColourClass {
  min: number;
  max: number;
  colour: string;
  count: number;
}

export type ClassMethod = 'natural' | 'quantile' | 'equal' | 'manual';
export const CLASS_METHODS: readonly ClassMethod[] = ['natural', 'quantile', 'equal', 'manual'];

/** ColorBrewer sequential palettes, all colour-blind safe. */
export const SEQUENTIAL_PALETTES = ['YlOrRd', 'Blues', 'Purples', 'Greens', 'YlGnBu'] as const;
export type SequentialPalette = (typeof SEQUENTIAL_PALETTES)[number];
/** ColorBrewer diverging palettes that stay readable with colour-vision deficiencies. */
export const DIVERGING_PALETTES = ['RdBu', 'PuOr', 'BrBG'] as const;
export type DivergingPalette = (typeof DIVERGING_PALETTES)[number];

export interface ClassOptions {
  method?: ClassMethod;
  classes?: number;
  palette?: SequentialPalette;
  /** Upper bounds of the classes for `manual`, ascending. */
  breaks?: readonly number[];
  /**
   * The values the breaks are computed over, when they differ from the values counted: a fixed
   * scale over a whole range of years while one year is shown.
   */
  domain?: readonly number[];
}

/** The colour of a stated zero: paler than every class, unlike both the land and "not reported". */
export const ZERO_COLOUR = '#ffffe5';

/**
 * Classes for a choropleth: natural breaks (Ckmeans, optimal 1-D k-means from simple-statistics),
 * quantiles, equal intervals or manual breaks, coloured with a ColorBrewer palette (colorbrewer.ts).
 * Zero is a class of its own in the palest colour, so that "none" never looks like "many". Breaks come from `domain` (default: the values), counts from the values.
 * Not-reported units are not values and take no part.
 *
 * @example classify([19, 7, 6, 5, 5, 5]).map((c) => [c.min, c.max]) // [[5, 5], [6, 7], [19, 19]]
 */
export function classify(values: readonly number[], options: ClassOptions = {}): ColourClass[] {
  const { method = 'natural', classes = 5, palette = 'YlOrRd' } = options;
  const domain = [...(options.domain ?? values)].filter((v) => v !== 0).sort((a, b) => a - b);
  const zeros = values.filter((v) => v === 0).length;
  const zeroClass: ColourClass[] = zeros > 0 ? [{ min: 0, max: 0, colour: ZERO_COLOUR, count: zeros }] : [];
  if (domain.length === 0) return zeroClass;
  const uppers = upperBounds(domain, method, Math.max(1, Math.min(classes, new Set(domain).size)), options.breaks);
  const colours = sequential(palette, uppers.length);
  const bands = uppers.map((upper, i) => {
    const lower = i === 0 ? -Infinity : uppers[i - 1]!;
    const members = domain.filter((v) => v > lower && v <= upper);
    return {
      min: members[0] ?? (i === 0 ? domain[0]! : lower),
      max: members[members.length - 1] ?? upper,
      colour: colours[i]!,
      count: values.filter((v) => v !== 0 && v > lower && (v <= upper || i === uppers.length - 1)).length,
    };
  });
  return [...zeroClass, ...bands];
}

/** Ascending, distinct upper bounds of the classes; the last one is the domain's maximum. */
function upperBounds(sorted: number[], method: ClassMethod, k: number, manual?: readonly number[]): number[] {
  const max = sorted[sorted.length - 1]!;
  const min = sorted[0]!;
  let uppers: number[];
  if (method === 'manual' && manual && manual.length > 0)
    uppers = [...manual].sort((a, b) => a - b).filter((b) => b < max);
  else if (method === 'quantile') uppers = Array.from({ length: k }, (_, i) => quantileSorted(sorted, (i + 1) / k));
  else if (method === 'equal') uppers = Array.from({ length: k }, (_, i) => min + ((max - min) * (i + 1)) / k);
  else uppers = ckmeans(sorted, k).map((cluster) => cluster[cluster.length - 1]!);
  return [...new Set([...uppers.filter((u) => u < max), max])].sort((a, b) => a - b);
}

/** n colours of a sequential palette, light to dark; one class takes the middle colour. */
function sequential(palette: SequentialPalette, n: number): readonly string[] {
  const scheme = COLORBREWER[palette];
  if (n >= 3) return scheme[Math.min(n, 9)]!;
  const three = scheme[3]!;
  return n === 2 ? [three[0]!, three[2]!] : [three[1]!];
}

/**
 * The colour of a value under a classification: zero in the zero colour, else the first class
 * whose upper bound it does not exceed; values beyond a fixed scale take the last class.
 */
export function colourOf(value: number, classes: readonly ColourClass[]): string | null {
  if (classes.length === 0) return null;
  if (value === 0) return classes.find((c) => c.max === 0)?.colour ?? ZERO_COLOUR;
  const bands = classes.filter((c) => c.max !== 0);
  return (bands.find((c) => value <= c.max) ?? bands[bands.length - 1])?.colour ?? null;
}

/**
 * Classes for a change between two periods, symmetric around zero on a diverging palette: decreases
 * in one hue, increases in the other, no change neutral.
 *
 * @example classifyChange([-4, 0, 2, 10]).length // 7 (3 decreasing, no change, 3 increasing)
 */
export function classifyChange(
  values: readonly number[],
  palette: DivergingPalette = 'RdBu',
  steps = 3,
): ColourClass[] {
  const extent = Math.max(1, ...values.map((v) => Math.abs(v)));
  const scheme = COLORBREWER[palette][2 * steps + 1]!;
  // ColorBrewer's RdBu runs red to blue; increases are drawn red, decreases blue.
  const colours = [...scheme].reverse();
  const bounds = Array.from({ length: steps }, (_, i) => (extent * (i + 1)) / steps);
  const negative = [...bounds]
    .reverse()
    .map((b, i) => ({ min: -b, max: -(bounds[steps - 2 - i] ?? 0), colour: colours[i]! }));
  const positive = bounds.map((b, i) => ({
    min: i === 0 ? 0 : bounds[i - 1]!,
    max: b,
    colour: colours[steps + 1 + i]!,
  }));
  const count = (lo: number, hi: number, low: boolean) =>
    values.filter((v) => (low ? v >= lo && v < hi : v > lo && v <= hi)).length;
  return [
    ...negative.map((c) => ({ ...c, count: count(c.min, c.max, true) })),
    { min: 0, max: 0, colour: colours[steps]!, count: values.filter((v) => v === 0).length },
    ...positive.map((c) => ({ ...c, count: count(c.min, c.max, false) })),
  ];
}

/** The colour of a change under `classifyChange` classes. */
export function changeColourOf(value: number, classes: readonly ColourClass[]): string | null {
  if (value === 0) return classes.find((c) => c.min === 0 && c.max === 0)?.colour ?? null;
  const hit = classes.find((c) => (value < 0 ? value >= c.min && value < c.max : value > c.min && value <= c.max));
  return hit?.colour ?? (value < 0 ? classes[0]?.colour : classes[classes.length - 1]?.colour) ?? null;
}

/** A class's bounds in words: `5`, `6–7`, `−4 to −2.7`, numbers rounded to one decimal. */
export function classLabel(c: ColourClass): string {
  const n = (x: number) => {
    const rounded = Math.round(x * 10) / 10;
    return rounded < 0 ? `−${Math.abs(rounded)}` : String(rounded);
  };
  if (c.min === c.max) return n(c.min);
  return c.min < 0 || c.max < 0 ? `${n(c.min)} to ${n(c.max)}` : `${n(c.min)}–${n(c.max)}`;
}
