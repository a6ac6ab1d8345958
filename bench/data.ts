/**
 * `npx tsx bench/data.ts [--rows N] [--steps N] [--json]`: the app with a large imported file in
 * headless Chromium (see bench/app-data.ts): the import of N synthetic rows (default 100,000) with
 * its long tasks, then year-slider steps. Builds the app into a temporary folder and serves it on
 * 127.0.0.1. A benchmark: it prints figures and exits 0 whatever the speed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { openBrowser } from '../test/browser/browser.ts';
import { sliderInApp, withImportedFile } from './app-data.ts';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const rows = arg('--rows', 100_000);
const steps = arg('--steps', 20);
const root = fileURLToPath(new URL('..', import.meta.url));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const outDir = mkdtempSync(join(tmpdir(), 'kz-atlas-data-bench-'));
try {
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
  const url = server.resolvedUrls!.local[0]!;
  const browser = await openBrowser();
  try {
    const result = await withImportedFile(browser, url, rows, async (page, figures) => ({
      figures,
      steps: await sliderInApp(page, steps),
    }));
    const f = result.figures;
    const out = {
      rows,
      megabytes: Number(f.megabytes.toFixed(1)),
      read_ms: Math.round(f.readMs),
      add_ms: Math.round(f.addMs),
      script_tasks_over_100ms: f.scriptTasksOver100.length,
      longest_script_task_ms: Math.max(0, ...f.scriptTasksOver100.map((t) => t.ms)),
      script_tasks: f.scriptTasksOver100.map((t) => `${t.ms} ms ${t.cause}`),
      frame_tasks_over_100ms: f.frameTasksOver100.length,
      longest_frame_task_ms: Math.max(0, ...f.frameTasksOver100),
      baseline_frame_ms: f.baselineFrameMs,
      slider_step_median_ms: Math.round(median(result.steps)),
      slider_step_max_ms: Math.round(Math.max(...result.steps)),
    };
    if (process.argv.includes('--json')) console.log(JSON.stringify(out));
    else {
      console.log(`Chromium (software rendering), ${rows.toLocaleString('en')} synthetic rows, ${out.megabytes} MB`);
      console.log(`read in the worker: ${out.read_ms} ms; added to the map until drawn: ${out.add_ms} ms`);
      console.log(
        `main-thread script tasks over 100 ms from pick to drawn: ${out.script_tasks_over_100ms}` +
          (out.script_tasks_over_100ms ? `: ${out.script_tasks.join(', ')}` : '') +
          ' (target 0)',
      );
      console.log(
        `frames read back over 100 ms (software GL): ${out.frame_tasks_over_100ms}, longest ${out.longest_frame_task_ms} ms; ` +
          `the same map without the file, longest frame: ${out.baseline_frame_ms} ms`,
      );
      console.log(
        `year-slider step, median of ${steps}: ${out.slider_step_median_ms} ms (max ${out.slider_step_max_ms}; target ≤ 100 ms)`,
      );
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
