/**
 * Choosing and remembering the interface language. The choice is a pure function of three inputs
 * (the `?lang=` of the URL, the stored choice, the browser's preferred languages), so that it can
 * be tested without a browser; `detectLanguage` and `rememberLanguage` are the thin wrappers that
 * read and write the real `window`.
 *
 * Order: a `?lang=` in the URL wins (a shared link opens in the language it was shared in), then
 * the user's own earlier choice, then the first of the browser's languages that the atlas speaks,
 * else English. A language found in the URL is used but not stored: only an explicit choice in
 * the interface (`rememberLanguage`) changes what later visits open in.
 */

import { DEFAULT_LANG, LANG_PARAM, parseLang, UI_LANGS, type UiLang } from '../core/languages.ts';

/** The language codes and tag reading live in the core, which the view's URL reads without translations. */
export { DEFAULT_LANG, LANG_PARAM, parseLang, UI_LANGS, type UiLang };

/** The localStorage key of the remembered choice. */
export const LANG_STORAGE_KEY = 'kz-atlas.lang';

/** Where a choice came from, for debugging and tests. */
export type LangSource = 'url' | 'storage' | 'browser' | 'default';

/** The language of a query string's `lang` parameter (`?lang=kk` or `lang=kk`), or null. */
export function langFromQuery(search: string): UiLang | null {
  return parseLang(new URLSearchParams(search.startsWith('?') ? search.slice(1) : search).get(LANG_PARAM));
}

/** The first of the browser's preferred languages that the atlas speaks, or null. */
export function langFromBrowser(languages: readonly string[]): UiLang | null {
  for (const tag of languages) {
    const lang = parseLang(tag);
    if (lang) return lang;
  }
  return null;
}

export interface LanguageInputs {
  /** `window.location.search`. */
  search?: string;
  /** The remembered choice, `localStorage.getItem(LANG_STORAGE_KEY)`. */
  stored?: string | null;
  /** `navigator.languages` (most preferred first). */
  languages?: readonly string[];
}

/** Picks the interface language: URL, else stored choice, else browser languages, else English. */
export function chooseLanguage(inputs: LanguageInputs): { lang: UiLang; source: LangSource } {
  const fromUrl = langFromQuery(inputs.search ?? '');
  if (fromUrl) return { lang: fromUrl, source: 'url' };
  const fromStorage = parseLang(inputs.stored);
  if (fromStorage) return { lang: fromStorage, source: 'storage' };
  const fromBrowser = langFromBrowser(inputs.languages ?? []);
  if (fromBrowser) return { lang: fromBrowser, source: 'browser' };
  return { lang: DEFAULT_LANG, source: 'default' };
}

/**
 * A query string (without `?`) with `lang` set, or removed when `lang` is null, keeping every other
 * parameter: for links that carry the language.
 */
export function withLangParam(search: string, lang: UiLang | null): string {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  if (lang) params.set(LANG_PARAM, lang);
  else params.delete(LANG_PARAM);
  return params.toString();
}

// ---------------------------------------------------------------------------------------------
// Browser wrapper

/** localStorage, or null where it is missing or refused (private mode, sandboxed frames, Node). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The language for this page view, read from `window.location`, localStorage and `navigator`. */
export function detectLanguage(): { lang: UiLang; source: LangSource } {
  let stored: string | null;
  try {
    stored = storage()?.getItem(LANG_STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  return chooseLanguage({
    search: typeof location === 'undefined' ? '' : location.search,
    stored,
    languages:
      typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language],
  });
}

/** Remembers an explicit choice for later visits; silently does nothing where storage is refused. */
export function rememberLanguage(lang: UiLang): void {
  try {
    storage()?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage full or refused: the choice still applies to this page view.
  }
}

/** Sets `<html lang>` so that screen readers, hyphenation and fonts follow the interface language. */
export function applyDocumentLanguage(lang: UiLang, doc: Document = document): void {
  doc.documentElement.lang = lang;
}
