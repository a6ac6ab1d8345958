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

function inside(x: number, y: number, polygon: readonly (readonly [number, number])[]): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/**
 * The shape as an RGBA image for MapLibre (`addImage`, pixelRatio 2): dark, with a white edge so
 * that it reads on a filled marker and on a hollow one. Rasterised without a canvas, 4× sampled.
 */
export function shapeImage(category: IncidentCategory, size = 18): { width: number; height: number; data: Uint8Array } {
  const polygon = CATEGORY_SHAPES[category];
  const data = new Uint8Array(size * size * 4);
  const coverage = (px: number, py: number, grow: number) => {
    let n = 0;
    for (const dx of [0.25, 0.75]) {
      for (const dy of [0.25, 0.75]) {
        const x = (px + dx) / size;
        const y = (py + dy) / size;
        const near =
          grow === 0
            ? inside(x, y, polygon)
            : [
                [0, 0],
                [grow, 0],
                [-grow, 0],
                [0, grow],
                [0, -grow],
              ].some(([ox, oy]) => inside(x + ox!, y + oy!, polygon));
        if (near) n++;
      }
    }
    return n / 4;
  };
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const core = coverage(px, py, 0);
      const edge = coverage(px, py, 1.5 / size);
      const offset = (py * size + px) * 4;
      if (core > 0) data.set([34, 34, 34, Math.round(255 * core)], offset);
      else if (edge > 0) data.set([255, 255, 255, Math.round(255 * edge)], offset);
    }
  }
  return { width: size, height: size, data };
}
