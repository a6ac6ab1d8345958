/**
 * Browser benchmark, in Debian's headless Chromium with software rendering (the flags of the
 * browser tests):
 *
 * (a) first complete map: from navigation to the first `idle` at which the atlas has its choropleth
 *     feature state set and its `events` source loaded (bench/first-map.ts), against a bare MapLibre
 *     map of the same base style and no data (bench/bare/) built and served alongside; median of 11
 *     cold runs each (a fresh browser context each), run alternately after one uncounted warm-up pair
 *     (the preview server's and Chromium's first loads are slower than any later one). Target: ≤ 1.3×
 *     the bare map, as the ratio of the medians; the median of the ratios of each pair is printed too.
 * (b) year-slider step with 100k imported events: a synthetic ACLED-like file of 100,000 rows is
 *     imported into the app through its data panel (bench/app-data.ts), then the "From" slider is
 *     stepped: from its input event to the first rendered frame with every marker source loaded (the
 *     frame that shows the step); median of 20 steps after 2 warm-up steps. Target: ≤ 100 ms.
 *
 * Builds the app and the bare page with Vite's `build()` into a temporary folder, serves it with
 * `preview()` on 127.0.0.1. `npx tsx bench/browser.ts [--json]`. A benchmark: exits 0 whatever the
 * speed (1 only if a page fails to load).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { Browser } from 'playwright-core';
import { openBrowser, openPage } from '../test/browser/browser.ts';
import { firstMapTimes, watchFirstCompleteMap, type FirstMap } from './first-map.ts';
import { sliderInApp, withImportedFile } from './app-data.ts';

const TARGETS = { firstMapRatio: 1.3, sliderStepMs: 100 };
const RUNS = 11;
const STEPS = 20;
const SLIDER_EVENTS = 100_000;

const root = fileURLToPath(new URL('..', import.meta.url));
const log = (text: string) => process.stderr.write(`${text}\n`);
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function firstCompleteMap(browser: Browser, url: string, kind: 'app' | 'bare'): Promise<FirstMap> {
  const { page, consoleErrors } = await openPage(browser);
  try {
    await page.addInitScript({ content: watchFirstCompleteMap(kind) });
    await page.goto(url);
    const times = await firstMapTimes(page);
    if (consoleErrors.length > 0) log(`  ${kind}: console errors: ${consoleErrors.join(' | ')}`);
    return times;
  } finally {
    await page.context().close();
  }
}

const outDir = mkdtempSync(join(tmpdir(), 'kz-atlas-bench-'));
try {
  log(`building the app and the bench pages into ${outDir}`);
  // The app exactly as `vite build` makes it (only the folder differs), then the bench pages beside it.
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 100_000 } });
  await build({
    root,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      chunkSizeWarningLimit: 100_000,
      rolldownOptions: {
        input: { bare: join(root, 'bench/bare/index.html') },
      },
    },
  });
  const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
  const address = server.httpServer.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 4173}/`;
  const browser = await openBrowser();
  try {
    const app: FirstMap[] = [];
    const bare: FirstMap[] = [];
    log('first complete map, warm-up pair');
    await firstCompleteMap(browser, base, 'app');
    await firstCompleteMap(browser, `${base}bench/bare/`, 'bare');
    for (let run = 0; run < RUNS; run++) {
      log(`first complete map, run ${run + 1}/${RUNS}`);
      app.push(await firstCompleteMap(browser, base, 'app'));
      bare.push(await firstCompleteMap(browser, `${base}bench/bare/`, 'bare'));
    }
    log(`year slider, ${SLIDER_EVENTS} imported events, ${STEPS} steps`);
    const steps = await withImportedFile(browser, base, SLIDER_EVENTS, (page) => sliderInApp(page, STEPS));

    const appMs = median(app.map((r) => r.complete));
    const bareMs = median(bare.map((r) => r.complete));
    const ratio = appMs / bareMs;
    const stepMs = median(steps);
    const r1 = (x: number) => Math.round(x * 10) / 10;
    const result = {
      first_map_app_ms: Math.round(appMs),
      first_map_bare_ms: Math.round(bareMs),
      first_map_ratio: Math.round(ratio * 100) / 100,
      first_map_paired_ratio: Math.round(median(app.map((r, i) => r.complete / bare[i]!.complete)) * 100) / 100,
      first_map_app_runs_ms: app.map((r) => Math.round(r.complete)),
      first_map_bare_runs_ms: bare.map((r) => Math.round(r.complete)),
      map_created_app_ms: Math.round(median(app.map((r) => r.created))),
      map_created_bare_ms: Math.round(median(bare.map((r) => r.created))),
      slider_events: SLIDER_EVENTS,
      slider_step_median_ms: r1(stepMs),
      slider_step_max_ms: Math.round(Math.max(...steps)),
    };
    if (process.argv.includes('--json')) console.log(JSON.stringify(result));
    else {
      const mark = (ok: boolean) => (ok ? '✓' : '✗');
      console.log(`Chromium (software rendering); first map: ${RUNS} cold runs each, medians`);
      console.log(
        `first complete map, app            ${result.first_map_app_ms} ms  (runs ${result.first_map_app_runs_ms.join(', ')})`,
      );
      console.log(
        `first complete map, bare MapLibre  ${result.first_map_bare_ms} ms  (runs ${result.first_map_bare_runs_ms.join(', ')})`,
      );
      console.log(
        `  map created at                   app ${result.map_created_app_ms} ms, bare ${result.map_created_bare_ms} ms after navigation`,
      );
      console.log(
        `  ratio                            ${result.first_map_ratio}×  target ≤ ${TARGETS.firstMapRatio}× ${mark(ratio <= TARGETS.firstMapRatio)}` +
          `  (median of the ${RUNS} pairs' ratios: ${result.first_map_paired_ratio}×)`,
      );
      console.log(
        `year-slider step, ${SLIDER_EVENTS.toLocaleString('en')} imported events, median of ${STEPS} steps to the frame showing it: ` +
          `${result.slider_step_median_ms} ms (slowest ${result.slider_step_max_ms} ms)  target ≤ ${TARGETS.sliderStepMs} ms ${mark(stepMs <= TARGETS.sliderStepMs)}`,
      );
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
