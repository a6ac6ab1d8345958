/**
 * The English catalogue in two parts (src/i18n/messages/en.ts): the messages the page needs from
 * the start (en-start.ts) and those of the panels loaded on demand (en-panels.ts). A message that a
 * module loaded at start words must be in the start part: `t` throws for a key not loaded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/messages/en.ts';
import { enStart } from '../../src/i18n/messages/en-start.ts';
import { enPanels } from '../../src/i18n/messages/en-panels.ts';
import { flatten } from '../../src/i18n/translate.ts';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * The project modules the page loads at start: src/main.ts and what it imports, statically and
 * transitively (`import(…)` and `import type` are not followed).
 */
function startModules(): string[] {
  const seen = new Set<string>();
  const pending = [resolve(src, 'main.ts')];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, names, from] of text.matchAll(/^\s*import\s+([^'";]*?)\s*(?:from\s*)?['"](\.[^'"]+)['"]/gm)) {
      if (/^type\s/.test(names!) || /^\{\s*type\s[^,]*\}$/.test(names!)) continue;
      const target = resolve(dirname(file), from!.replace(/\?.*$/, ''));
      if (/\.(ts|svelte)$/.test(target) && existsSync(target)) pending.push(target);
    }
  }
  return [...seen].filter((file) => !file.includes('/i18n/messages/'));
}

/** Every key a text names: as a string (`'legend.title'`) or by a template's prefix (`category.${c}`). */
function keysNamed(texts: readonly string[], keys: readonly string[]): Set<string> {
  const named = new Set<string>();
  for (const text of texts) {
    for (const [, key] of text.matchAll(/['"`]([a-zA-Z]\w*(?:\.\w+)+)['"`]/g)) named.add(key!);
    for (const [, prefix] of text.matchAll(/`([a-zA-Z]\w*\.(?:\w+\.)*)\$\{/g))
      for (const key of keys) if (key.startsWith(prefix!)) named.add(key);
  }
  return named;
}

describe('the English catalogue in two parts', () => {
  const start = [...flatten(enStart).keys()];
  const panels = [...flatten(enPanels).keys()];

  it('has every message in one part only, and is the two parts joined', () => {
    expect(start.filter((key) => panels.includes(key))).toEqual([]);
    expect([...flatten(en).keys()].sort()).toEqual([...start, ...panels].sort());
  });

  it('has in the start part every message that a module loaded at start words', () => {
    const modules = startModules();
    expect(modules.length).toBeGreaterThan(50);
    const named = keysNamed(
      modules.map((file) => readFileSync(file, 'utf8')),
      panels,
    );
    expect(panels.filter((key) => named.has(key))).toEqual([]);
  });
});
