import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/**
 * The direction of the dependencies (README, Architecture): core depends on nothing of the app;
 * i18n on core; state on core and i18n (and spawns the workers); map and ui on state, core and
 * i18n, and ui mounts the map; only map imports MapLibre. Each folder of `src/` names the folders
 * it may not import (by relative path, `../../ui/x.ts`, statically or with `import()`) and the
 * packages it may not use. test/unit/layers.test.ts proves that a wrong import fails the lint.
 */
const LAYERS = {
  core: { folders: ['i18n', 'state', 'map', 'ui', 'workers', 'cli'], packages: ['svelte', 'maplibre-gl'] },
  i18n: { folders: ['state', 'map', 'ui', 'workers', 'cli'], packages: ['svelte', 'maplibre-gl'] },
  state: { folders: ['map', 'ui', 'cli'], packages: ['maplibre-gl'] },
  workers: { folders: ['map', 'ui', 'cli'], packages: ['svelte', 'maplibre-gl'] },
  map: { folders: ['ui', 'cli'], packages: [] },
  ui: { folders: ['cli'], packages: ['maplibre-gl'] },
  cli: { folders: ['state', 'map', 'ui', 'workers'], packages: ['svelte', 'maplibre-gl'] },
};

function layerRules(folder, { folders, packages }) {
  const pattern = `^(?:\\.\\./)+(?:${folders.join('|')})(?:/|$)`;
  const message = `src/${folder}/ may not import src/${folders.join(', src/')}: dependencies point one way (README, Architecture).`;
  const packageMessage = (name) =>
    `src/${folder}/ may not import ${name}: dependencies point one way (README, Architecture).`;
  return {
    files: [`src/${folder}/**/*.{ts,svelte}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: packages.map((name) => ({ name, message: packageMessage(name) })),
          patterns: [
            { regex: pattern, message },
            ...packages.map((name) => ({ group: [`${name}/*`], message: packageMessage(name) })),
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: `ImportExpression > Literal[value=/${pattern.replaceAll('/', '\\/')}/]`, message },
      ],
    },
  };
}

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'svelte/no-at-html-tags': 'error',
    },
  },
  ...Object.entries(LAYERS).map(([folder, layer]) => layerRules(folder, layer)),
);
