import { ckmeans } from 'simple-statistics';
import { schemeYlOrRd } from 'd3-scale-chromatic';

/** One class of a choropleth legend: its bounds, colour and how many units fall in it. */
export interface ColourClass {
  min: number;
  max: number;
  colour: string;
  count: number;
}

/** The colour of a stated zero: paler than every class, unlike both the land and "not reported". */
export const ZERO_COLOUR = '#ffffe5';

/**
 * Natural breaks (Ckmeans, an optimal 1-D k-means from simple-statistics) on the reported values,
 * coloured with ColorBrewer's colour-blind-safe YlOrRd. Zero is a class of its own in the palest
 * colour, so that "none" never looks like "many"; fewer distinct values than classes give one class
 * per value. Not-reported units are not values and take no part.
 *
 * @example classify([19, 7, 6, 5, 5, 5]).map((c) => [c.min, c.max]) // [[5, 5], [6, 7], [19, 19]]
 */
export function classify(values: readonly number[], classes = 5): ColourClass[] {
  const zeros = values.filter((v) => v === 0).length;
  const positive = values.filter((v) => v !== 0);
  const zeroClass: ColourClass[] = zeros > 0 ? [{ min: 0, max: 0, colour: ZERO_COLOUR, count: zeros }] : [];
  if (positive.length === 0) return zeroClass;
  const k = Math.max(1, Math.min(classes, new Set(positive).size));
  const clusters = ckmeans(positive, k);
  const palette = paletteOf(clusters.length);
  return [
    ...zeroClass,
    ...clusters.map((cluster, i) => ({
      min: cluster[0]!,
      max: cluster[cluster.length - 1]!,
      colour: palette[i]!,
      count: cluster.length,
    })),
  ];
}

/**
 * A sequential YlOrRd palette of n colours (ColorBrewer has 3 to 9). One class takes the middle
 * colour, so that a lone value is not painted as the maximum of some scale.
 */
function paletteOf(n: number): readonly string[] {
  if (n >= 3) return schemeYlOrRd[Math.min(n, 9)]!;
  const three = schemeYlOrRd[3]!;
  return n === 2 ? [three[0]!, three[2]!] : [three[1]!];
}

/** The colour of a value under a classification; values between classes take the lower class. */
export function colourOf(value: number, classes: readonly ColourClass[]): string | null {
  let colour: string | null = null;
  for (const c of classes) if (value >= c.min) colour = c.colour;
  return colour;
}
