/**
 * Messages, numbers and dates in the interface language.
 *
 * `createTranslator(lang)` returns `t(key, params)`: the message of `key` in `lang` with every
 * `{name}` replaced by `params.name`. A message with plural forms picks its form with
 * `Intl.PluralRules(lang)` applied to `params.count`. Keys and parameters are checked by the type
 * system (`t('legend.regions', { count: 3 })`); a key or parameter that is missing at run time
 * throws, in development and production alike: the catalogue types and the i18n tests guarantee
 * that every key exists in every language, so a throw means a programming error that should fail
 * loudly rather than show a wrong word. Keys built from data (`metric.${series.metric}`) are
 * checked first with `t.has(key)`.
 *
 * Numbers passed as parameters are written as `String(n)` (a year stays `2011`, never `2 011`);
 * pass `formatNumber(n, lang)` where digit grouping is wanted.
 *
 * Dates: month names come from `Intl.DateTimeFormat` (full ICU in Node 20 and Chromium gives
 * `мая` and `мамыр`); a hand-written list is used only when the runtime's ICU lacks the language.
 * The order of day, month and year is the catalogue's (`date.day`): `14 May 2011`, `14 мая 2011`,
 * `2011 жылғы 14 мамыр`.
 */
import type { Count, FuzzyDate } from '../core/types.ts';
import type { Catalogue, Message, Messages, PluralForms } from './messages/en.ts';
import { enStart } from './messages/en-start.ts';
import { mergeMessages } from './messages/merge.ts';
import type { UiLang } from './language.ts';
import { useKazakhCountryNames } from './countries.ts';

export type { UiLang } from './language.ts';

/** The whole English catalogue: the start's messages and the panels' (en.ts). */
const fullEnglish = (): Promise<Catalogue> =>
  import('./messages/en-panels.ts').then((m) => mergeMessages(enStart, m.enPanels));

/**
 * Each language's catalogue. English is bundled with the page, less the messages of the panels and
 * menus loaded on demand (`withPanelMessages`); Russian and Kazakh (about 4 KB gzip each) are chunks
 * of their own, fetched when the language is chosen or a link or an earlier visit asks for it.
 */
export const CATALOGUE_LOADERS: Readonly<Record<UiLang, () => Promise<Catalogue>>> = {
  en: fullEnglish,
  ru: () => import('./messages/ru.ts').then((m) => m.ru),
  kk: () =>
    import('./messages/kk.ts').then((m) => {
      useKazakhCountryNames(m.kazakhCountryNames);
      return m.kk;
    }),
};

/** The loaded catalogues; English starts with the start's messages only. */
const catalogues = new Map<UiLang, object>([['en', enStart]]);
let panelMessages: Promise<void> | null = null;

/**
 * Loads the English messages of the panels and menus loaded on demand (en-panels.ts), once. Russian
 * and Kazakh catalogues are whole.
 */
export function loadPanelMessages(): Promise<void> {
  panelMessages ??= fullEnglish().then(
    (english) => {
      catalogues.set('en', english);
      flat.delete('en');
    },
    (error: unknown) => {
      panelMessages = null;
      throw error;
    },
  );
  return panelMessages;
}

/** A panel's module, once it and the English messages of the panels are loaded. */
export function withPanelMessages<T>(module: Promise<T>): Promise<T> {
  return Promise.all([module, loadPanelMessages()]).then(([loaded]) => loaded);
}

/**
 * Loads a language's catalogue (English is always there). Everything that words text in a language
 * (`createTranslator`, `translate`, the formatters) needs it loaded first, and throws otherwise: the
 * page loads the language before its first render and before it switches to another one.
 */
export async function loadLanguage(lang: UiLang): Promise<void> {
  if (!catalogues.has(lang)) catalogues.set(lang, await CATALOGUE_LOADERS[lang]());
}

/** Whether `loadLanguage(lang)` has completed. */
export function isLanguageLoaded(lang: UiLang): boolean {
  return catalogues.has(lang);
}

// ---------------------------------------------------------------------------------------------
// Key and parameter types, derived from the English catalogue

type IsLeaf<V> = V extends string ? true : V extends { readonly other: string } ? true : false;

/** Every dotted key of the catalogue: `legend.notReported`, `category.attack`, `layout.A`, ... */
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: IsLeaf<T[K]> extends true ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Paths<Messages>;

type LeafAt<T, K extends string> = K extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? LeafAt<T[Head], Rest>
    : never
  : K extends keyof T
    ? T[K]
    : never;

type ParamNames<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;

type LeafParams<L> = L extends string
  ? ParamNames<L>
  : L extends { readonly other: string }
    ? ParamNames<L[keyof L]> | 'count'
    : never;

/** The parameter names a key's English message uses (plural messages always take `count`). */
export type ParamsOf<K extends MessageKey> = LeafParams<LeafAt<Messages, K>>;

export type ParamValue = string | number;

/** `t`'s optional second argument when the message has no parameter, else the required one. */
export type ParamsArg<K extends MessageKey> = [ParamsOf<K>] extends [never]
  ? [params?: Record<string, ParamValue>]
  : [params: Record<ParamsOf<K>, ParamValue> & Record<string, ParamValue>];

export interface Translator {
  <K extends MessageKey>(key: K, ...params: ParamsArg<K>): string;
  readonly lang: UiLang;
  /** Whether a key built at run time exists (`metric.${series.metric}`). */
  has(key: string): key is MessageKey;
  /** `t` for keys built at run time; throws for an unknown key, like `t`. */
  dynamic(key: string, params?: Record<string, ParamValue>): string;
}

// ---------------------------------------------------------------------------------------------
// Lookup

const isPlural = (value: unknown): value is PluralForms =>
  typeof value === 'object' && value !== null && typeof (value as { other?: unknown }).other === 'string';

/** The catalogue as a map from dotted key to message. */
export function flatten(catalogue: object, prefix = ''): Map<string, Message> {
  const out = new Map<string, Message>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string' || isPlural(value)) out.set(path, value as Message);
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of flatten(value, `${path}.`)) out.set(k, v);
  }
  return out;
}

const flat = new Map<UiLang, Map<string, Message>>();
const flatOf = (lang: UiLang): Map<string, Message> => {
  let map = flat.get(lang);
  if (!map) {
    const catalogue = catalogues.get(lang);
    if (!catalogue) throw new Error(`i18n: the ${lang} catalogue is not loaded: await loadLanguage('${lang}') first`);
    flat.set(lang, (map = flatten(catalogue)));
  }
  return map;
};

/** Every key of the English catalogue, in catalogue order. */
export function messageKeys(): MessageKey[] {
  return [...flatOf('en').keys()] as MessageKey[];
}

const pluralRules = new Map<UiLang, Intl.PluralRules>();
const pluralOf = (lang: UiLang, n: number): Intl.LDMLPluralRule => {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(n);
};

/**
 * Replaces each `{name}` with its parameter; throws for a parameter not given. `{name:abl}` writes
 * the Kazakh ablative suffix of the number in `name` (`{n}-{n:abl} астам` → `950-ден астам`), so
 * that Kazakh messages take the same parameters as English ones.
 */
export function interpolate(template: string, params: Readonly<Record<string, ParamValue>>, key = ''): string {
  return template.replace(/\{(\w+)(?::(\w+))?\}/g, (_, name: string, modifier: string | undefined) => {
    const value = params[name];
    if (value === undefined) throw new Error(`i18n: message "${key}" needs the parameter {${name}}`);
    if (modifier === undefined) return String(value);
    if (modifier === 'abl') return kazakhAblative(parseLocalNumber(value));
    throw new Error(`i18n: message "${key}" uses the unknown modifier {${name}:${modifier}}`);
  });
}

/** A number back from its formatted text (`1 800`, `2,5`, `1,800.5`), for suffix choice. */
function parseLocalNumber(value: ParamValue): number {
  if (typeof value === 'number') return value;
  const compact = value.replace(/[\s\u00a0\u202f]/g, '');
  const normalised = /,\d{1,2}$/.test(compact)
    ? compact.replace(/\./g, '').replace(',', '.')
    : compact.replace(/,/g, '');
  const n = Number(normalised.replace(/[^\d.-]/g, ''));
  if (!Number.isFinite(n)) throw new Error(`i18n: "${value}" is not a number`);
  return n;
}

/** The message of `key` in `lang` with parameters filled and the plural form chosen. */
export function translate(lang: UiLang, key: string, params: Readonly<Record<string, ParamValue>> = {}): string {
  const message = flatOf(lang).get(key);
  if (message === undefined) throw new Error(`i18n: unknown message key "${key}" (${lang})`);
  if (typeof message === 'string') return interpolate(message, params, key);
  const count = params['count'];
  if (typeof count !== 'number') throw new Error(`i18n: message "${key}" has plural forms and needs a numeric {count}`);
  // The count is written the language's way (15,000; 15 000), like every other number shown.
  return interpolate(
    message[pluralOf(lang, count)] ?? message.other,
    { ...params, count: formatNumber(count, lang) },
    key,
  );
}

export function createTranslator(lang: UiLang): Translator {
  const t = (key: string, params?: Record<string, ParamValue>) => translate(lang, key, params);
  return Object.assign(t, {
    lang,
    has: (key: string): key is MessageKey => flatOf(lang).has(key),
    dynamic: t,
  }) as Translator;
}

// ---------------------------------------------------------------------------------------------
// Numbers and counts

const numberFormats = new Map<UiLang, Intl.NumberFormat>();

/**
 * A number with the language's digit grouping and decimal sign: `1,800.5`, `1 800,5`. Whole numbers
 * from 0 to 999 read the same in every language of the interface and skip the formatter: the page's
 * first counts would otherwise wait for ICU to set one up (about 6 ms on a slow machine).
 */
export function formatNumber(n: number, lang: UiLang): string {
  if (Number.isInteger(n) && n >= 0 && n < 1000) return String(n);
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = numberFormat(lang)));
  return format.format(n);
}

/**
 * The digits of a label written the language's way: `+1 (+14.3%)` → `+1 (+14,3%)` in Russian;
 * counts keep no grouping below 10 000 in Russian and Kazakh, as Intl writes them.
 */
export function localiseDigits(text: string, lang: UiLang): string {
  return text.replace(/\d+(?:\.\d+)?/g, (digits) => formatNumber(Number(digits), lang));
}

/**
 * A number format for the language. Some runtimes (Chromium) claim Kazakh but format its numbers
 * the English way (13,500,000.5); Kazakh writes them as Russian does (13 500 000,5), so that format
 * stands in when the runtime's Kazakh grouping is not a space.
 */
function numberFormat(lang: UiLang): Intl.NumberFormat {
  const format = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  if (lang === 'kk' && /\d,\d{3}/.test(format.format(1234.5)))
    return new Intl.NumberFormat('ru', { maximumFractionDigits: 2 });
  return format;
}

/** The word a Kazakh number ends with when read aloud, and the ablative suffix it takes. */
const KK_ABLATIVE_UNITS = ['ден', 'ден', 'ден', 'тен', 'тен', 'тен', 'дан', 'ден', 'ден', 'дан'] as const; // нөл бір екі үш төрт бес алты жеті сегіз тоғыз
const KK_ABLATIVE_TENS = ['', 'нан', 'дан', 'дан', 'тан', 'ден', 'тан', 'тен', 'нен', 'нан'] as const; // он жиырма отыз қырық елу алпыс жетпіс сексен тоқсан

/**
 * The Kazakh ablative suffix ("from", as in `950-ден астам`, "more than 950") for a number, chosen
 * by the last word of the number read aloud and the suffix rules (-дан/-ден after vowels and
 * voiced consonants, -тан/-тен after voiceless ones, -нан/-нен after nasals; back or front by
 * vowel harmony): 950 (…елу) → ден, 30 (отыз) → дан, 10 (он) → нан, 600 (…жүз) → ден, 1000 (мың)
 * → нан, 2,5 (…бес) → тен.
 */
export function kazakhAblative(n: number): string {
  const abs = Math.abs(n);
  if (!Number.isInteger(abs)) {
    const fraction = String(abs).split('.')[1]?.replace(/0+$/, '') ?? '';
    return fraction === '' ? kazakhAblative(Math.trunc(abs)) : kazakhAblative(Number(fraction));
  }
  if (abs === 0) return 'ден';
  if (abs % 10 !== 0) return KK_ABLATIVE_UNITS[abs % 10]!;
  if (abs % 100 !== 0) return KK_ABLATIVE_TENS[Math.floor(abs / 10) % 10]!;
  if (abs % 1000 !== 0) return 'ден'; // жүз
  if (abs % 1_000_000 !== 0) return 'нан'; // мың
  if (abs % 1_000_000_000 !== 0) return 'нан'; // миллион
  return 'тан'; // миллиард
}

/** A count as the source states it, in words: `more than 950`, `более 950`, `950-ден астам`. */
export function formatCount(count: Count, lang: UiLang): string {
  return translate(lang, `count.${count.qualifier}`, { n: formatNumber(count.value, lang) });
}

// ---------------------------------------------------------------------------------------------
// Dates

/** Month names for runtimes whose ICU lacks a language; full ICU gives the same words (tested). */
const FALLBACK_MONTHS: Record<UiLang, Record<MonthForm, readonly string[]>> = {
  en: {
    nominative: 'January February March April May June July August September October November December'.split(' '),
    genitive: 'January February March April May June July August September October November December'.split(' '),
    short: 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' '),
  },
  ru: {
    nominative: 'январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь'.split(' '),
    genitive: 'января февраля марта апреля мая июня июля августа сентября октября ноября декабря'.split(' '),
    short: 'янв. февр. март апр. май июнь июль авг. сент. окт. нояб. дек.'.split(' '),
  },
  kk: {
    nominative: 'қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан'.split(' '),
    genitive: 'қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан'.split(' '),
    short: 'қаң. ақп. нау. сәу. мам. мау. шіл. там. қыр. қаз. қар. жел.'.split(' '),
  },
};

/** `nominative`: `май`, `мамыр` (with a year); `genitive`: `мая` (after a day); `short`: `янв.`, `қаң.`. */
export type MonthForm = 'nominative' | 'genitive' | 'short';

const monthCache = new Map<string, string>();

/** Whether this runtime's Intl has real data for the language (not a silent fallback to English). */
function intlSpeaks(lang: UiLang): boolean {
  return Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0;
}

/**
 * The name of a month (1-12): `nominative` as in a month and year (`май 2011`, `мамыр`), `genitive`
 * as after a day (`14 мая`). From `Intl.DateTimeFormat` (the month part of `{year, month}` and of
 * `{day, month}`), so lower case in Russian and Kazakh as their orthography writes months inside a
 * sentence (ICU's stand-alone Kazakh form is capitalised, `Мамыр`, and is not used).
 */
export function monthName(month: number, lang: UiLang, form: MonthForm = 'nominative'): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`i18n: no month ${month}`);
  const cacheKey = `${lang}:${form}:${month}`;
  const cached = monthCache.get(cacheKey);
  if (cached) return cached;
  let name = FALLBACK_MONTHS[lang][form][month - 1]!;
  if (intlSpeaks(lang)) {
    const options: Intl.DateTimeFormatOptions =
      form === 'genitive'
        ? { day: 'numeric', month: 'long', timeZone: 'UTC' }
        : form === 'short'
          ? { month: 'short', timeZone: 'UTC' }
          : { year: 'numeric', month: 'long', timeZone: 'UTC' };
    const part = new Intl.DateTimeFormat(lang, options)
      .formatToParts(new Date(Date.UTC(2000, month - 1, 15)))
      .find((p) => p.type === 'month')?.value;
    if (part && !/\d/.test(part)) name = part;
  }
  monthCache.set(cacheKey, name);
  return name;
}

/** The parts of a partial date in the language, never more precise than the date is. */
export function formatDateParts(
  date: FuzzyDate,
  lang: UiLang,
): { precision: FuzzyDate['precision']; year: string; month: string | null; day: string | null } {
  const [y = '', m, d] = date.text.split('-');
  if (date.precision === 'year' || m === undefined) return { precision: 'year', year: y, month: null, day: null };
  if (date.precision === 'month' || d === undefined) {
    return { precision: 'month', year: y, month: monthName(Number(m), lang, 'nominative'), day: null };
  }
  return { precision: 'day', year: y, month: monthName(Number(m), lang, 'genitive'), day: String(Number(d)) };
}

/**
 * A partial date in words: `2011`; `May 2011`, `май 2011`, `2011 жылғы мамыр`; `14 May 2011`,
 * `14 мая 2011`, `2011 жылғы 14 мамыр`.
 */
export function formatFuzzyDate(date: FuzzyDate, lang: UiLang): string {
  const parts = formatDateParts(date, lang);
  if (parts.precision === 'year') return translate(lang, 'date.year', { year: parts.year });
  if (parts.precision === 'month') return translate(lang, 'date.month', { month: parts.month!, year: parts.year });
  return translate(lang, 'date.day', { day: parts.day!, month: parts.month!, year: parts.year });
}

/**
 * A date or a period: `October–December 2011`, `октябрь–декабрь 2011`, `2011 жылғы қазан–желтоқсан`
 * for two months of one year; otherwise `start – end`.
 */
export function formatFuzzyRange(start: FuzzyDate, end: FuzzyDate | null, lang: UiLang): string {
  if (!end) return formatFuzzyDate(start, lang);
  if (start.precision === 'month' && end.precision === 'month' && start.text.slice(0, 4) === end.text.slice(0, 4)) {
    const from = formatDateParts(start, lang).month!;
    const to = formatDateParts(end, lang).month!;
    return translate(lang, 'date.monthRange', { from, to, year: start.text.slice(0, 4) });
  }
  return translate(lang, 'date.range', { start: formatFuzzyDate(start, lang), end: formatFuzzyDate(end, lang) });
}

/** An event's dates as its sources give them: each distinct date once, joined with "or". */
export function formatEventDates(
  statements: readonly { dateStart: FuzzyDate; dateEnd: FuzzyDate | null }[],
  lang: UiLang,
): string {
  const or = ` ${translate(lang, 'common.or')} `;
  return [...new Set(statements.map((s) => formatFuzzyRange(s.dateStart, s.dateEnd, lang)))].join(or);
}

/** A year range: `2011` or `2011–2019`. */
export function formatYears(from: number, to: number, lang: UiLang): string {
  return from === to ? String(from) : translate(lang, 'common.yearRange', { from, to });
}

/** `a, b and c` / `a, b и c` / `a, b және c` (or `or`, `или`, `немесе`), without a serial comma. */
export function formatList(items: readonly string[], lang: UiLang, conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  const word = translate(lang, conjunction === 'and' ? 'common.and' : 'common.or');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]!}`;
}

// ---------------------------------------------------------------------------------------------
// Criminal Code articles

/**
 * A Criminal Code reference with its edition: `Art. 256 part 2 (2014 code)`,
 * `ст. 256 ч. 2 УК РК (2014)`, `ҚР ҚК 256-б. 2-б. (2014)`.
 */
export function formatArticle(ref: { edition: string; article: string; part: string }, lang: UiLang): string {
  const { edition, article, part } = ref;
  return part
    ? translate(lang, 'article.withPart', { article, part, edition })
    : translate(lang, 'article.noPart', { article, edition });
}

/** An article key as used in filters and data (`2014:256.2`, `1997:233`) in words; the key itself if malformed. */
export function formatArticleKey(key: string, lang: UiLang): string {
  const none = /^(1997|2014):\*$/.exec(key.trim());
  if (none) return translate(lang, 'article.none', { edition: none[1]! });
  const match = /^(1997|2014):(\d+(?:-\d+)?)(?:\.(\d+))?$/.exec(key.trim());
  return match ? formatArticle({ edition: match[1]!, article: match[2]!, part: match[3] ?? '' }, lang) : key;
}
