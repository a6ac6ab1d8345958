import type { IncidentCategory } from '../core/types.ts';

/**
 * A shape per incident category, so that a marker's category is not told by colour alone: each is
 * a polygon in a 0..1 square, drawn on the map (as an image) and in the legend (as SVG).
 */
export const CATEGORY_SHAPES: Record<IncidentCategory, readonly (readonly [number, number])[]> = {
  attack: [
    [0.5, 0.1],
    [0.9, 0.85],
    [0.1, 0.85],
  ], // triangle
  foiled_plot: [
    [0.18, 0.18],
    [0.82, 0.18],
    [0.82, 0.82],
    [0.18, 0.82],
  ], // square
  detention: [
    [0.5, 0.08],
    [0.92, 0.5],
    [0.5, 0.92],
    [0.08, 0.5],
  ], // diamond
  security_operation: [
    [0.38, 0.1],
    [0.62, 0.1],
    [0.62, 0.38],
    [0.9, 0.38],
    [0.9, 0.62],
    [0.62, 0.62],
    [0.62, 0.9],
    [0.38, 0.9],
    [0.38, 0.62],
    [0.1, 0.62],
    [0.1, 0.38],
    [0.38, 0.38],
  ], // plus
  conviction: [
    [0.1, 0.2],
    [0.9, 0.2],
    [0.9, 0.4],
    [0.1, 0.4],
    [0.1, 0.6],
    [0.9, 0.6],
    [0.9, 0.8],
    [0.1, 0.8],
  ], // two bars (drawn as one outline, even-odd)
  extradition: [
    [0.1, 0.35],
    [0.55, 0.35],
    [0.55, 0.12],
    [0.92, 0.5],
    [0.55, 0.88],
    [0.55, 0.65],
    [0.1, 0.65],
  ], // arrow
  unrest: [
    [0.5, 0.06],
    [0.62, 0.38],
    [0.95, 0.38],
    [0.68, 0.58],
    [0.78, 0.92],
    [0.5, 0.72],
    [0.22, 0.92],
    [0.32, 0.58],
    [0.05, 0.38],
    [0.38, 0.38],
  ], // star
};

/** SVG `points` of a shape scaled to `size`. */
export function shapePoints(category: IncidentCategory, size: number): string {
  return CATEGORY_SHAPES[category].map(([x, y]) => `${x * size},${y * size}`).join(' ');
}

/** Even-odd test of a point against a polygon given as flat `[x0, y0, x1, y1, …]`. */
function inside(x: number, y: number, flat: Float64Array): boolean {
  let hit = false;
  for (let i = 0, j = flat.length - 2; i < flat.length; j = i, i += 2) {
    const xi = flat[i]!;
    const yi = flat[i + 1]!;
    const xj = flat[j]!;
    const yj = flat[j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** The four sample points of a pixel (4× sampling), as offsets within it. */
const SAMPLES = [0.25, 0.25, 0.25, 0.75, 0.75, 0.25, 0.75, 0.75];

/**
 * The shape as an RGBA image for MapLibre (`addImage`, pixelRatio 2): dark, with a white edge so
 * that it reads on a filled marker and on a hollow one. Rasterised without a canvas, 4× sampled;
 * written as plain loops because it runs at start-up, before the engine has optimised anything.
 */
export function shapeImage(category: IncidentCategory, size = 18): { width: number; height: number; data: Uint8Array } {
  const flat = new Float64Array(CATEGORY_SHAPES[category].flat());
  const grow = 1.5 / size;
  // The edge: within `grow` of the shape along either axis (the point itself or one of 4 nudges).
  const nudges = [0, 0, grow, 0, -grow, 0, 0, grow, 0, -grow];
  const data = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let core = 0;
      let edge = 0;
      for (let s = 0; s < SAMPLES.length; s += 2) {
        const x = (px + SAMPLES[s]!) / size;
        const y = (py + SAMPLES[s + 1]!) / size;
        if (inside(x, y, flat)) core++;
        for (let n = 0; n < nudges.length; n += 2) {
          if (inside(x + nudges[n]!, y + nudges[n + 1]!, flat)) {
            edge++;
            break;
          }
        }
      }
      const offset = (py * size + px) * 4;
      if (core > 0) {
        data[offset] = data[offset + 1] = data[offset + 2] = 34;
        data[offset + 3] = Math.round((255 * core) / 4);
      } else if (edge > 0) {
        data[offset] = data[offset + 1] = data[offset + 2] = 255;
        data[offset + 3] = Math.round((255 * edge) / 4);
      }
    }
  }
  return { width: size, height: size, data };
}
