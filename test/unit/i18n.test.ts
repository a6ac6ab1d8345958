import { describe, expect, it } from 'vitest';
import { en, type Catalogue, type Message } from '../../src/i18n/messages/en.ts';
import { ru } from '../../src/i18n/messages/ru.ts';
import { kk } from '../../src/i18n/messages/kk.ts';
import {
  CATALOGUE_LOADERS,
  createTranslator,
  isLanguageLoaded,
  loadLanguage,
  loadPanelMessages,
  flatten,
  formatArticle,
  formatArticleKey,
  formatCount,
  formatEventDates,
  formatFuzzyDate,
  formatFuzzyRange,
  formatList,
  formatNumber,
  formatYears,
  kazakhAblative,
  messageKeys,
  monthName,
  translate,
} from '../../src/i18n/translate.ts';
import { placeName, placeNameById, placeOrUnitName, unitName, unitNameById } from '../../src/i18n/units.ts';
import {
  chooseLanguage,
  langFromBrowser,
  langFromQuery,
  parseLang,
  UI_LANGS,
  withLangParam,
} from '../../src/i18n/language.ts';
import { places } from '../../src/core/gazetteer.ts';
import { unitRecords } from '../../src/core/gazetteer-details.ts';
import { parseFuzzyDate } from '../../src/core/parse/dates.ts';
import { parseCount } from '../../src/core/parse/counts.ts';
import { INCIDENT_CATEGORIES } from '../../src/core/data/incidents.ts';
import { METRIC_LABELS } from '../../src/core/analysis/series.ts';
import { LAYOUT_LABELS } from '../../src/core/analysis/layout.ts';
import { CATEGORY_LABELS, DATE_PRECISION_LABELS, LOCATION_PRECISION_LABELS } from '../../src/ui/labels.ts';
import type { Count, FuzzyDate } from '../../src/core/types.ts';

// Russian and Kazakh load on demand, as in the page; so do the English messages of the panels.
await Promise.all([...UI_LANGS.map(loadLanguage), loadPanelMessages()]);

const date = (text: string) => parseFuzzyDate(text) as FuzzyDate;
const count = (text: string) => parseCount(text) as Count;
const forms = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message));
/** Parameter names of a message (all forms), without modifiers: `{n:abl}` counts as `n`. */
const params = (message: Message): Set<string> =>
  new Set(forms(message).flatMap((f) => [...f.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((m) => m[1]!)));

const english = flatten(en);
const others = { ru: flatten(ru), kk: flatten(kk) } as const;
const CYRILLIC = /[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/;

/**
 * Keys whose Russian or Kazakh text may equal the English one: pure patterns, language names
 * (each written in its own language), and names and codes that are the same in every language.
 */
const SAME_AS_ENGLISH = new Set([
  'common.yearRange',
  'app.languageNames.en',
  'app.languageNames.ru',
  'app.languageNames.kk',
  'filters.compareChoice',
  'boundaries.reportSummary',
  'series.title',
  'series.titleNoArticle',
  'count.exact',
  'date.year',
  'date.month',
  'date.day',
  'date.monthRange',
  'date.range',
  'profile.iso',
]);

describe('catalogues', () => {
  it('gives every English key a non-empty Russian and Kazakh message that is not the key', () => {
    expect(english.size).toBeGreaterThan(200);
    for (const [lang, flat] of Object.entries(others)) {
      for (const key of english.keys()) {
        const message = flat.get(key);
        expect(message, `${lang} lacks ${key}`).toBeDefined();
        for (const text of forms(message!)) {
          expect(text.trim(), `${lang} ${key} is empty`).not.toBe('');
          expect(text, `${lang} ${key} is its own key`).not.toBe(key);
        }
      }
    }
  });

  it('has no key in Russian or Kazakh that English lacks', () => {
    for (const flat of Object.values(others)) expect([...flat.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it('keeps every English {param} in Russian and Kazakh, and invents none', () => {
    for (const [lang, flat] of Object.entries(others)) {
      for (const [key, message] of english) {
        const wanted = params(message);
        const plural = typeof message !== 'string';
        const got = params(flat.get(key)!);
        for (const name of wanted) expect(got.has(name), `${lang} ${key} lacks {${name}}`).toBe(true);
        for (const name of got) {
          expect(wanted.has(name) || (plural && name === 'count'), `${lang} ${key} invents {${name}}`).toBe(true);
        }
      }
    }
  });

  it('translates: no Russian or Kazakh message is a copy of the English one, except patterns and names', () => {
    for (const [lang, flat] of Object.entries(others)) {
      const copies = [...english]
        .filter(([key, message]) => JSON.stringify(flat.get(key)) === JSON.stringify(message))
        .map(([key]) => key)
        .filter((key) => !SAME_AS_ENGLISH.has(key));
      expect(copies, lang).toEqual([]);
    }
  });

  it('writes Russian and Kazakh messages in Cyrillic wherever there are words', () => {
    for (const [lang, flat] of Object.entries(others)) {
      for (const [key, message] of flat) {
        if (SAME_AS_ENGLISH.has(key)) continue;
        for (const text of forms(message)) expect(CYRILLIC.test(text), `${lang} ${key}: ${text}`).toBe(true);
      }
    }
  });

  it('gives plural messages exactly the forms Intl.PluralRules selects in each language', () => {
    const categories = (lang: string) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories.sort();
    for (const [key, message] of english) {
      if (typeof message === 'string') continue;
      expect(Object.keys(message).sort(), `en ${key}`).toEqual(categories('en'));
      const russian = others.ru.get(key)!;
      if (typeof russian !== 'string') expect(Object.keys(russian).sort(), `ru ${key}`).toEqual(categories('ru'));
      // Kazakh: a noun after a numeral stays singular, so one string serves every number.
      expect(typeof others.kk.get(key), `kk ${key}`).toBe('string');
    }
  });

  it('has a message for every incident category, precision, metric and layout, matching the English labels in use', () => {
    const t = createTranslator('en');
    for (const category of INCIDENT_CATEGORIES) expect(t(`category.${category}`)).toBe(CATEGORY_LABELS[category]);
    for (const [p, label] of Object.entries(DATE_PRECISION_LABELS))
      expect(t.dynamic(`precision.date.${p}`)).toBe(label);
    for (const [p, label] of Object.entries(LOCATION_PRECISION_LABELS)) {
      expect(t.dynamic(`precision.location.${p}`)).toBe(label);
    }
    for (const [metric, label] of Object.entries(METRIC_LABELS)) expect(t.dynamic(`metric.${metric}`)).toBe(label);
    for (const [layout, label] of Object.entries(LAYOUT_LABELS)) expect(t.dynamic(`layout.${layout}`)).toBe(label);
  });

  it('uses the legal terms of Kazakhstan’s legal statistics', () => {
    expect(translate('ru', 'metric.convicted_persons')).toMatch(/осуждённ/i);
    expect(translate('ru', 'metric.criminal_offences')).toMatch(/уголовные правонарушения/);
    expect(translate('kk', 'metric.convicted_persons')).toBe('Сотталғандар');
    expect(translate('kk', 'metric.criminal_offences')).toMatch(/қылмыстық құқық бұзушылықтар/);
    expect(translate('ru', 'legend.notReported')).toBe('Нет данных');
    expect(translate('kk', 'legend.notReported')).toBe('Дерек жоқ');
    expect(translate('ru', 'map.notReported')).toBe('нет данных');
    expect(translate('kk', 'map.notReported')).toBe('дерек жоқ');
  });

  it('has a loader for every interface language', async () => {
    expect(UI_LANGS.every(isLanguageLoaded)).toBe(true);
    for (const lang of UI_LANGS) await expect(CATALOGUE_LOADERS[lang]()).resolves.toBeTypeOf('object');
  });

  it('lists the English keys in catalogue order', () => {
    expect(messageKeys()[0]).toBe('app.title');
    expect(messageKeys()).toHaveLength(english.size);
    expect(Object.keys(CATALOGUE_LOADERS)).toEqual([...UI_LANGS]);
  });
});

describe('catalogue types', () => {
  it('makes a missing key, a wrong key and a missing parameter type errors', () => {
    const t = createTranslator('ru');
    // @ts-expect-error: no such key
    expect(() => t('legend.nope')).toThrow(/unknown message key "legend.nope"/);
    // @ts-expect-error: {count} is required
    expect(() => t('legend.regions')).toThrow(/numeric \{count\}/);
    // @ts-expect-error: {years} is required
    expect(() => t('legend.noStatisticCovers', {})).toThrow(/needs the parameter \{years\}/);
    const withoutKilled = Object.fromEntries(Object.entries(ru.details).filter(([key]) => key !== 'killed')) as Omit<
      Catalogue['details'],
      'killed'
    >;
    // @ts-expect-error: a translation without details.killed is not a Catalogue
    const broken: Catalogue = { ...ru, details: withoutKilled };
    expect(flatten(broken).has('details.killed')).toBe(false);
    // @ts-expect-error: plural forms are Intl.PluralRules categories
    const typo: Catalogue['legend']['regions'] = { on: '{count}', other: '{count}' };
    expect(typo).toBeDefined();
  });
});

describe('t', () => {
  it('fills parameters', () => {
    expect(createTranslator('en')('lists.eventCount', { shown: 3, total: 12 })).toBe('(3 of 12)');
    expect(createTranslator('ru')('lists.eventCount', { shown: 3, total: 12 })).toBe('(3 из 12)');
    expect(createTranslator('kk')('lists.eventCount', { shown: 3, total: 12 })).toBe('(12 ішінен 3)');
  });

  it('writes numbers as given, so a year is never grouped', () => {
    expect(createTranslator('ru')('national.title', { years: 2011 })).toBe('Общенациональные показатели, 2011');
  });

  it('chooses Russian plural forms: 1 регион, 2 региона, 5 регионов, 11 регионов, 21 регион, 22 региона', () => {
    const t = createTranslator('ru');
    const regions = (n: number) => t('legend.regions', { count: n });
    expect([1, 2, 5, 11, 21, 22, 0].map(regions)).toEqual([
      '(1 регион)',
      '(2 региона)',
      '(5 регионов)',
      '(11 регионов)',
      '(21 регион)',
      '(22 региона)',
      '(0 регионов)',
    ]);
    expect(t('details.sourceCount', { count: 3 })).toBe('3 источника');
    expect(t('app.summary.incidents', { count: 25 })).toBe('25 инцидентов');
  });

  it('chooses English one/other and keeps Kazakh nouns singular after numbers', () => {
    expect(createTranslator('en')('legend.regions', { count: 1 })).toBe('(1 region)');
    expect(createTranslator('en')('legend.regions', { count: 10 })).toBe('(10 regions)');
    expect(createTranslator('kk')('legend.regions', { count: 1 })).toBe('(1 өңір)');
    expect(createTranslator('kk')('legend.regions', { count: 10 })).toBe('(10 өңір)');
  });

  it('throws for unknown keys built at run time, and says which exist', () => {
    const t = createTranslator('kk');
    expect(t.has('metric.convicted_persons')).toBe(true);
    expect(t.has('metric.websites_blocked')).toBe(false);
    expect(() => t.dynamic('metric.websites_blocked')).toThrow(/unknown message key/);
    expect(t.lang).toBe('kk');
  });
});

describe('numbers and counts', () => {
  it('groups digits per language', () => {
    expect(formatNumber(1800, 'en')).toBe('1,800');
    expect(formatNumber(1800, 'ru')).toBe('1\u00a0800');
    expect(formatNumber(2.5, 'kk')).toBe('2,5');
    // Whole numbers below 1,000 (which skip the formatter) read as the formatter writes them.
    for (const lang of ['en', 'ru', 'kk'] as const) {
      const format = new Intl.NumberFormat(lang === 'kk' ? 'ru' : lang, { maximumFractionDigits: 2 });
      for (const n of [0, 7, 19, 999]) expect(formatNumber(n, lang)).toBe(format.format(n));
    }
  });

  it('words qualified counts', () => {
    expect(formatCount(count('>950'), 'en')).toBe('more than 950');
    expect(formatCount(count('>950'), 'ru')).toBe('более 950');
    expect(formatCount(count('>=10'), 'ru')).toBe('не менее 10');
    expect(formatCount(count('~600'), 'ru')).toBe('около 600');
    expect(formatCount(count('12'), 'ru')).toBe('12');
    expect(formatCount(count('>=10'), 'kk')).toBe('кемінде 10');
    expect(formatCount(count('~600'), 'kk')).toBe('шамамен 600');
  });

  it('gives "more than" in Kazakh the ablative suffix of the number as read aloud', () => {
    const cases: [string, string][] = [
      ['>950', '950-ден астам'], // елу
      ['>30', '30-дан астам'], // отыз
      ['>10', '10-нан астам'], // он
      ['>600', '600-ден астам'], // жүз
      ['>1000', '1\u00a0000-нан астам'], // мың
      ['>1800', '1\u00a0800-ден астам'], // сегіз жүз
      ['>3', '3-тен астам'], // үш
      ['>6', '6-дан астам'], // алты
      ['>40', '40-тан астам'], // қырық
      ['>80', '80-нен астам'], // сексен
      ['>2.5', '2,5-тен астам'], // бес
    ];
    for (const [text, words] of cases) expect(formatCount(count(text), 'kk'), text).toBe(words);
    expect(kazakhAblative(0)).toBe('ден');
    expect(kazakhAblative(2_000_000)).toBe('нан');
    expect(kazakhAblative(9)).toBe('дан');
  });
});

describe('dates', () => {
  it('takes month names from Intl, and they agree with the fallback lists', () => {
    expect(monthName(5, 'en')).toBe('May');
    expect(monthName(5, 'ru')).toBe('май');
    expect(monthName(5, 'ru', 'genitive')).toBe('мая');
    expect(monthName(5, 'kk')).toBe('мамыр');
    expect(monthName(1, 'kk')).toBe('қаңтар');
    expect(monthName(12, 'kk', 'genitive')).toBe('желтоқсан');
    expect(monthName(3, 'ru', 'short')).toBe('март');
    expect(monthName(1, 'kk', 'short')).toBe('қаң.');
    expect(() => monthName(13, 'en')).toThrow();
  });

  it('formats each precision per language, never more precise than the date', () => {
    const rows: [string, string, string, string][] = [
      ['2011', '2011', '2011', '2011'],
      ['2011-05', 'May 2011', 'май 2011', '2011 жылғы мамыр'],
      ['2011-05-14', '14 May 2011', '14 мая 2011', '2011 жылғы 14 мамыр'],
      ['2014-08-01', '1 August 2014', '1 августа 2014', '2014 жылғы 1 тамыз'],
    ];
    for (const [text, english, russian, kazakh] of rows) {
      expect(formatFuzzyDate(date(text), 'en')).toBe(english);
      expect(formatFuzzyDate(date(text), 'ru')).toBe(russian);
      expect(formatFuzzyDate(date(text), 'kk')).toBe(kazakh);
    }
  });

  it('formats ranges and disagreeing dates', () => {
    expect(formatFuzzyRange(date('2011-10'), date('2011-12'), 'en')).toBe('October–December 2011');
    expect(formatFuzzyRange(date('2011-10'), date('2011-12'), 'ru')).toBe('октябрь–декабрь 2011');
    expect(formatFuzzyRange(date('2011-10'), date('2011-12'), 'kk')).toBe('2011 жылғы қазан–желтоқсан');
    expect(formatFuzzyRange(date('2011-06'), date('2012-07'), 'ru')).toBe('июнь 2011 – июль 2012');
    const statements = [
      { dateStart: date('2011-05'), dateEnd: null },
      { dateStart: date('2011-05-14'), dateEnd: null },
    ];
    expect(formatEventDates(statements, 'en')).toBe('May 2011 or 14 May 2011');
    expect(formatEventDates(statements, 'ru')).toBe('май 2011 или 14 мая 2011');
    expect(formatEventDates(statements, 'kk')).toBe('2011 жылғы мамыр немесе 2011 жылғы 14 мамыр');
    expect(formatYears(2011, 2011, 'ru')).toBe('2011');
    expect(formatYears(2011, 2019, 'kk')).toBe('2011–2019');
  });

  it('joins lists with the language’s "and" and "or"', () => {
    expect(formatList(['Abai', 'Zhetisu'], 'en')).toBe('Abai and Zhetisu');
    expect(formatList(['Абай', 'Жетісу', 'Ұлытау'], 'kk')).toBe('Абай, Жетісу және Ұлытау');
    expect(formatList(['A', 'B'], 'ru', 'or')).toBe('A или B');
    expect(formatList(['A'], 'ru')).toBe('A');
    expect(formatList([], 'ru')).toBe('');
  });
});

describe('Criminal Code articles', () => {
  it('writes articles with their edition as each language does', () => {
    const ref = { edition: '2014', article: '256', part: '2' };
    expect(formatArticle(ref, 'en')).toBe('Art. 256 part 2 (2014 code)');
    expect(formatArticle(ref, 'ru')).toBe('ст. 256 ч. 2 УК РК (2014)');
    expect(formatArticle(ref, 'kk')).toBe('ҚР ҚК 256-б. 2-б. (2014)');
    expect(formatArticleKey('1997:233', 'ru')).toBe('ст. 233 УК РК (1997)');
    expect(formatArticleKey('not an article', 'ru')).toBe('not an article');
  });
});

describe('unit and place names', () => {
  it('names every unit in all three languages, short for labels and full for headings', () => {
    for (const unit of unitRecords) {
      for (const lang of UI_LANGS) {
        expect(unitName(unit, lang), `${unit.id} ${lang}`).not.toBe('');
        expect(unitName(unit, lang, 'full'), `${unit.id} ${lang}`).not.toBe('');
      }
      expect(unitName(unit, 'en')).toBe(unit.short.en);
      expect(CYRILLIC.test(unitName(unit, 'ru')), unit.id).toBe(true);
      expect(CYRILLIC.test(unitName(unit, 'kk')), unit.id).toBe(true);
      expect(unitName(unit, 'kk_latn')).toBe(unit.short.kk_latn);
    }
    expect(unitNameById('aktobe', 'kk')).toBe('Ақтөбе');
    expect(unitNameById('aktobe', 'ru', 'full')).toBe('Актюбинская область');
    expect(unitNameById('atlantis', 'ru')).toBe('atlantis');
  });

  it('names every place in all three languages', () => {
    for (const place of places) for (const lang of UI_LANGS) expect(placeName(place, lang), place.id).not.toBe('');
    expect(placeNameById('shymkent', 'kk_latn')).toBe('Şymkent');
    expect(placeNameById('nowhere', 'en')).toBe('nowhere');
    expect(placeOrUnitName('atyrau', 'ru', true)).toBe('Атырауская область');
    expect(placeOrUnitName('atyrau', 'ru')).toBe('Атырау');
  });
});

describe('language choice', () => {
  it('reads language tags', () => {
    expect(['ru', 'ru-KZ', 'RU', 'kk', 'kk-Cyrl-KZ', 'kk_KZ', 'kz', 'en-GB', 'de', '', null].map(parseLang)).toEqual([
      'ru',
      'ru',
      'ru',
      'kk',
      'kk',
      'kk',
      'kk',
      'en',
      null,
      null,
      null,
    ]);
    expect(langFromQuery('?from=2011&lang=kk')).toBe('kk');
    expect(langFromQuery('lang=xx')).toBeNull();
    expect(langFromBrowser(['de-DE', 'ru-RU', 'en'])).toBe('ru');
    expect(langFromBrowser(['fr'])).toBeNull();
  });

  it('prefers the URL, then the stored choice, then the browser, then English', () => {
    const browser = ['kk-KZ', 'ru'];
    expect(chooseLanguage({ search: '?lang=ru', stored: 'kk', languages: browser })).toEqual({
      lang: 'ru',
      source: 'url',
    });
    expect(chooseLanguage({ search: '?lang=xx', stored: 'en', languages: browser })).toEqual({
      lang: 'en',
      source: 'storage',
    });
    expect(chooseLanguage({ search: '', stored: null, languages: browser })).toEqual({ lang: 'kk', source: 'browser' });
    expect(chooseLanguage({ search: '', stored: 'garbage', languages: ['de'] })).toEqual({
      lang: 'en',
      source: 'default',
    });
    expect(chooseLanguage({})).toEqual({ lang: 'en', source: 'default' });
  });

  it('sets and removes ?lang= and keeps the rest of the query', () => {
    expect(withLangParam('?from=2011&to=2014', 'kk')).toBe('from=2011&to=2014&lang=kk');
    expect(withLangParam('from=2011&lang=kk', null)).toBe('from=2011');
  });
});

describe('Kazakh numbers', () => {
  it('group thousands with a space and write decimals with a comma, as Kazakh does', async () => {
    const { formatNumber } = await import('../../src/i18n/translate.ts');
    expect(formatNumber(13_500_000_000, 'kk').replace(/\s/g, ' ')).toBe('13 500 000 000');
    expect(formatNumber(2.5, 'kk')).toBe('2,5');
  });
});

describe("the base map's neighbouring countries", () => {
  it('are named in Kazakh from the Kazakh catalogue once it is loaded, in English otherwise', async () => {
    const { countryName } = await import('../../src/i18n/countries.ts');
    const { loadLanguage: load } = await import('../../src/i18n/translate.ts');
    await load('kk');
    expect(countryName('643', 'Russia', 'kk')).toBe('Ресей');
    expect(countryName('156', 'China', 'kk')).toBe('Қытай');
    expect(countryName('643', 'Russia', 'en')).toBe('Russia');
    // A name the list does not have stays the base map's.
    expect(countryName(null, 'N. Cyprus', 'kk')).toBe('N. Cyprus');
  });
});
