/**
 * The direction of the dependencies is kept by the lint (eslint.config.js, `LAYERS`): an import
 * against it makes `npm run check` fail. Each snippet is linted as if it stood in the named file.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The messages of the layer rules for `code` placed at `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

const importing = (source: string) => `import * as m from '${source}';\nexport const n = Object.keys(m).length;\n`;
const svelteImporting = (source: string) =>
  `<script lang="ts">\n  import * as m from '${source}';\n  const n = Object.keys(m).length;\n</script>\n\n<p>{n}</p>\n`;

describe('dependencies point one way', () => {
  it.each([
    ['src/core/export/probe.ts', '../../i18n/translate.ts', 'src/i18n'],
    ['src/core/probe.ts', '../state/atlas.svelte.ts', 'src/state'],
    ['src/core/view/probe.ts', '../../ui/localise.ts', 'src/ui'],
    ['src/core/analysis/probe.ts', '../../map/palette.ts', 'src/map'],
    ['src/i18n/probe.ts', '../state/load.ts', 'src/state'],
    ['src/state/probe.ts', '../ui/localise.ts', 'src/ui'],
    ['src/state/probe.ts', '../map/palette.ts', 'src/map'],
    ['src/map/probe.ts', '../ui/localise.ts', 'src/ui'],
    ['src/workers/probe.ts', '../map/features.ts', 'src/map'],
  ])('%s may not import %s', async (file, source, folder) => {
    const errors = await layerErrors(file, importing(source));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(folder);
  });

  it('catches a wrong import in a Svelte component of the map', async () => {
    const errors = await layerErrors('src/map/Probe.svelte', svelteImporting('../ui/localise.ts'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('src/map/ may not import');
  });

  it('catches a wrong dynamic import and a type-only import', async () => {
    const dynamic = "export const load = () => import('../../i18n/translate.ts');\n";
    expect(await layerErrors('src/core/export/probe.ts', dynamic)).toHaveLength(1);
    const typeOnly = "import type { Palette } from '../../map/palette.ts';\nexport type P = Palette;\n";
    expect(await layerErrors('src/core/export/probe.ts', typeOnly)).toHaveLength(1);
  });

  it.each([
    ['src/core/probe.ts', 'svelte'],
    ['src/core/probe.ts', 'svelte/reactivity'],
    ['src/core/probe.ts', 'maplibre-gl'],
    ['src/state/probe.ts', 'maplibre-gl'],
    ['src/ui/probe.ts', 'maplibre-gl'],
  ])('%s may not import the package %s', async (file, source) => {
    expect(await layerErrors(file, importing(source))).toHaveLength(1);
  });

  it.each([
    ['src/core/export/probe.ts', '../types.ts'],
    ['src/core/export/probe.ts', '../../../geo/gazetteer/units.json'],
    ['src/i18n/probe.ts', '../core/types.ts'],
    ['src/state/probe.ts', '../i18n/translate.ts'],
    ['src/map/probe.ts', '../state/atlas.svelte.ts'],
    ['src/map/probe.ts', 'maplibre-gl'],
    ['src/ui/probe.ts', '../map/palette.ts'],
    ['src/ui/probe.ts', '../state/atlas.svelte.ts'],
  ])('%s may import %s', async (file, source) => {
    expect(await layerErrors(file, importing(source))).toEqual([]);
  });
});
