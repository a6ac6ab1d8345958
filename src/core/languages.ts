/**
 * The interface's languages as codes, and reading a language tag: pure, so that the view's URL
 * (`view/url.ts`) can read `lang=` without the translations. Choosing and remembering the language
 * is `i18n/language.ts`.
 */

/** The languages of the interface. Kazakh is written in Cyrillic. */
export const UI_LANGS = ['en', 'ru', 'kk'] as const;
export type UiLang = (typeof UI_LANGS)[number];

export const DEFAULT_LANG: UiLang = 'en';
/** The query parameter: `?lang=ru`. */
export const LANG_PARAM = 'lang';
/**
 * The interface language a BCP 47 tag asks for, or null: `ru`, `ru-KZ`, `RU` → ru; `kk`,
 * `kk-Cyrl-KZ`, `kk-Latn` → kk (the interface has Kazakh in Cyrillic only); `kz`, the country code
 * people often write for the language, → kk; anything else → null.
 */
export function parseLang(tag: string | null | undefined): UiLang | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'kz') return 'kk';
  return (UI_LANGS as readonly string[]).includes(primary) ? (primary as UiLang) : null;
}
