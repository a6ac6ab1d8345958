/**
 * Size budget of the production build: what a visitor downloads to see the map, and what each
 * user action adds. Builds the app exactly as `npm run build` does (vite.config.ts; only the output
 * folder differs, plus a plugin that records which modules went into which chunk), serves it with
 * `vite preview` on 127.0.0.1 and opens it in Debian's headless Chromium.
 *
 * Sizes are gzip, level 9, of each emitted file.
 *
 * Start-up load, budget BUDGET_KB: every file the browser fetches, with no user action, from
 * navigation until the default map is complete (choropleth and markers: bench/first-map.ts; no
 * query string, English, nothing stored in the browser) and the network has then been quiet for a
 * second. That is the HTML, the app's JS (the entry chunk, its static imports, which index.html
 * also modulepreloads, and any chunk imported at start), the app's CSS, the boundary files and the
 * curated data (the curated files' digest, and any CSV file fetched), plus the favicon. Found two
 * ways: the entry's static import graph in the build (always loaded) and the requests Chromium
 * makes (which also catch a dynamic import at start).
 * Reported, not counted: maplibre-gl's JS, CSS and worker and the Noto Sans font files, which are
 * not the app's own code or data.
 *
 * Lazy chunks: every other JS file of the build, each loaded by a user action that LAZY_ACTIONS
 * names after the module the chunk is made for (the target of an `import()`, or a worker); a lazy
 * chunk that no action names fails the check, so that nothing lands in the build unaccounted for.
 * Per action, what a user then waits for (the chunk, its static imports, and the lazy chunks that
 * must load before it, less what the start-up load has fetched) must stay within LAZY_BUDGET_KB:
 * looser, since a visitor waits for it once, after asking for the feature.
 *
 * Also checked: maplibre-gl's worker is one file, its code in no chunk, fetched once at start; no
 * module is in two chunks and no package comes from two folders (two versions). Modules that the
 * user-data worker bundles again (a worker is a separate JavaScript realm and cannot share the
 * page's chunks) are listed.
 *
 * `npx tsx bench/budget.ts [--json]`. Exits 1 when a check fails, naming what is over.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, preview, type Plugin } from 'vite';
import { openBrowser, openPage } from '../test/browser/browser.ts';
import { firstMapTimes, watchFirstCompleteMap } from './first-map.ts';

/**
 * The atlas's own data grew tenfold (211 incident statements from 136 sources instead of 21 from 6,
 * 77 events, all of them in the default view's markers, lists and timeline); the start-up digest
 * holds only what that view shows (one title per event; the statements' other titles, their sources
 * and every text wait for the panels), and what only the panels, the readers, rates and large files
 * use waits with them. Measured 98.8 KB (docs/performance.md).
 */
const BUDGET_KB = 100;
/** Per user action; the heaviest, a zipped shapefile (proj4 reprojection), is about 76 KB (the importer with the full gazetteer, proj4). */
const LAZY_BUDGET_KB = 80;
/** After the first complete map, the network must be quiet this long before the start-up load is closed. */
const QUIET_MS = 1000;

/**
 * The user action that loads each lazy chunk, by the module the chunk is made for (the target of
 * an `import()`, or a worker's entry).
 */
const LAZY_ACTIONS: Record<string, string> = {
  'src/core/boundaries/importer.ts': 'Boundaries: reading a GeoJSON or TopoJSON file (matching, repair, union)',
  'src/ui/BoundaryReport.svelte': 'Boundaries: the report on a file read (with the importer)',
  shpjs: 'Boundaries: reading a zipped shapefile (shpjs, proj4 reprojection), after the importer',
  'src/core/geo/union-impl.ts':
    'Boundaries: an imported set added, or restored from this browser (polygon union, dissolving, interior points)',
  'src/ui/DataImportReader.svelte': 'Your data: a data file picked or dropped (the reader and its report)',
  'src/workers/user-data.worker.ts': 'Your data: reading a data file (the Web Worker), after the reader',
  'src/core/userdata/workbook.ts':
    'Your data: an Excel workbook (.xlsx) read (read-excel-file), in the Web Worker, after the reader and the worker',
  'src/state/bulk-layers.ts':
    'Your data: the first file of over 5,000 statements added or restored (its counts, timeline and rows, in columns)',
  'src/map/marker-tiles.ts':
    "Your data: the first file of over 5,000 statements shown on the map (the page's side of its marker tiles)",
  'src/workers/markers.worker.ts':
    "Your data: a large file's markers (the marker worker), when a file of over 5,000 statements is added or restored",
  'src/ui/DatasetList.svelte':
    'Your data: the list of kept files, with the first file kept (a visit after an import, or an import)',
  'src/ui/NationalFigures.svelte':
    "National figures: an indicator's line first opened (its chart, linked figures, notes and sources)",
  'src/state/stores.ts':
    'Stored imports: a visit after an import (restored from IndexedDB), or the first import kept (IndexedDB stores)',
  'src/ui/ClassControls.svelte': 'Legend: "Classes and colours" opened (method, classes, palette, fixed scale)',
  'src/ui/ExportPanel.svelte': 'Export: the menu opened (its panel)',
  'src/ui/SharePanel.svelte': 'Share / Embed: the menu opened (the link and the iframe snippet, copying)',
  'src/state/load-full.ts':
    'Curated files in full (PapaParse): their quotes, notes and citations with the first selection, national figure opened or export; the population table and the rate functions when rates are first chosen',
  'src/ui/exports.ts': 'Export: the first CSV, GeoJSON or PNG export (writers, PNG frame)',
  'src/ui/TableView.svelte': 'Table: the table view opened',
  'src/ui/SelectionDetails.svelte': 'Details: a unit, city or incident selected (profile, statements)',
  'src/ui/EmbedLegend.svelte': 'Embedded map (?embed): its compact legend',
  'src/i18n/messages/en-panels.ts':
    'English words of the panels and menus loaded on demand: with the first of them (details, table, readers, class controls, Export, Share / Embed, embedded legend)',
  'src/i18n/messages/ru.ts': 'Language: Russian chosen (or asked for by a link or an earlier visit)',
  'src/i18n/messages/kk.ts': 'Language: Kazakh chosen (or asked for by a link or an earlier visit)',
};

const root = fileURLToPath(new URL('..', import.meta.url));
const log = (text: string) => process.stderr.write(`${text}\n`);
const gzip = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const sumOf = (files: readonly { gzip: number }[]) => files.reduce((s, f) => s + f.gzip, 0);

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
  return clean.slice(0, at + 'node_modules'.length + 1 + ownerOf(clean).length);
}

/** A module id as a project path (`src/ui/App.svelte`), for reports and LAZY_ACTIONS. */
const projectPath = (id: string) => relative(root, id.replace(/^\0/, '').split('?')[0]!).split(sep).join('/');

const isMaplibre = (id: string) => id.includes(`${sep}node_modules${sep}maplibre-gl${sep}`);

interface ChunkInfo {
  file: string;
  isEntry: boolean;
  /** The module the chunk was made for (an entry or an `import()` target); null for a shared chunk. */
  facade: string | null;
  imports: string[];
  dynamicImports: string[];
  css: string[];
  assets: string[];
  modules: { id: string; code: string }[];
}

/** Records each chunk's modules (with their rendered code) and links as the bundle is written. */
function recordChunks(chunks: ChunkInfo[]): Plugin {
  return {
    name: 'kz-atlas-budget',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const meta = (output as { viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } })
          .viteMetadata;
        chunks.push({
          file: output.fileName,
          isEntry: output.isEntry,
          facade: output.facadeModuleId ? projectPath(output.facadeModuleId) : null,
          imports: output.imports,
          dynamicImports: output.dynamicImports,
          css: [...(meta?.importedCss ?? [])],
          assets: [...(meta?.importedAssets ?? [])],
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

/** Files reached from `start` through static imports, `start` included. */
function staticClosure(start: readonly string[], chunkByFile: ReadonlyMap<string, ChunkInfo>): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of chunkByFile.get(file)?.imports ?? []) visit(next);
  };
  start.forEach(visit);
  return seen;
}

/**
 * Opens the built app and records, in order, the paths it requests from navigation until its map
 * is complete and the network has been quiet for QUIET_MS; also the time of the first complete map.
 */
async function startupRequests(base: string): Promise<{ paths: string[]; firstMapMs: number; errors: string[] }> {
  const browser = await openBrowser();
  try {
    const { page, consoleErrors, externalRequests } = await openPage(browser);
    const paths: string[] = [];
    let inFlight = 0;
    let lastActivity = Date.now();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http')) paths.push(decodeURIComponent(url.pathname));
      inFlight += 1;
      lastActivity = Date.now();
    });
    const settled = () => {
      inFlight -= 1;
      lastActivity = Date.now();
    };
    page.on('requestfinished', settled);
    page.on('requestfailed', settled);
    await page.addInitScript({ content: watchFirstCompleteMap('app') });
    await page.goto(base);
    const { complete } = await firstMapTimes(page, 60_000);
    while (inFlight > 0 || Date.now() - lastActivity < QUIET_MS) await page.waitForTimeout(100);
    return {
      paths,
      firstMapMs: complete,
      errors: [...consoleErrors, ...externalRequests.map((url) => `request leaving the machine: ${url}`)],
    };
  } finally {
    await browser.close();
  }
}

const outDir = mkdtempSync(join(tmpdir(), 'kz-atlas-budget-'));
try {
  log(`building into ${outDir}`);
  const chunks: ChunkInfo[] = [];
  const workerChunks: ChunkInfo[] = [];
  await build({
    root,
    logLevel: 'warn',
    plugins: [recordChunks(chunks)],
    worker: { plugins: () => [recordChunks(workerChunks)] },
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 100_000 },
  });
  const chunkByFile = new Map(chunks.map((c) => [c.file, c]));
  const workerByFile = new Map(workerChunks.map((c) => [c.file, c]));

  // Every emitted file with its kind and gzip size.
  type Kind =
    | 'HTML'
    | 'app JS'
    | 'app CSS'
    | 'boundaries'
    | 'data'
    | 'maplibre-gl JS'
    | 'maplibre-gl CSS'
    | 'maplibre-gl worker'
    | 'font'
    | 'other';
  const maplibreChunks = chunks.filter((c) => c.modules.length > 0 && c.modules.every((m) => isMaplibre(m.id)));
  const maplibreCss = new Set(maplibreChunks.flatMap((c) => c.css));
  const kindOf = (file: string): Kind =>
    /maplibre-gl-worker/.test(file)
      ? 'maplibre-gl worker'
      : maplibreChunks.some((c) => c.file === file)
        ? 'maplibre-gl JS'
        : maplibreCss.has(file)
          ? 'maplibre-gl CSS'
          : /\.m?js$/.test(file)
            ? 'app JS'
            : file.endsWith('.css')
              ? 'app CSS'
              : file.endsWith('.html')
                ? 'HTML'
                : /\.(geo|topo)json$/.test(file)
                  ? 'boundaries'
                  : file.endsWith('.csv') || file === 'data/digest.json'
                    ? 'data'
                    : /\.(woff2?|ttf|otf)$/.test(file)
                      ? 'font'
                      : 'other';
  const files = filesUnder(outDir)
    .filter((path) => !path.endsWith('.map'))
    .map((path) => {
      const file = relative(outDir, path).split(sep).join('/');
      const bytes = readFileSync(path);
      return { file, kind: kindOf(file), bytes: bytes.length, gzip: gzip(bytes) };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || b.gzip - a.gzip);
  const fileByName = new Map(files.map((f) => [f.file, f]));
  type File = (typeof files)[number];
  const notCounted = (f: File) => f.kind.startsWith('maplibre-gl') || f.kind === 'font';

  // The start-up load: the entry's static graph, and what the browser fetched.
  const entries = chunks.filter((c) => c.isEntry).map((c) => c.file);
  const staticStartup = staticClosure(entries, chunkByFile);
  log('serving the build and loading the default map in Chromium');
  const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
  const address = server.httpServer.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 4173}/`;
  let fetched: Awaited<ReturnType<typeof startupRequests>>;
  try {
    fetched = await startupRequests(base);
  } finally {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  const fetchedFiles = fetched.paths.map((p) => (p === '/' ? 'index.html' : p.replace(/^\//, '')));
  const unknownRequests = [...new Set(fetchedFiles.filter((f) => !fileByName.has(f)))];
  const startupNames = new Set([...staticStartup, ...fetchedFiles.filter((f) => fileByName.has(f))]);
  const startup = files.filter((f) => startupNames.has(f.file));
  const counted = startup.filter((f) => !notCounted(f));
  const countedTotal = sumOf(counted);
  /** Chunks fetched at start that no static import reaches: dynamic imports made with no user action. */
  const dynamicAtStart = counted.filter((f) => f.kind === 'app JS' && !staticStartup.has(f.file));

  // Lazy chunks, grouped by the action that loads them.
  const lazyJs = files.filter((f) => /\.(m?js|css)$/.test(f.file) && !startupNames.has(f.file) && !notCounted(f));
  const lazyEntries = lazyJs.filter((f) => chunkByFile.get(f.file)?.facade || workerByFile.has(f.file));
  /** A lazy chunk's own files: it, its static imports and their CSS, less what the start-up load has fetched. */
  const ownFiles = (file: string) =>
    [...staticClosure([file], chunkByFile)]
      .flatMap((name) => [name, ...(chunkByFile.get(name)?.css ?? [])])
      .filter((name, i, all) => !startupNames.has(name) && all.indexOf(name) === i);
  /** The chunks (start-up or lazy) whose code loads a lazy chunk, through `import()` or `new Worker`. */
  const loadersOf = (file: string) =>
    chunks.filter((c) => c.dynamicImports.includes(file) || c.assets.includes(file)).map((c) => c.file);
  /**
   * Everything a user waits for when an action first needs a lazy chunk: its own files and those of
   * the lazy chunks that must load before it (shpjs loads from the boundary importer). Where several
   * routes lead to it, the heaviest one.
   */
  function actionFiles(file: string, seen: ReadonlySet<string> = new Set()): Set<string> {
    const own = new Set(ownFiles(file));
    let heaviest = new Set<string>();
    for (const loader of loadersOf(file)) {
      if (startupNames.has(loader)) continue;
      const entry = lazyEntries.find((e) => !seen.has(e.file) && ownFiles(e.file).includes(loader));
      if (!entry) continue;
      const route = actionFiles(entry.file, new Set([...seen, file]));
      if (sumOf([...route].map((n) => fileByName.get(n)!)) > sumOf([...heaviest].map((n) => fileByName.get(n)!)))
        heaviest = route;
    }
    return new Set([...heaviest, ...own]);
  }
  const actions = lazyEntries.map((f) => {
    const facade = chunkByFile.get(f.file)?.facade ?? workerByFile.get(f.file)?.facade ?? f.file;
    // A package's entry is named by the package (`shpjs`), a project module by its path.
    const module = facade.includes('node_modules/') ? ownerOf(join(root, facade)) : facade;
    const loads = [...actionFiles(f.file)].map((name) => fileByName.get(name)!);
    return { module, action: LAZY_ACTIONS[module] ?? null, loads, loadedBy: loadersOf(f.file), gzip: sumOf(loads) };
  });
  const inSomeAction = new Set(actions.flatMap((a) => a.loads.map((f) => f.file)));
  const orphans = lazyJs.filter((f) => !inSomeAction.has(f.file));

  // What weighs most, by package or project folder: each module's share of its chunk's gzip.
  function weights(
    ofFiles: readonly File[],
    byChunk: ReadonlyMap<string, ChunkInfo>,
    keyOf: (id: string) => string = ownerOf,
  ): [string, number][] {
    const total = new Map<string, number>();
    for (const f of ofFiles) {
      const chunk = byChunk.get(f.file);
      if (!chunk) continue;
      const raw = chunk.modules.map((m) => ({ owner: keyOf(m.id), size: gzip(m.code) }));
      const sum = raw.reduce((s, m) => s + m.size, 0) || 1;
      for (const m of raw) total.set(m.owner, (total.get(m.owner) ?? 0) + (m.size / sum) * f.gzip);
    }
    // turf is many small packages: also shown as one.
    const turf = [...total].filter(([owner]) => owner.startsWith('@turf/'));
    if (turf.length > 1)
      total.set(
        `@turf/* (${turf.length} packages together)`,
        turf.reduce((s, [, w]) => s + w, 0),
      );
    return [...total].sort((a, b) => b[1] - a[1]);
  }
  const allChunks = new Map([...chunkByFile, ...workerByFile]);
  const startupWeights = weights(
    counted.filter((f) => f.kind === 'app JS'),
    chunkByFile,
  );

  // Checks.
  const problems: string[] = [];
  const byKind = (list: readonly File[]) =>
    [...new Set(list.map((f) => f.kind))].map((k) => `${k} ${kb(sumOf(list.filter((f) => f.kind === k)))} KB`);
  if (countedTotal > BUDGET_KB * 1024) {
    problems.push(
      `the start-up load is ${kb(countedTotal)} KB gzip, over the ${BUDGET_KB} KB budget by ${kb(countedTotal - BUDGET_KB * 1024)} KB (${byKind(counted).join(', ')}); heaviest JS: ${startupWeights
        .slice(0, 5)
        .map(([owner, size]) => `${owner} ${kb(size)} KB`)
        .join(', ')}`,
    );
  }
  for (const a of actions) {
    if (a.action === null)
      problems.push(
        `the lazy chunk for ${a.module} (${a.loads.map((f) => f.file).join(', ')}) has no user action in LAZY_ACTIONS`,
      );
    if (a.gzip > LAZY_BUDGET_KB * 1024)
      problems.push(`${a.action ?? a.module} loads ${kb(a.gzip)} KB gzip, over the ${LAZY_BUDGET_KB} KB lazy budget`);
  }
  for (const f of orphans) problems.push(`${f.file} is emitted but neither loaded at start nor by a lazy chunk`);
  for (const f of unknownRequests) problems.push(`the page requested ${f}, which the build did not emit`);
  for (const e of fetched.errors) problems.push(`the page reported: ${e}`);
  const workerFiles = files.filter((f) => f.kind === 'maplibre-gl worker');
  // The `?url` import of the worker is a one-line module holding its file name; its code in a chunk
  // (or inlined as a data URL) would be a second copy.
  const workerInChunks = chunks.filter((c) =>
    c.modules.some((m) => /maplibre-gl-worker/.test(m.id) && (!m.id.includes('?url') || m.code.length > 10_000)),
  );
  const workerFetches = fetchedFiles.filter((f) => /maplibre-gl-worker/.test(f)).length;
  const workerOnce = workerFiles.length === 1 && workerInChunks.length === 0 && workerFetches === 1;
  if (!workerOnce) {
    problems.push(
      `maplibre-gl's worker must be emitted and fetched exactly once: ${workerFiles.length} file(s) (${workerFiles.map((f) => f.file).join(', ')}), fetched ${workerFetches} time(s) at start` +
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
  const duplicates: string[] = [];
  for (const [id, inChunks] of chunksOfModule) {
    if (inChunks.length > 1)
      duplicates.push(`${projectPath(id)} is bundled in ${inChunks.length} chunks: ${inChunks.join(', ')}`);
  }
  for (const [name, folders] of foldersOfPackage) {
    if (folders.size > 1)
      duplicates.push(`${name} is bundled twice, from ${[...folders].map((f) => relative(root, f)).join(' and ')}`);
  }
  problems.push(...duplicates);
  const pageModules = new Set(chunks.flatMap((c) => c.modules.map((m) => m.id)));
  const alsoInWorkers = [
    ...new Set(
      workerChunks.flatMap((c) =>
        c.modules.filter((m) => pageModules.has(m.id) && m.code.length > 0).map((m) => ownerOf(m.id)),
      ),
    ),
  ].sort();

  const report = {
    budget_kb: BUDGET_KB,
    lazy_budget_kb: LAZY_BUDGET_KB,
    startup_gzip_kb: Number(kb(countedTotal)),
    startup_by_kind_gzip_kb: Object.fromEntries(
      [...new Set(counted.map((f) => f.kind))].map((k) => [k, Number(kb(sumOf(counted.filter((f) => f.kind === k))))]),
    ),
    startup_not_counted_gzip_kb: Object.fromEntries(
      [...new Set(startup.filter(notCounted).map((f) => f.kind))].map((k) => [
        k,
        Number(kb(sumOf(startup.filter((f) => notCounted(f) && f.kind === k)))),
      ]),
    ),
    startup_files: startup.map((f) => ({ ...f, counted: !notCounted(f), static: staticStartup.has(f.file) })),
    startup_dynamic_imports: dynamicAtStart.map((f) => f.file),
    startup_heaviest_js: startupWeights.slice(0, 20).map(([owner, size]) => ({ owner, gzip_kb: Number(kb(size)) })),
    first_map_ms: Math.round(fetched.firstMapMs),
    lazy: actions.map((a) => ({
      module: a.module,
      action: a.action,
      gzip_kb: Number(kb(a.gzip)),
      files: a.loads.map((f) => ({ file: f.file, gzip: f.gzip })),
      loaded_from: a.loadedBy,
      heaviest: weights(a.loads, allChunks)
        .slice(0, 6)
        .map(([owner, size]) => ({ owner, gzip_kb: Number(kb(size)) })),
    })),
    maplibre_worker_once: workerOnce,
    also_in_the_user_data_worker: alsoInWorkers,
    files: files.map((f) => ({ file: f.file, kind: f.kind, bytes: f.bytes, gzip: f.gzip })),
    problems,
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(report));
  else {
    const mark = (ok: boolean) => (ok ? '✓' : '✗');
    const width = Math.max(...files.map((f) => f.file.length), 20);
    const row = (f: File, note = '') =>
      console.log(
        `  ${f.file.padEnd(width)}  ${f.kind.padEnd(18)}  ${String(f.bytes).padStart(9)}  ${`${kb(f.gzip)} KB`.padStart(9)}${note}`,
      );
    console.log(
      `start-up load: fetched with no user action until the default map is complete (${Math.round(fetched.firstMapMs)} ms here) and the network is quiet`,
    );
    console.log(`  ${'file'.padEnd(width)}  ${'kind'.padEnd(18)}  ${'bytes'.padStart(9)}  ${'gzip'.padStart(9)}`);
    for (const f of startup)
      row(
        f,
        notCounted(f)
          ? '  (not counted)'
          : staticStartup.has(f.file) || f.kind !== 'app JS'
            ? ''
            : '  (import() at start)',
      );
    console.log('');
    console.log(
      `  counted: ${byKind(counted).join(' + ')} = ${kb(countedTotal)} KB gzip, budget ${BUDGET_KB} KB ${mark(countedTotal <= BUDGET_KB * 1024)}`,
    );
    console.log(`  not counted: ${byKind(startup.filter(notCounted)).join(', ')}`);
    console.log('  heaviest in the start-up JS (gzip, by package or folder):');
    for (const [owner, size] of startupWeights.slice(0, 15))
      console.log(`    ${`${kb(size)} KB`.padStart(9)}  ${owner}`);
    if (process.argv.includes('--modules')) {
      console.log('  by module (gzip share of its chunk):');
      const byModule = weights(
        counted.filter((f) => f.kind === 'app JS'),
        chunkByFile,
        (id) => (id.includes('node_modules') && !process.argv.includes('--deep') ? ownerOf(id) : projectPath(id)),
      );
      for (const [module, size] of byModule) console.log(`    ${`${kb(size)} KB`.padStart(9)}  ${module}`);
    }
    console.log('');
    console.log(`lazy chunks, by the user action that loads them (budget ${LAZY_BUDGET_KB} KB gzip per action):`);
    for (const a of [...actions].sort((x, y) => y.gzip - x.gzip)) {
      console.log(
        `  ${`${kb(a.gzip)} KB`.padStart(9)}  ${a.action ?? `NO ACTION NAMED for ${a.module}`} ${mark(a.action !== null && a.gzip <= LAZY_BUDGET_KB * 1024)}`,
      );
      console.log(
        `             ${a.loads.map((f) => `${f.file} ${kb(f.gzip)} KB`).join(', ')}; heaviest: ${weights(
          a.loads,
          allChunks,
        )
          .slice(0, 4)
          .map(([owner, size]) => `${owner} ${kb(size)} KB`)
          .join(', ')}`,
      );
    }
    console.log('');
    console.log(
      `maplibre-gl: JS ${kb(sumOf(files.filter((f) => f.kind === 'maplibre-gl JS')))} KB + CSS ${kb(sumOf(files.filter((f) => f.kind === 'maplibre-gl CSS')))} KB + worker ${kb(sumOf(workerFiles))} KB gzip (not counted); worker emitted once, fetched once ${mark(workerOnce)}`,
    );
    console.log(`no module in two chunks, no package from two folders ${mark(duplicates.length === 0)}`);
    if (alsoInWorkers.length)
      console.log(
        `bundled again in the user-data worker (its own realm, loaded on import): ${alsoInWorkers.join(', ')}`,
      );
    for (const p of problems) console.error(`OVER BUDGET: ${p}`);
  }
  if (problems.length > 0) process.exitCode = 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
