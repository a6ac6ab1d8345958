import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { DIGEST_PATH, STARTUP_BOUNDARY_FILES } from './src/state/startup-files.ts';
import { CURATED_KINDS } from './src/core/data/dataset-tables.ts';
import { digestFiles } from './src/core/data/digest-build.ts';
import { validateGazetteer } from './src/core/gazetteer-check.ts';
import { PLACE_DETAIL_FIELDS, UNIT_DETAIL_FIELDS } from './src/core/gazetteer-fields.ts';

/**
 * The Content-Security-Policy of the production build: scripts, styles, fonts, workers and data
 * only from this origin (workers and images also from `blob:`, which MapLibre and the PNG export
 * use; fonts and fetches also from `data:`), no eval, no inline script, no plugin, no form posting
 * anywhere. Inline styles stay allowed: Svelte's `style:` directives and MapLibre set them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "connect-src 'self' data: blob:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * Puts the policy into index.html as a `<meta http-equiv>` right after the charset, before any
 * script or style, at build time only: the dev server injects inline scripts for hot reloading,
 * which the policy would refuse.
 */
function contentSecurityPolicy(): Plugin {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const charset = /<meta charset=[^>]*>/i.exec(html);
        if (charset) return html.replace(charset[0], `${charset[0]}\n    ${meta}`);
        return html.replace(/<head>/i, `<head>\n    ${meta}`);
      },
    },
  };
}

/**
 * The curated files' digest (src/core/data/digest.ts), which the page reads at start instead of
 * static/data/*.csv: emitted by the build at `data/digest.json`, with a part per year for the
 * statistics of later periods (`data/digest-<year>.json`, loaded when a view needs them); made anew
 * on every request by the dev server, so that it always follows the files.
 */
function curatedDigest(): Plugin {
  let publicDir = 'static';
  const files = () =>
    digestFiles(
      Object.fromEntries(
        CURATED_KINDS.map((kind) => [
          kind,
          { file: `static/data/${kind}.csv`, text: readFileSync(join(publicDir, 'data', `${kind}.csv`), 'utf8') },
        ]),
      ) as Parameters<typeof digestFiles>[0],
      DIGEST_PATH,
    );
  return {
    name: 'curated-digest',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = request.url?.split('?')[0] ?? '';
        if (!path.startsWith(server.config.base)) return next();
        const text = files().get(path.slice(server.config.base.length));
        if (text === undefined) return next();
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        response.end(text);
      });
    },
    generateBundle() {
      for (const [fileName, source] of files()) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}

/**
 * Checks the gazetteer (geo/gazetteer/*.json) as a production build bundles it, and that the files
 * are exactly what the checks return: the page then takes them as they are (src/core/gazetteer.ts)
 * and carries no checks. A malformed record fails the build, naming the file, record and field.
 */
function gazetteerCheck(): Plugin {
  let root = '.';
  return {
    name: 'gazetteer-check',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      const read = (name: string): unknown => JSON.parse(readFileSync(join(root, 'geo/gazetteer', name), 'utf8'));
      const [units, places] = [read('units.json'), read('places.json')];
      const checked = validateGazetteer(units, places);
      if (!isDeepStrictEqual(checked, { units, places }))
        this.error('gazetteer: the files differ from what the checks return (src/core/gazetteer-check.ts)');
    },
  };
}

/**
 * The page's start-up gazetteer: src/core/gazetteer.ts reads geo/gazetteer/*.json without the
 * fields that only the details of a selection and the readers of users' files use
 * (src/core/gazetteer-fields.ts: codes, other spellings, history, coordinate notes, and the Kazakh
 * Latin names: some 4 KB gzip of the start-up JS); src/core/gazetteer-details.ts, which loads with
 * those, reads the files whole. Build only: the dev server, the tests and the CLI read the files
 * whole everywhere (and check them; the build checks them in `gazetteerCheck`).
 */
function gazetteerStartFields(): Plugin {
  const prefix = '\0gazetteer-start:';
  let root = '.';
  return {
    name: 'gazetteer-start-fields',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    resolveId(source, importer) {
      const name = /geo\/gazetteer\/(units|places)\.json$/.exec(source)?.[1];
      const fromStart = importer?.replaceAll('\\', '/').endsWith('/src/core/gazetteer.ts') === true;
      return name && fromStart ? `${prefix}${name}` : null;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const name = id.slice(prefix.length);
      const drop = new Set<string>(name === 'units' ? UNIT_DETAIL_FIELDS : PLACE_DETAIL_FIELDS);
      const records = JSON.parse(readFileSync(join(root, 'geo/gazetteer', `${name}.json`), 'utf8')) as object[];
      // Kazakh Latin names too: the interface speaks English, Russian and Kazakh (Cyrillic).
      const uiNames = (names: Record<string, string>) =>
        Object.fromEntries(Object.entries(names).filter(([lang]) => lang !== 'kk_latn'));
      const kept = records.map((r) =>
        Object.fromEntries(
          Object.entries(r)
            .filter(([field]) => !drop.has(field))
            .map(([field, value]) => [field, field === 'names' || field === 'short' ? uiNames(value) : value]),
        ),
      );
      return `export default ${JSON.stringify(kept)};\n`;
    },
  };
}

/**
 * Preloads, from index.html, what the page reads at start besides its code (src/state/startup-files.ts:
 * the curated files' digest and the boundary files), so that it downloads while the scripts load
 * instead of after. Build only: the dev server serves the boundary files under other names.
 */
function preloadStartupData(): Plugin {
  let base = '/';
  return {
    name: 'preload-startup-data',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        // The app's page only (a build of the benchmarks' pages has other entries).
        if (ctx.path !== '/index.html') return [];
        const boundaries = Object.keys(ctx.bundle ?? {}).filter((name) =>
          STARTUP_BOUNDARY_FILES.some((start) => name.startsWith(`assets/${start}-`) && name.endsWith('.topojson')),
        );
        return [DIGEST_PATH, ...boundaries].map((url) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'fetch', crossorigin: '', href: `${base}${url}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/** Whether the app's entry (src/main.ts) imports a module, directly or through static imports. */
function reachedFromApp(id: string, ctx: { getModuleInfo(id: string): { importers: readonly string[] } | null }) {
  const seen = new Set<string>();
  const pending = [id];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (/[\\/]src[\\/]main\.ts$/.test(next)) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...(ctx.getModuleInfo(next)?.importers ?? []));
  }
  return false;
}

export default defineConfig({
  plugins: [
    gazetteerStartFields(),
    svelte(),
    contentSecurityPolicy(),
    curatedDigest(),
    gazetteerCheck(),
    preloadStartupData(),
  ],
  publicDir: 'static',
  // Module workers (both are created with `type: 'module'`), so that a worker's `import()` stays a
  // chunk of its own: the import worker loads the workbook reader only for an .xlsx file.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // maplibre-gl (about 290 KB gzip) in a chunk of its own: cached across releases of the app, and
    // the app's own code measurable apart from it. Its 1.1 MB minified would trip Vite's 500 kB
    // warning; the app's own sizes are checked by `npm run budget` instead.
    chunkSizeWarningLimit: 1200,
    // No modulepreload polyfill: browsers without <link rel="modulepreload"> (Safari before 17)
    // run the app the same, fetching its modules as the imports ask for them.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'maplibre-gl', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/, priority: 2 },
            // Everything else the page needs at start in one chunk: modules that lazy chunks share
            // with it would otherwise become small chunks of their own, each compressed on its own.
            // Only the app's: a build of other pages (the benchmarks') is left as rolldown splits it.
            {
              name: (id, ctx) => (reachedFromApp(id, ctx) ? 'app' : null),
              debugName: 'app',
              tags: ['$initial'],
              priority: 1,
            },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/geo/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/server.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
