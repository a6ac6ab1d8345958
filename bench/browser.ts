/**
 * Browser benchmark, in Debian's headless Chromium with software rendering (the flags of the
 * browser tests):
 *
 * (a) first complete map: from navigation to the first `idle` at which the atlas has its choropleth
 *     feature state set and its `events` source loaded (bench/first-map.ts), against a bare MapLibre
 *     map of the same base style and no data (bench/bare/) built and served alongside; median of 5
 *     cold runs each, run alternately. Target: ≤ 1.3× the bare map.
 * (b) year-slider step with 100k synthetic events (bench/slider/): countByUnit + setFeatureState +
 *     setFilter, until the first rendered frame with the markers' source loaded again (the frame
 *     that shows the step; `idle`, which also waits for label fading, is printed beside it); median
 *     of 20 steps after 2 warm-up steps. Target: ≤ 100 ms.
 *     Measured too: the same steps with one source per start year shown or hidden by opacity, a
 *     paint change that needs no re-layout.
 *
 * Builds the app and the two pages with Vite's `build()` into a temporary folder, serves it with
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
import { mulberry32 } from '../src/core/columnar/synthetic.ts';
import type { SliderBench, StepTimes } from './slider/main.ts';

const TARGETS = { firstMapRatio: 1.3, sliderStepMs: 100 };
const RUNS = 5;
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

async function sliderSteps(
  browser: Browser,
  url: string,
  mode: 'filter' | 'years',
): Promise<{ setupMs: number; steps: StepTimes[] }> {
  const { page, consoleErrors } = await openPage(browser);
  try {
    await page.goto(`${url}?n=${SLIDER_EVENTS}&seed=1&mode=${mode}`);
    await page.waitForFunction(() => (window as { __bench?: unknown }).__bench !== undefined, undefined, {
      timeout: 120_000,
    });
    const { setupMs } = await page.evaluate(() => (window as unknown as { __bench: SliderBench }).__bench.ready);
    const random = mulberry32(2024);
    const ranges: [number, number][] = [];
    while (ranges.length < STEPS + 2) {
      const a = 2004 + Math.floor(random() * 20);
      const b = 2004 + Math.floor(random() * 20);
      const range: [number, number] = [Math.min(a, b), Math.max(a, b)];
      const last = ranges.at(-1);
      if (!last || last[0] !== range[0] || last[1] !== range[1]) ranges.push(range);
    }
    const steps: StepTimes[] = [];
    for (const [k, [from, to]] of ranges.entries()) {
      const times = await page.evaluate(
        ([a, b]) => (window as unknown as { __bench: SliderBench }).__bench.step(a, b),
        [from, to] as const,
      );
      if (k >= 2) steps.push(times); // the first two warm up
    }
    if (consoleErrors.length > 0) log(`  slider (${mode}): console errors: ${consoleErrors.join(' | ')}`);
    return { setupMs, steps };
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
        input: { bare: join(root, 'bench/bare/index.html'), slider: join(root, 'bench/slider/index.html') },
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
    for (let run = 0; run < RUNS; run++) {
      log(`first complete map, run ${run + 1}/${RUNS}`);
      app.push(await firstCompleteMap(browser, base, 'app'));
      bare.push(await firstCompleteMap(browser, `${base}bench/bare/`, 'bare'));
    }
    log(`year slider, ${SLIDER_EVENTS} events, ${STEPS} steps, setFilter`);
    const slider = await sliderSteps(browser, `${base}bench/slider/`, 'filter');
    log(`year slider, ${SLIDER_EVENTS} events, ${STEPS} steps, one source per year`);
    const sliderYears = await sliderSteps(browser, `${base}bench/slider/`, 'years');

    const appMs = median(app.map((r) => r.complete));
    const bareMs = median(bare.map((r) => r.complete));
    const ratio = appMs / bareMs;
    const stepMs = median(slider.steps.map((s) => s.drawn));
    const r1 = (x: number) => Math.round(x * 10) / 10;
    const summary = (run: { setupMs: number; steps: StepTimes[] }) => ({
      setup_ms: Math.round(run.setupMs),
      step_median_ms: r1(median(run.steps.map((s) => s.drawn))),
      step_max_ms: Math.round(Math.max(...run.steps.map((s) => s.drawn))),
      idle_median_ms: r1(median(run.steps.map((s) => s.idle))),
      compute_median_ms: Math.round(median(run.steps.map((s) => s.compute)) * 100) / 100,
      first_render_median_ms: r1(median(run.steps.map((s) => s.render))),
    });
    const result = {
      first_map_app_ms: Math.round(appMs),
      first_map_bare_ms: Math.round(bareMs),
      first_map_ratio: Math.round(ratio * 100) / 100,
      first_map_app_runs_ms: app.map((r) => Math.round(r.complete)),
      first_map_bare_runs_ms: bare.map((r) => Math.round(r.complete)),
      map_created_app_ms: Math.round(median(app.map((r) => r.created))),
      map_created_bare_ms: Math.round(median(bare.map((r) => r.created))),
      slider_events: SLIDER_EVENTS,
      slider_step_median_ms: r1(stepMs),
      slider_set_filter: summary(slider),
      slider_source_per_year: summary(sliderYears),
    };
    if (process.argv.includes('--json')) console.log(JSON.stringify(result));
    else {
      const mark = (ok: boolean) => (ok ? '✓' : '✗');
      const f = result.slider_set_filter;
      const y = result.slider_source_per_year;
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
        `  ratio                            ${result.first_map_ratio}×  target ≤ ${TARGETS.firstMapRatio}× ${mark(ratio <= TARGETS.firstMapRatio)}`,
      );
      console.log(
        `year-slider step, ${SLIDER_EVENTS.toLocaleString('en')} events, median of ${STEPS} steps to the frame showing it`,
      );
      console.log(
        `  setFilter on one source          ${f.step_median_ms} ms  target ≤ ${TARGETS.sliderStepMs} ms ${mark(stepMs <= TARGETS.sliderStepMs)}` +
          `  (count+state+filter ${f.compute_median_ms} ms, first render ${f.first_render_median_ms} ms, idle ${f.idle_median_ms} ms, slowest ${f.step_max_ms} ms, setup ${f.setup_ms} ms)`,
      );
      console.log(
        `  opacity, one source per year     ${y.step_median_ms} ms  (count+state+opacity ${y.compute_median_ms} ms, first render ${y.first_render_median_ms} ms, idle ${y.idle_median_ms} ms, slowest ${y.step_max_ms} ms, setup ${y.setup_ms} ms)`,
      );
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
