/**
 * The names of the neighbouring countries the base map draws, in the interface language: Russian
 * from the browser's own country names, Kazakh from a list that comes with the Kazakh catalogue
 * (Chromium's `Intl` names them in English).
 */
import type { UiLang } from './language.ts';

/** ISO 3166-1 alpha-2 codes of the neighbouring countries the base map names, by numeric code. */
// prettier-ignore
const COUNTRY_CODES: Readonly<Record<string, string>> = {
  '004': 'AF', '031': 'AZ', '048': 'BH', '050': 'BD', '051': 'AM', '064': 'BT', '100': 'BG', '104': 'MM',
  '112': 'BY', '156': 'CN', '196': 'CY', '233': 'EE', '246': 'FI', '268': 'GE', '275': 'PS', '300': 'GR',
  '356': 'IN', '364': 'IR', '368': 'IQ', '376': 'IL', '398': 'KZ', '400': 'JO', '414': 'KW', '417': 'KG',
  '422': 'LB', '428': 'LV', '440': 'LT', '496': 'MN', '498': 'MD', '512': 'OM', '524': 'NP', '586': 'PK',
  '634': 'QA', '642': 'RO', '643': 'RU', '682': 'SA', '760': 'SY', '762': 'TJ', '784': 'AE', '792': 'TR',
  '795': 'TM', '804': 'UA', '818': 'EG', '860': 'UZ',
};

/**
 * Kazakh names of the same countries by alpha-2 code, from the Kazakh catalogue (messages/kk.ts,
 * which `loadLanguage('kk')` reads before anything is shown in Kazakh); empty until then.
 */
let kazakhCountryNames: Readonly<Record<string, string>> = {};

/** Takes the Kazakh country names of the Kazakh catalogue (translate.ts, as it loads it). */
export function useKazakhCountryNames(names: Readonly<Record<string, string>>): void {
  kazakhCountryNames = names;
}

/**
 * A neighbouring country's name in the interface language: Russian from the browser's own country
 * names (`Intl.DisplayNames`), Kazakh from the list above; the base map's English name in English
 * and wherever the code or the name is unknown (`N. Cyprus`, `Siachen Glacier`).
 */
export function countryName(isoNumeric: string | null | undefined, english: string, lang: UiLang): string {
  const code = isoNumeric ? COUNTRY_CODES[isoNumeric] : undefined;
  if (lang === 'en' || !code) return english;
  if (lang === 'kk') return kazakhCountryNames[code] ?? english;
  try {
    const name = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }).of(code);
    return name && name !== code ? name : english;
  } catch {
    return english;
  }
}
