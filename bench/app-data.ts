/**
 * The atlas with a large imported file, in headless Chromium (software rendering), as a user meets it:
 *
 * - `importLarge`: a synthetic ACLED-like CSV (ids, dates, types, actors, places, coordinates,
 *   fatalities, notes; ~100 bytes a row) picked in the data panel, read in the worker, added to the
 *   map. The page's main-thread tasks over 100 ms are taken from a Chromium trace, from the pick
 *   until the map has drawn every marker source, and told apart: script (the target is none) and
 *   frames read back for software compositing (see `longTasksOf`), beside the longest frame of the
 *   same map without the file in the same run.
 * - `sliderInApp`: with that file on the map, year-slider steps on the "From" slider (an `input`
 *   event on the real control): the time from the event to the first rendered frame at which every
 *   marker source is loaded (the frame that shows the step), median of the steps after two warm-ups.
 *   Target ≤ 100 ms.
 *
 * Used by bench/browser.ts; the rows come from the seeded generator of the Node benchmark.
 */
import { createWriteStream, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openPage } from '../test/browser/browser.ts';
import { syntheticEvents } from '../src/core/columnar/synthetic.ts';
import { isoOfDay } from '../src/core/columnar/event-table.ts';
import { buildUnitIndex } from '../src/core/geo/assign.ts';
import type { UnitPolygons } from '../src/core/geo/geometry-sets.ts';
import { INCIDENT_CATEGORIES } from '../src/core/data/incidents.ts';
import { CATEGORY_LABELS } from '../src/ui/labels.ts';

/** The event types as a user's file words them: the atlas's English category names. */
const TYPES = CATEGORY_LABELS;

/** Writes `rows` synthetic events as an ACLED-like CSV; returns its path and size in bytes. */
export async function syntheticCsv(rows: number, seed = 7): Promise<{ path: string; bytes: number }> {
  const regions = JSON.parse(
    readFileSync(new URL('../geo/boundaries/regions-1997.geojson', import.meta.url), 'utf8'),
  ) as UnitPolygons;
  const index = buildUnitIndex(regions);
  const path = join(mkdtempSync(join(tmpdir(), 'kz-atlas-import-')), `synthetic-${rows}.csv`);
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write('event_id_cnty,event_date,event_type,actor1,admin1,location,latitude,longitude,fatalities,notes\n');
  let i = 0;
  let batch: string[] = [];
  for (const e of syntheticEvents({
    count: rows,
    seed,
    inKazakhstan: (lon, lat) => index.unitIndexAt(lon, lat) >= 0,
  })) {
    const type = TYPES[typeof e.category === 'number' ? INCIDENT_CATEGORIES[e.category]! : e.category]!;
    const start = isoOfDay(e.day);
    // Month- and year-precise spans are written as ACLED would not, but as Excel exports do.
    const date =
      e.dayEnd === e.day
        ? start
        : e.dayEnd - e.day < 40
          ? `${start.slice(5, 7)}.${start.slice(0, 4)}`
          : start.slice(0, 4);
    batch.push(
      `KAZ${i},${date},${type},Police Forces of Kazakhstan,,Site ${i % 977},${e.lat.toFixed(4)},${e.lon.toFixed(4)},${i % 7 === 0 ? 1 : 0},` +
        `Synthetic event ${i}\n`,
    );
    if (batch.length === 5000) {
      await write(batch.join(''));
      batch = [];
    }
    i++;
  }
  await write(batch.join(''));
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return { path, bytes: statSync(path).size };
}

/** A main-thread task of the page, from Chromium's trace (ms since the trace began). */
export interface TraceTask {
  start: number;
  duration: number;
  /** Time inside it spent waiting for the GPU process to read the WebGL canvas back (software compositing). */
  readback: number;
  /** The longest event inside it (its main cost): `FunctionCall`, `HandlePostMessage`, `MajorGC`, … */
  cause: string;
}

/**
 * The page's main-thread tasks over `minMs` from a Chromium trace. In headless Chromium with software
 * rendering every frame of a WebGL canvas is read back for the software compositor
 * (`GLES2::ReadPixels` inside `Commit`), and the main thread waits while SwiftShader draws it: those
 * tasks are frames, not script, and they are told apart here.
 */
export function longTasksOf(trace: Buffer, minMs = 100): TraceTask[] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const origin = Math.min(...onMain.map((e) => e.ts));
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && (e.dur ?? 0) >= minMs * 1000);
  const readbacks = onMain.filter((e) => e.name === 'GLES2::ReadPixels');
  const wrappers = new Set(['ThreadControllerImpl::RunTask', 'RunTask', 'v8.callFunction']);
  const inside = (t: TraceEvent) =>
    onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur! && !wrappers.has(e.name));
  return tasks.map((t) => ({
    start: (t.ts - origin) / 1000,
    duration: t.dur! / 1000,
    cause: inside(t).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0]?.name ?? '(unknown)',
    readback:
      readbacks
        .filter((r) => r.ts >= t.ts && r.ts + (r.dur ?? 0) <= t.ts + t.dur!)
        .reduce((sum, r) => sum + (r.dur ?? 0), 0) / 1000,
  }));
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'gpu', 'blink'];
const now = (page: Page) => page.evaluate(() => performance.now());
const isFrame = (t: TraceTask) => t.readback >= t.duration / 2;

/**
 * Resolves in the page once the map has rendered a frame with every large-file source loaded.
 * Page scripts are plain JavaScript text: tsx would wrap named functions in a helper the page lacks.
 */
const allMarkersDrawn = (page: Page) =>
  page.evaluate(`new Promise((resolve) => {
    const map = window.__map;
    const check = () => {
      const ids = Object.keys(map.getStyle().sources).filter((id) => id.startsWith('bulk-data'));
      if (ids.length > 0 && ids.every((id) => map.isSourceLoaded(id))) {
        map.off('render', check);
        resolve();
      }
    };
    map.on('render', check);
    map.triggerRepaint();
  })`);

/** One step of the "From" slider to `year`: ms from its input event to the frame that shows it. */
const step = (page: Page, year: number) =>
  page.evaluate(`new Promise((resolve) => {
    const map = window.__map;
    const input = document.querySelector('[data-testid=year-from]');
    const ids = Object.keys(map.getStyle().sources).filter((id) => id.startsWith('bulk-data'));
    const start = performance.now();
    input.value = String(${year});
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const onRender = () => {
      if (ids.every((id) => map.isSourceLoaded(id))) {
        map.off('render', onRender);
        resolve(performance.now() - start);
      }
    };
    map.on('render', onRender);
  })`) as Promise<number>;

export interface ImportFigures {
  rows: number;
  megabytes: number;
  readMs: number;
  addMs: number;
  /** Main-thread tasks over 100 ms from the pick until the map has drawn the file, by kind. */
  scriptTasksOver100: { ms: number; cause: string }[];
  frameTasksOver100: number[];
  /** The longest frame of the same map without the file, panned in the same run: what software rendering costs anyway. */
  baselineFrameMs: number;
}

/** Imports `path` into the app at `url` on `page` (left open with the file on the map). */
export async function importLarge(
  browser: Browser,
  page: Page,
  url: string,
  file: { path: string; bytes: number },
  rows: number,
): Promise<ImportFigures> {
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { __map?: { loaded(): boolean } }).__map?.loaded() === true,
    undefined,
    { timeout: 120_000 },
  );
  // Baseline: the map without the file, panned five times (a frame each), traced alone.
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  for (const [lon, lat] of [
    [60, 47],
    [75, 50],
    [68, 44],
    [80, 49],
    [67, 48],
  ]) {
    await page.evaluate(
      `new Promise((resolve) => { window.__map.once('idle', resolve); window.__map.jumpTo({ center: [${lon}, ${lat}] }); window.__map.triggerRepaint(); })`,
    );
  }
  const baseline = longTasksOf(await browser.stopTracing(), 0).filter(isFrame);
  await page.evaluate(`window.__map.jumpTo({ center: [67, 48] })`);

  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const picked = await now(page);
  await page.locator('[data-testid=data-file]').setInputFiles(file.path);
  const report = page.locator('[data-testid=data-report]');
  await report.waitFor({ state: 'visible', timeout: 1_800_000 });
  const read = await now(page);
  const added = await now(page);
  await report.locator('[data-testid=data-add]').click();
  await report.waitFor({ state: 'hidden', timeout: 600_000 });
  await allMarkersDrawn(page);
  const drawn = await now(page);
  const long = longTasksOf(await browser.stopTracing());
  return {
    rows,
    megabytes: file.bytes / 1e6,
    readMs: read - picked,
    addMs: drawn - added,
    scriptTasksOver100: long.filter((t) => !isFrame(t)).map((t) => ({ ms: Math.round(t.duration), cause: t.cause })),
    frameTasksOver100: long.filter(isFrame).map((t) => Math.round(t.duration)),
    baselineFrameMs: Math.round(Math.max(0, ...baseline.map((t) => t.duration))),
  };
}

/** Year-slider steps on the page holding a large file (see the module comment). */
export async function sliderInApp(page: Page, steps: number): Promise<number[]> {
  const times: number[] = [];
  for (let k = 0; k < steps + 2; k++) {
    // From 2004 upwards a year at a time, then back: every step shows or hides one year's markers.
    const year = 2005 + (k % 18);
    const ms = await step(page, year);
    if (k >= 2) times.push(ms);
  }
  return times;
}

export async function withImportedFile<T>(
  browser: Browser,
  url: string,
  rows: number,
  run: (page: Page, figures: ImportFigures) => Promise<T>,
): Promise<T> {
  const file = await syntheticCsv(rows);
  const { page } = await openPage(browser);
  try {
    const figures = await importLarge(browser, page, url, file, rows);
    return await run(page, figures);
  } finally {
    await page.context().close();
  }
}
