/**
 * Every user-visible string of the atlas, in English: the source of truth for the Russian and
 * Kazakh catalogues, whose type (`Catalogue`) is derived from this object so that a missing or
 * misspelt key is a type error.
 *
 * Conventions:
 * - Keys are dotted groups (`legend.notReported`); a group is named after the component or the
 *   data code it serves (`category.attack`, `metric.convicted_persons`, `layout.A`).
 * - Parameters are written `{name}` and are filled by `t(key, { name })`.
 * - A message whose words agree with a number is an object of plural forms keyed by the
 *   `Intl.PluralRules` categories of its language (`one`, `few`, `many`, `other`); the number is
 *   the `{count}` parameter. English needs `one` and `other`.
 * - Text that comes from the data files (titles, quotes, notes, period labels) is not here: it is
 *   shown as the source wrote it.
 * - The messages are written in two parts: those the page needs from the start (en-start.ts) and
 *   those of the panels and menus loaded on demand (en-panels.ts), which the page loads with the
 *   first of them; this module joins them.
 */
import { enStart } from './en-start.ts';
import { enPanels } from './en-panels.ts';
import { mergeMessages } from './merge.ts';

export const en = mergeMessages(enStart, enPanels);

/** The structure of the catalogue: every group and key, with English strings as literal types. */
export type Messages = typeof en;

/** Plural forms of one message, keyed by `Intl.PluralRules` category; `other` is always required. */
export type PluralForms = { readonly other: string } & { readonly [K in Intl.LDMLPluralRule]?: string };

/** One message: a string, or plural forms selected by the `{count}` parameter. */
export type Message = string | PluralForms;

/**
 * A translation of the catalogue: the same groups and keys as `en`, each a message. Kazakh and
 * Russian may write any message as a plain string (no agreement needed) or as plural forms.
 */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends string
    ? Message
    : T[K] extends { readonly other: string }
      ? Message
      : Translation<T[K]>;
};

/** The type every other language's catalogue must satisfy: a missing key is a type error. */
export type Catalogue = Translation<Messages>;
