/**
 * Size budget of the production build. Builds the app with Vite's `build()` into a temporary folder
 * (the project's vite.config.ts, plus, inline, a `manualChunks` that puts maplibre-gl in a chunk of
 * its own and a plugin that records which modules went into which chunk), then:
 *
 * - prints the gzip size (level 9) of every JS, CSS and data file;
 * - checks app code + data ≤ 100 KB gzip: every JS chunk but maplibre-gl's, the boundary and
 *   context GeoJSON, the curated CSVs (CSS, fonts and maplibre-gl are reported, not counted);
 * - checks that maplibre-gl's worker is emitted exactly once (one file, and its code in no chunk);
 * - checks that no package is bundled twice (one module in two chunks, or one package from two
 *   folders, i.e. two versions);
 * - lists what weighs most in the app's JS, by package (each module's share of its chunk's gzip).
 *
 * `npx tsx bench/budget.ts [--json]`. Exits 1 when a check fails, naming what is over.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

const BUDGET_KB = 100;
const root = fileURLToPath(new URL('..', import.meta.url));
const log = (text: string) => process.stderr.write(`${text}\n`);
const gzip = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The package a module belongs to (`maplibre-gl`, `@turf/helpers`), or its project folder. */
function ownerOf(id: string): string {
  const clean = id.replace(/^\0/, '').split('?')[0]!;
  const at = clean.lastIndexOf(`node_modules${sep}`);
  if (at < 0) {
    const local = relative(root, clean);
    return local.startsWith('..') ? clean : local.split(sep).slice(0, 2).join('/');
  }
  const parts = clean.slice(at + 'node_modules'.length + 1).split(sep);
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** The folder a package was bundled from, to tell two copies of one package apart. */
function packageFolder(id: string): string | null {
  const clean = id.replace(/^\0/, '').split('?')[0]!;
  const at = clean.lastIndexOf(`node_modules${sep}`);
  if (at < 0) return null;
  const owner = ownerOf(clean);
  return clean.slice(0, at + 'node_modules'.length + 1 + owner.length);
}

const isMaplibre = (id: string) => id.includes(`${sep}node_modules${sep}maplibre-gl${sep}`);

interface ChunkInfo {
  file: string;
  modules: { id: string; code: string }[];
}

/** Records each chunk's modules (with their rendered code) as the bundle is written. */
function recordChunks(chunks: ChunkInfo[]): Plugin {
  return {
    name: 'kz-atlas-budget',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks.push({
          file: output.fileName,
          modules: Object.entries(output.modules).map(([id, m]) => ({ id, code: m.code ?? '' })),
        });
      }
    },
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const outDir = mkdtempSync(join(tmpdir(), 'kz-atlas-budget-'));
try {
  log(`building into ${outDir}`);
  const chunks: ChunkInfo[] = [];
  await build({
    root,
    logLevel: 'warn',
    plugins: [recordChunks(chunks)],
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 100_000,
      rolldownOptions: {
        output: { manualChunks: (id: string) => (isMaplibre(id) ? 'maplibre-gl' : undefined) },
      },
    },
  });

  // Every emitted file with its kind and gzip size.
  type Kind = 'maplibre-gl JS' | 'maplibre-gl worker' | 'app JS' | 'CSS' | 'boundaries' | 'CSV' | 'font' | 'other';
  const chunkByFile = new Map(chunks.map((c) => [c.file, c]));
  const files = filesUnder(outDir)
    .filter((path) => !path.endsWith('.map'))
    .map((path) => {
      const file = relative(outDir, path).split(sep).join('/');
      const chunk = chunkByFile.get(file);
      const kind: Kind = /maplibre-gl-worker/.test(file)
        ? 'maplibre-gl worker'
        : chunk && chunk.modules.length > 0 && chunk.modules.every((m) => isMaplibre(m.id))
          ? 'maplibre-gl JS'
          : /\.m?js$/.test(file)
            ? 'app JS'
            : file.endsWith('.css')
              ? 'CSS'
              : /\.(geo|topo)?json$/.test(file)
                ? 'boundaries'
                : file.endsWith('.csv')
                  ? 'CSV'
                  : /\.(woff2?|ttf|otf)$/.test(file)
                    ? 'font'
                    : 'other';
      const bytes = readFileSync(path);
      return { file, kind, bytes: bytes.length, gzip: gzip(bytes) };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || b.gzip - a.gzip);

  const counted = files.filter((f) => ['app JS', 'boundaries', 'CSV'].includes(f.kind));
  const appTotal = counted.reduce((s, f) => s + f.gzip, 0);
  const sum = (kind: Kind) => files.filter((f) => f.kind === kind).reduce((s, f) => s + f.gzip, 0);

  // What weighs most in the app's JS: each module's share of its chunk's gzip, by package.
  const weights = new Map<string, number>();
  for (const f of files.filter((x) => x.kind === 'app JS')) {
    const chunk = chunkByFile.get(f.file);
    if (!chunk) continue;
    const raw = chunk.modules.map((m) => ({ owner: ownerOf(m.id), size: gzip(m.code) }));
    const total = raw.reduce((s, m) => s + m.size, 0) || 1;
    for (const m of raw) weights.set(m.owner, (weights.get(m.owner) ?? 0) + (m.size / total) * f.gzip);
  }
  // turf is many small packages: also shown as one.
  const turf = [...weights].filter(([owner]) => owner.startsWith('@turf/'));
  if (turf.length > 1)
    weights.set(
      `@turf/* (${turf.length} packages together)`,
      turf.reduce((s, [, w]) => s + w, 0),
    );
  const heaviest = [...weights].sort((a, b) => b[1] - a[1]).slice(0, 15);

  // Checks.
  const problems: string[] = [];
  if (appTotal > BUDGET_KB * 1024) {
    const byKind = (['app JS', 'boundaries', 'CSV'] as const).map((k) => `${k} ${kb(sum(k))} KB`).join(', ');
    problems.push(
      `app code + data is ${kb(appTotal)} KB gzip, over the ${BUDGET_KB} KB budget by ${kb(appTotal - BUDGET_KB * 1024)} KB (${byKind}); heaviest: ${heaviest
        .slice(0, 5)
        .map(([owner, size]) => `${owner} ${kb(size)} KB`)
        .join(', ')}`,
    );
  }
  const workerFiles = files.filter((f) => f.kind === 'maplibre-gl worker');
  // The `?url` import of the worker is a one-line module holding its file name; its code in a chunk
  // (or inlined as a data URL) would be a second copy.
  const workerInChunks = chunks.filter((c) =>
    c.modules.some((m) => /maplibre-gl-worker/.test(m.id) && (!m.id.includes('?url') || m.code.length > 10_000)),
  );
  if (workerFiles.length !== 1 || workerInChunks.length > 0) {
    problems.push(
      `maplibre-gl's worker must be emitted exactly once: ${workerFiles.length} file(s) (${workerFiles.map((f) => f.file).join(', ')})` +
        (workerInChunks.length ? `, and bundled into ${workerInChunks.map((c) => c.file).join(', ')}` : ''),
    );
  }
  const chunksOfModule = new Map<string, string[]>();
  const foldersOfPackage = new Map<string, Set<string>>();
  for (const chunk of chunks) {
    for (const { id } of chunk.modules) {
      chunksOfModule.set(id, [...(chunksOfModule.get(id) ?? []), chunk.file]);
      const folder = packageFolder(id);
      if (folder) foldersOfPackage.set(ownerOf(id), (foldersOfPackage.get(ownerOf(id)) ?? new Set()).add(folder));
    }
  }
  for (const [id, inChunks] of chunksOfModule) {
    if (inChunks.length > 1)
      problems.push(`${relative(root, id)} is bundled in ${inChunks.length} chunks: ${inChunks.join(', ')}`);
  }
  for (const [name, folders] of foldersOfPackage) {
    if (folders.size > 1) {
      problems.push(`${name} is bundled twice, from ${[...folders].map((f) => relative(root, f)).join(' and ')}`);
    }
  }

  const report = {
    budget_kb: BUDGET_KB,
    app_total_gzip_kb: Number(kb(appTotal)),
    app_js_gzip_kb: Number(kb(sum('app JS'))),
    boundaries_gzip_kb: Number(kb(sum('boundaries'))),
    csv_gzip_kb: Number(kb(sum('CSV'))),
    maplibre_js_gzip_kb: Number(kb(sum('maplibre-gl JS'))),
    maplibre_worker_gzip_kb: Number(kb(sum('maplibre-gl worker'))),
    css_gzip_kb: Number(kb(sum('CSS'))),
    fonts_gzip_kb: Number(kb(sum('font'))),
    files: files.map((f) => ({ file: f.file, kind: f.kind, bytes: f.bytes, gzip: f.gzip })),
    heaviest: heaviest.map(([owner, size]) => ({ owner, gzip_kb: Number(kb(size)) })),
    problems,
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(report));
  else {
    const width = Math.max(...files.map((f) => f.file.length), 20);
    console.log(`${'file'.padEnd(width)}  ${'kind'.padEnd(18)}  ${'bytes'.padStart(10)}  ${'gzip'.padStart(10)}`);
    console.log(`${'-'.repeat(width)}  ${'-'.repeat(18)}  ${'-'.repeat(10)}  ${'-'.repeat(10)}`);
    for (const f of files.filter((x) => x.kind !== 'font' && x.kind !== 'other')) {
      console.log(
        `${f.file.padEnd(width)}  ${f.kind.padEnd(18)}  ${String(f.bytes).padStart(10)}  ${`${kb(f.gzip)} KB`.padStart(10)}`,
      );
    }
    const fonts = files.filter((f) => f.kind === 'font' || f.kind === 'other');
    console.log(
      `(${fonts.length} font and other files, ${kb(fonts.reduce((s, f) => s + f.gzip, 0))} KB gzip, not counted)`,
    );
    console.log('');
    console.log(
      `maplibre-gl: main ${kb(sum('maplibre-gl JS'))} KB + worker ${kb(sum('maplibre-gl worker'))} KB gzip (not counted)`,
    );
    console.log(
      `app code + data: JS ${kb(sum('app JS'))} + boundaries ${kb(sum('boundaries'))} + CSV ${kb(sum('CSV'))} = ${kb(appTotal)} KB gzip, budget ${BUDGET_KB} KB ${appTotal <= BUDGET_KB * 1024 ? '✓' : '✗'}`,
    );
    console.log(
      `maplibre-gl worker emitted once ${workerFiles.length === 1 && workerInChunks.length === 0 ? '✓' : '✗'}`,
    );
    console.log(
      `no package bundled twice ${problems.some((p) => /bundled (twice|in \d+ chunks)/.test(p)) ? '✗' : '✓'}`,
    );
    console.log('');
    console.log('heaviest in the app JS (gzip, by package or folder):');
    for (const [owner, size] of heaviest) console.log(`  ${`${kb(size)} KB`.padStart(9)}  ${owner}`);
    for (const p of problems) console.error(`OVER BUDGET: ${p}`);
  }
  if (problems.length > 0) process.exitCode = 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
