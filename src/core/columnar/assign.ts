/**
 * Assigning every event of a table to the unit of a layout whose polygon contains it, in bulk.
 *
 * The exact answer always comes from the app's unit index (`buildUnitIndex`: flatbush over polygon
 * boxes, then turf's exact point-in-polygon, first unit in id order on borders). For many points a
 * grid in front of it skips most of the exact tests:
 *
 * - A cell that no polygon edge (outer ring or hole) touches lies wholly inside the same units, so
 *   one exact test of one point of it answers for every point in it. Neighbouring untouched cells
 *   share that answer, since no boundary separates them (cells are tested with a small margin, so
 *   cells meeting at a corner count as neighbours too): a flood fill needs one exact test per patch.
 * - A touched cell holding many points is split the same way into 16 × 16 sub-cells, using only the
 *   edges that touch it; points in its untouched sub-cells take their patch's answer.
 * - The remaining points (in touched cells or sub-cells) go through `assignPoints`, one exact test
 *   each.
 *
 * So the answers are the index's, point for point: the grid only skips tests whose outcome it
 * already knows. Under 1% of a million synthetic (clustered) events need an exact test.
 */
import { assignPoints, buildUnitIndex, type UnitIndex } from '../geo/assign.ts';
import type { UnitPolygons } from '../geo/geometry-sets.ts';
import type { LayoutId } from '../types.ts';
import { NO_UNIT, layoutUnitIds, unitColumn, type EventTable } from './event-table.ts';

/** Cell states besides a unit position (≥ 0) or -1 (in no unit). */
const TOUCHED = -2;
const UNKNOWN = -3;

/** Tables shorter than this skip the grid: building it costs more than the tests it saves. */
export const GRID_MIN_POINTS = 20_000;
/** A touched cell with at least this many points is split into sub-cells. */
const SPLIT_MIN_POINTS = 32;
/** Sub-cells per side of a split cell. */
const SPLIT = 16;

/** A grid of cells over the units' extent, in front of a {@link UnitIndex}. */
export interface UnitGrid {
  readonly index: UnitIndex;
  readonly columns: number;
  readonly rows: number;
  /** Cells touched by a polygon edge. */
  readonly touchedCells: number;
  /** Connected patches of untouched cells, each answered by one exact test. */
  readonly patches: number;
  /** Position in `index.units` of the unit containing a point, or -1: the same answer as `index.unitIndexAt`. */
  unitIndexAt(lon: number, lat: number): number;
  /**
   * {@link unitIndexAt} for every point, written to `out` (same length). Returns how many exact
   * tests were made (points needing one, and one per patch of a split cell).
   */
  assign(lons: ArrayLike<number>, lats: ArrayLike<number>, out: Int32Array): number;
}

/**
 * Whether segment (ax, ay)-(bx, by) meets the rectangle [x0, x1] × [y0, y1] (Liang-Barsky clipping,
 * written out: this runs once per edge and nearby cell).
 */
function segmentMeetsBox(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  for (let side = 0; side < 4; side++) {
    const p = side === 0 ? -dx : side === 1 ? dx : side === 2 ? -dy : dy;
    const q = side === 0 ? ax - x0 : side === 1 ? x1 - ax : side === 2 ? ay - y0 : y1 - ay;
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
  }
  return true;
}

/** A square-celled raster: `state[row * cols + col]`, cell (0, 0) with its lower-left corner at (x0, y0). */
interface Raster {
  state: Int16Array;
  cols: number;
  rows: number;
  x0: number;
  y0: number;
  size: number;
}

/**
 * Marks the cells touched by the given edges (`edges` holds ax, ay, bx, by per edge) with a margin
 * `eps`, then flood-fills the untouched ones patch by patch, asking `index` once per patch. Calls
 * `onTouch(cell, edge)` for every touching pair. Returns the number of patches (= exact tests).
 */
function rasterise(
  raster: Raster,
  edges: Float64Array,
  edgeIds: ArrayLike<number>,
  eps: number,
  index: UnitIndex,
  onTouch?: (cell: number, edge: number) => void,
): number {
  const { state, cols, rows, x0, y0, size } = raster;
  const inv = 1 / size;
  const col = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - x0) * inv)));
  const row = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - y0) * inv)));
  state.fill(UNKNOWN);
  for (let k = 0; k < edgeIds.length; k++) {
    const e = edgeIds[k]!;
    const ax = edges[4 * e]!;
    const ay = edges[4 * e + 1]!;
    const bx = edges[4 * e + 2]!;
    const by = edges[4 * e + 3]!;
    const c0 = col(Math.min(ax, bx) - 2 * eps);
    const c1 = col(Math.max(ax, bx) + 2 * eps);
    const r1 = row(Math.max(ay, by) + 2 * eps);
    for (let r = row(Math.min(ay, by) - 2 * eps); r <= r1; r++) {
      const cy = y0 + r * size - eps;
      for (let c = c0; c <= c1; c++) {
        const cx = x0 + c * size - eps;
        if (!segmentMeetsBox(ax, ay, bx, by, cx, cy, cx + size + 2 * eps, cy + size + 2 * eps)) continue;
        state[r * cols + c] = TOUCHED;
        onTouch?.(r * cols + c, e);
      }
    }
  }
  // Span flood fill, 8-connected: cells meeting at a corner overlap by the margin, so no boundary
  // runs between two untouched ones unseen.
  let patches = 0;
  const stack: number[] = [];
  for (let seed = 0; seed < state.length; seed++) {
    if (state[seed] !== UNKNOWN) continue;
    const seedRow = Math.floor(seed / cols);
    const unit = index.unitIndexAt(x0 + (seed - seedRow * cols + 0.5) * size, y0 + (seedRow + 0.5) * size);
    patches++;
    stack.push(seed);
    while (stack.length > 0) {
      const start = stack.pop()!;
      if (state[start] !== UNKNOWN) continue;
      const r = Math.floor(start / cols);
      const rowStart = r * cols;
      const rowEnd = rowStart + cols - 1;
      let left = start;
      while (left > rowStart && state[left - 1] === UNKNOWN) left--;
      let right = start;
      while (right < rowEnd && state[right + 1] === UNKNOWN) right++;
      state.fill(unit, left, right + 1);
      const from = left > rowStart ? left - 1 : left;
      const to = right < rowEnd ? right + 1 : right;
      for (let side = 0; side < 2; side++) {
        if (side === 0 ? r === 0 : r === rows - 1) continue;
        const offset = side === 0 ? -cols : cols;
        let inRun = false;
        for (let i = from + offset; i <= to + offset; i++) {
          const unknown = state[i] === UNKNOWN;
          if (unknown && !inRun) stack.push(i);
          inRun = unknown;
        }
      }
    }
  }
  return patches;
}

/** Every ring edge (outer rings and holes) of a set of unit polygons, as ax, ay, bx, by. */
function edgesOf(polygons: UnitPolygons): Float64Array {
  const coords: number[] = [];
  for (const f of polygons.features) {
    const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
    for (const ring of rings) {
      for (let k = 0; k + 1 < ring.length; k++)
        coords.push(ring[k]![0]!, ring[k]![1]!, ring[k + 1]![0]!, ring[k + 1]![1]!);
    }
  }
  return Float64Array.from(coords);
}

/**
 * Builds a grid of `columns` columns (rows in proportion, square cells in degrees: about 2 km over
 * Kazakhstan at the default) over the extent of `polygons`, in front of `index`, which must have
 * been built from the same polygons.
 */
export function buildUnitGrid(index: UnitIndex, polygons: UnitPolygons, columns = 2048): UnitGrid {
  const edges = edgesOf(polygons);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let k = 0; k < edges.length; k += 2) {
    minX = Math.min(minX, edges[k]!);
    maxX = Math.max(maxX, edges[k]!);
    minY = Math.min(minY, edges[k + 1]!);
    maxY = Math.max(maxY, edges[k + 1]!);
  }
  const empty = edges.length === 0;
  const cols = empty ? 1 : Math.max(1, Math.floor(columns));
  const size = empty ? 1 : (maxX - minX) / cols || 1;
  const rows = empty ? 1 : Math.max(1, Math.ceil((maxY - minY) / size));
  // The margin is far above rounding error, so a point that rounding puts in a neighbouring cell
  // still lies where that cell's answer holds.
  const eps = size * 1e-6;
  const raster: Raster = { state: new Int16Array(cols * rows), cols, rows, x0: minX, y0: minY, size };

  // Which edges touch each touched cell, to split the cell later.
  const touching = new Map<number, number[]>();
  const allEdges = Uint32Array.from({ length: edges.length / 4 }, (_, i) => i);
  const patches = empty
    ? 0
    : rasterise(raster, edges, allEdges, eps, index, (cell, edge) => {
        const list = touching.get(cell);
        if (list) list.push(edge);
        else touching.set(cell, [edge]);
      });
  if (empty) raster.state.fill(-1);
  const { state } = raster;
  const inv = 1 / size;

  /** The cell of a point inside the extent, or -1 outside it (or not finite). */
  const cellOf = (x: number, y: number): number => {
    if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) return -1;
    return Math.min(rows - 1, Math.floor((y - minY) * inv)) * cols + Math.min(cols - 1, Math.floor((x - minX) * inv));
  };

  const sub: Raster = {
    state: new Int16Array(SPLIT * SPLIT),
    cols: SPLIT,
    rows: SPLIT,
    x0: 0,
    y0: 0,
    size: size / SPLIT,
  };

  return {
    index,
    columns: cols,
    rows,
    touchedCells: touching.size,
    patches,
    unitIndexAt(lon, lat) {
      const cell = cellOf(lon, lat);
      if (cell < 0) return -1;
      const answer = state[cell]!;
      return answer === TOUCHED ? index.unitIndexAt(lon, lat) : answer;
    },
    assign(lons, lats, out) {
      if (lons.length !== lats.length || out.length !== lons.length) {
        throw new Error(`UnitGrid.assign: ${lons.length} longitudes, ${lats.length} latitudes, ${out.length} outputs`);
      }
      // 1. Points in untouched cells take the cell's answer; the others wait, keyed by cell.
      const waiting: number[] = [];
      for (let i = 0; i < lons.length; i++) {
        const cell = cellOf(lons[i]!, lats[i]!);
        const answer = cell < 0 ? -1 : state[cell]!;
        if (answer === TOUCHED) waiting.push(cell * lons.length + i);
        else out[i] = answer;
      }
      const keys = Float64Array.from(waiting).sort();
      waiting.length = 0;

      // 2. Touched cells with many points are split; points left undecided get an exact test.
      let tests = 0;
      const exact: number[] = [];
      for (let k = 0; k < keys.length;) {
        const cell = Math.floor(keys[k]! / lons.length);
        let end = k;
        while (end < keys.length && Math.floor(keys[end]! / lons.length) === cell) end++;
        if (end - k < SPLIT_MIN_POINTS) {
          for (; k < end; k++) exact.push(keys[k]! - cell * lons.length);
          continue;
        }
        sub.x0 = minX + (cell % cols) * size;
        sub.y0 = minY + Math.floor(cell / cols) * size;
        tests += rasterise(sub, edges, touching.get(cell)!, eps, index);
        const subInv = 1 / sub.size;
        for (; k < end; k++) {
          const i = keys[k]! - cell * lons.length;
          const sx = Math.min(SPLIT - 1, Math.max(0, Math.floor((lons[i]! - sub.x0) * subInv)));
          const sy = Math.min(SPLIT - 1, Math.max(0, Math.floor((lats[i]! - sub.y0) * subInv)));
          const answer = sub.state[sy * SPLIT + sx]!;
          if (answer === TOUCHED) exact.push(i);
          else out[i] = answer;
        }
      }
      const units = assignPoints(
        index,
        Float64Array.from(exact, (i) => lons[i]!),
        Float64Array.from(exact, (i) => lats[i]!),
      );
      exact.forEach((i, k) => (out[i] = units[k]!));
      return tests + exact.length;
    },
  };
}

/** What {@link assignUnits} did. */
export interface AssignReport {
  layout: LayoutId;
  /** Events now in a unit. */
  assigned: number;
  /** Events in no polygon (abroad, in a gap, no position): unit {@link NO_UNIT}. */
  outside: number;
  /** Unit ids of the polygons that are not units of the layout; their events get {@link NO_UNIT}. */
  unknownUnits: string[];
  /** Exact point-in-polygon tests made (the rest were answered by the grid). */
  exactTests: number;
}

/**
 * Fills a table's unit column for a layout from that layout's unit polygons (property `unit`), for
 * events that come with coordinates only (imports, synthetic data). Borders as `buildUnitIndex`:
 * on a shared border the unit whose id sorts first. Pass an index already built from the same
 * polygons to skip building it; `grid` forces the grid on or off (default: on from
 * {@link GRID_MIN_POINTS} events).
 *
 * @example
 * const report = assignUnits(table, 'A', regions1997);
 * table.unitA[0]; // position in layoutUnitIds('A'), or NO_UNIT
 */
export function assignUnits(
  table: EventTable,
  layout: LayoutId,
  polygons: UnitPolygons,
  options: { index?: UnitIndex; grid?: boolean } = {},
): AssignReport {
  const index = options.index ?? buildUnitIndex(polygons);
  const positions = new Map(layoutUnitIds(layout).map((id, i) => [id, i]));
  const toLayout = Uint8Array.from(index.units, (id) => positions.get(id) ?? NO_UNIT);
  const unknownUnits = index.units.filter((id) => !positions.has(id));

  let found: Int32Array;
  let exactTests = table.length;
  if (options.grid ?? table.length >= GRID_MIN_POINTS) {
    found = new Int32Array(table.length);
    exactTests = buildUnitGrid(index, polygons).assign(table.lon, table.lat, found);
  } else {
    found = assignPoints(index, Float64Array.from(table.lon), Float64Array.from(table.lat));
  }

  const column = unitColumn(table, layout);
  let assigned = 0;
  for (let i = 0; i < found.length; i++) {
    const u = found[i]!;
    const unit = u < 0 ? NO_UNIT : toLayout[u]!;
    column[i] = unit;
    if (unit !== NO_UNIT) assigned++;
  }
  return { layout, assigned, outside: table.length - assigned, unknownUnits, exactTests };
}
