/**
 * Benchmark of the columnar core at 1k, 100k and 1M synthetic events, each figure beside its
 * baseline measured in the same run:
 *
 * - assignment of every event to a 1997-2018 region: `assignUnits` (unit index and grid built inside
 *   the timing), against the naive turf loop (every polygon, first hit) on a seeded sample of 2,000
 *   events, scaled per 1,000 events; one warm-up run each, then 5 alternating runs, medians; the
 *   sample's answers must be identical;
 * - filter + count per unit for one year-range change: `countByUnit` into a reused array, median over
 *   60 seeded ranges, against an array of objects filtered and reduced with the app's rule;
 * - bytes per event: the table's byteLength / n, and process.memoryUsage() around building it;
 * - import: a CSV of the events made in memory, parsed with papaparse into a table sorted by day,
 *   rows per second.
 *
 * `npx tsx bench/run.ts [--json] [--sizes 1000,100000]`. Targets are printed beside the figures;
 * a benchmark, not a test: it exits 0 whatever the speed (1 only if an answer differs).
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Papa from 'papaparse';
import type { UnitPolygons } from '../src/core/geo/geometry-sets.ts';
import { buildUnitIndex } from '../src/core/geo/assign.ts';
import type { IncidentCategory } from '../src/core/types.ts';
import {
  ALL_CATEGORIES,
  INCIDENT_CATEGORIES,
  NO_UNIT,
  dayRangeOf,
  eventTableFromRows,
  isoOfDay,
  layoutUnitIds,
  sortByDay,
  yearRangeDays,
  type EventRow,
  type EventTable,
} from '../src/core/columnar/event-table.ts';
import { countByUnit } from '../src/core/columnar/aggregate.ts';
import { assignUnits } from '../src/core/columnar/assign.ts';
import { mulberry32, syntheticTable } from '../src/core/columnar/synthetic.ts';
import { countByUnitObjects, naiveFeatures, naiveUnitAt, toObjects } from './baselines.ts';

const TARGETS = {
  assignMs: 500,
  assignRatio: 50,
  aggregateMs: 5,
  aggregateRatio: 100,
  bytesPerEvent: 40,
};
const SEED = 20_240_601;
const SAMPLE = 2_000;
const RANGES = 60;
const ROUNDS = 5;

export interface Run {
  events: number;
  assign_ms: number;
  assign_baseline_ms_per_1k: number;
  assign_ratio: number;
  assign_identical: boolean;
  aggregate_median_ms: number;
  aggregate_baseline_median_ms: number;
  aggregate_ratio: number;
  bytes_per_event: number;
  memory_bytes_per_event: number;
  import_rows_per_s: number;
  exact_tests: number;
  aggregate_identical: boolean;
}

const log = (text: string) => process.stderr.write(`${text}\n`);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const time = (f: () => void): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

const regions = JSON.parse(
  readFileSync(new URL('../geo/boundaries/regions-1997.geojson', import.meta.url), 'utf8'),
) as UnitPolygons;
const regionIndex = buildUnitIndex(regions);
const inKazakhstan = (lon: number, lat: number) => regionIndex.unitIndexAt(lon, lat) >= 0;

/** The events as CSV text, dates written with their precision (`2011`, `2011-05`, `2011-05-14`). */
function toCsv(table: EventTable): string {
  const lines = ['lon,lat,date,category'];
  for (let i = 0; i < table.length; i++) {
    const start = isoOfDay(table.day[i]!);
    const span = table.dayEnd[i]! - table.day[i]!;
    const date = span === 0 ? start : span < 31 ? start.slice(0, 7) : start.slice(0, 4);
    lines.push(
      `${table.lon[i]!.toFixed(5)},${table.lat[i]!.toFixed(5)},${date},${INCIDENT_CATEGORIES[table.category[i]!]}`,
    );
  }
  return lines.join('\n');
}

/** Parses the CSV with papaparse and builds a table sorted by day from its rows. */
function importCsv(text: string, expected: number): EventTable {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  const categories = new Map(INCIDENT_CATEGORIES.map((c, i) => [c, i]));
  function* rows(): Generator<EventRow> {
    const row: EventRow = { lon: 0, lat: 0, day: 0, dayEnd: 0, category: 0 };
    for (const r of parsed.data) {
      const days = dayRangeOf(r['date'] ?? '');
      const category = categories.get(r['category'] as IncidentCategory);
      if (!days || category === undefined) throw new Error(`bad row ${JSON.stringify(r)}`);
      row.lon = Number(r['lon']);
      row.lat = Number(r['lat']);
      [row.day, row.dayEnd] = days;
      row.category = category;
      yield row;
    }
  }
  const table = sortByDay(eventTableFromRows(rows(), expected));
  if (table.length !== expected) throw new Error(`import read ${table.length} rows of ${expected}`);
  return table;
}

function benchmark(n: number): Run {
  log(`${n} events: generating`);
  gc();
  const before = process.memoryUsage();
  const table = syntheticTable({ count: n, seed: SEED, inKazakhstan });
  gc();
  const after = process.memoryUsage();
  const memoryBytes = after.arrayBuffers - before.arrayBuffers + Math.max(0, after.heapUsed - before.heapUsed);

  log(`${n} events: assignment`);
  const random = mulberry32(SEED ^ n);
  const sample = Array.from({ length: Math.min(SAMPLE, n) }, () => Math.floor(random() * n));
  const features = naiveFeatures(regions);
  const runNaive = () => sample.map((i) => naiveUnitAt(features, table.lon[i]!, table.lat[i]!));
  let exactTests = 0;
  const runIndex = () => (exactTests = assignUnits(table, 'A', regions).exactTests);
  // Warm up both (JIT), then alternate them so that both see the same machine load.
  runIndex();
  runNaive();
  const assignTimes: number[] = [];
  const naiveTimes: number[] = [];
  let naive: (string | null)[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    assignTimes.push(time(runIndex));
    naiveTimes.push(time(() => (naive = runNaive())));
  }
  const ids = layoutUnitIds('A');
  const identical = sample.every((i, k) => (table.unitA[i] === NO_UNIT ? null : ids[table.unitA[i]!]) === naive[k]);
  const assignMs = median(assignTimes);
  const baselinePer1k = (median(naiveTimes) / sample.length) * 1000;

  log(`${n} events: filter + count`);
  const objects = toObjects(table, 'A');
  const all = new Set<IncidentCategory>(INCIDENT_CATEGORIES);
  const ranges = Array.from({ length: RANGES }, () => {
    const a = 2004 + Math.floor(random() * 20);
    const b = 2004 + Math.floor(random() * 20);
    return [Math.min(a, b), Math.max(a, b)] as const;
  });
  const out = new Uint32Array(ids.length);
  for (const [from, to] of ranges.slice(0, 5)) {
    const { fromDay, toDay } = yearRangeDays(from, to);
    countByUnit(table, 'A', fromDay, toDay, ALL_CATEGORIES, out);
    countByUnitObjects(objects, from, to, all);
  }
  const columnarTimes: number[] = [];
  const baselineTimes: number[] = [];
  let aggregateIdentical = true;
  for (const [from, to] of ranges) {
    const { fromDay, toDay } = yearRangeDays(from, to);
    columnarTimes.push(time(() => countByUnit(table, 'A', fromDay, toDay, ALL_CATEGORIES, out)));
    let expected = new Map<string, number>();
    baselineTimes.push(time(() => (expected = countByUnitObjects(objects, from, to, all))));
    if (!ids.every((id, u) => out[u] === (expected.get(id) ?? 0))) aggregateIdentical = false;
  }
  const aggregateMs = median(columnarTimes);
  const aggregateBaselineMs = median(baselineTimes);

  log(`${n} events: import`);
  const csv = toCsv(table);
  const importMs = median([0, 1, 2].map(() => time(() => importCsv(csv, n))));

  return {
    events: n,
    assign_ms: round(assignMs),
    assign_baseline_ms_per_1k: round(baselinePer1k),
    assign_ratio: round(baselinePer1k / 1000 / (assignMs / n)),
    assign_identical: identical,
    aggregate_median_ms: round(aggregateMs, 4),
    aggregate_baseline_median_ms: round(aggregateBaselineMs, 4),
    aggregate_ratio: round(aggregateBaselineMs / aggregateMs),
    bytes_per_event: table.buffer.byteLength / n,
    memory_bytes_per_event: round(memoryBytes / n),
    import_rows_per_s: Math.round(n / (importMs / 1000)),
    exact_tests: exactTests,
    aggregate_identical: aggregateIdentical,
  };
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');

function printTable(machine: string, runs: Run[]): void {
  const rows: string[][] = [['', ...runs.map((r) => `${r.events.toLocaleString('en')} events`), 'target (1M)']];
  const at1M = runs.find((r) => r.events === 1_000_000);
  const add = (label: string, values: string[], target = '', ok?: boolean) =>
    rows.push([label, ...values, ok === undefined ? target : `${target} ${mark(ok)}`]);
  add(
    'assign, index (ms)',
    runs.map((r) => r.assign_ms.toFixed(1)),
    `< ${TARGETS.assignMs}`,
    at1M && at1M.assign_ms < TARGETS.assignMs,
  );
  add(
    '  exact tests',
    runs.map((r) => r.exact_tests.toLocaleString('en')),
  );
  add(
    'assign, turf loop (ms per 1k)',
    runs.map((r) => r.assign_baseline_ms_per_1k.toFixed(2)),
  );
  add(
    'assign ratio',
    runs.map((r) => `${r.assign_ratio.toFixed(1)}×`),
    `≥ ${TARGETS.assignRatio}×`,
    at1M && at1M.assign_ratio >= TARGETS.assignRatio,
  );
  add(
    'assign identical (sample)',
    runs.map((r) => String(r.assign_identical)),
    'true',
    runs.every((r) => r.assign_identical),
  );
  add(
    'filter+count median (ms)',
    runs.map((r) => r.aggregate_median_ms.toFixed(3)),
    `≤ ${TARGETS.aggregateMs}`,
    at1M && at1M.aggregate_median_ms <= TARGETS.aggregateMs,
  );
  add(
    '  objects filter+reduce (ms)',
    runs.map((r) => r.aggregate_baseline_median_ms.toFixed(3)),
  );
  add(
    'filter+count ratio',
    runs.map((r) => `${r.aggregate_ratio.toFixed(0)}×`),
    `≥ ${TARGETS.aggregateRatio}×`,
    at1M && at1M.aggregate_ratio >= TARGETS.aggregateRatio,
  );
  add(
    '  counts identical',
    runs.map((r) => String(r.aggregate_identical)),
    'true',
    runs.every((r) => r.aggregate_identical),
  );
  add(
    'bytes per event (arrays)',
    runs.map((r) => String(r.bytes_per_event)),
    `≤ ${TARGETS.bytesPerEvent}`,
    runs.every((r) => r.bytes_per_event <= TARGETS.bytesPerEvent),
  );
  add(
    '  memoryUsage delta / event',
    runs.map((r) => r.memory_bytes_per_event.toFixed(1)),
  );
  add(
    'import CSV (rows/s)',
    runs.map((r) => r.import_rows_per_s.toLocaleString('en')),
  );
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  console.log(machine);
  for (const [i, r] of rows.entries()) {
    console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  if (!at1M) console.log('(targets are stated for 1M events; run without --sizes to check them)');
}

const args = process.argv.slice(2);
const sizesArg = args.indexOf('--sizes');
const sizes =
  sizesArg >= 0
    ? (args[sizesArg + 1] ?? '')
        .split(',')
        .map(Number)
        .filter((x) => x > 0)
    : [1_000, 100_000, 1_000_000];
const cpu = cpus();
const machine = `${cpu[0]?.model.trim() ?? 'unknown cpu'}, ${cpu.length} cores, node ${process.version}`;
const runs = sizes.map(benchmark);
if (args.includes('--json')) {
  console.log(
    JSON.stringify({
      machine,
      runs: runs.map(({ exact_tests: _e, aggregate_identical: _a, memory_bytes_per_event: _m, ...run }) => run),
    }),
  );
} else printTable(machine, runs);
if (runs.some((r) => !r.assign_identical || !r.aggregate_identical)) process.exitCode = 1;
