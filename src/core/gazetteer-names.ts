/**
 * Names reduced for matching (`normalizeName`) and what a name says it is (`nameKind`): used to match
 * names written by different hands (imported files, boundary files) and to check the gazetteer's
 * names. Apart from gazetteer.ts, whose lookups the page needs at start, so that a page loads it
 * with the first import.
 */
/** Latin letters that look like Cyrillic ones, and back: real files mix scripts inside one word. */
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'һ',
  b: 'в',
};
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  с: 'c',
  е: 'e',
  і: 'i',
  о: 'o',
  р: 'p',
  х: 'x',
  у: 'y',
  к: 'k',
  м: 'm',
  т: 't',
};

/**
 * Rewrites homoglyphs of the minority script in a word into its majority script. The geokz files
 * write North Kazakhstan as "Солтүстiк" with a Latin `i`; without this it would not match "Солтүстік".
 */
function unifyScript(word: string): string {
  const cyrillic = (word.match(/[\u0400-\u04ff]/g) ?? []).length;
  const latin = (word.match(/[a-z]/g) ?? []).length;
  if (cyrillic === 0 || latin === 0) return word;
  const table = cyrillic >= latin ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  return [...word].map((ch) => table[ch] ?? ch).join('');
}

/** Kazakh letters folded to the nearest Russian ones (and ё to е), so Ақтөбе meets Актобе. */
const KAZAKH_TO_RUSSIAN: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ё: 'е',
  ı: 'i',
};

/** Strips diacritics from Latin letters only: NFD would otherwise also turn Cyrillic й into и. */
function stripLatinDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/([a-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC');
}

/**
 * Lowercased, script-unified, folded words of a name, with punctuation and quotes removed.
 * Hyphens split words, so `Nur-Sultan` and `Nur Sultan` give the same words.
 */
function nameWords(text: string): string[] {
  const lowered = stripLatinDiacritics(text.normalize('NFC').toLowerCase());
  return lowered
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => [...unifyScript(w)].map((ch) => KAZAKH_TO_RUSSIAN[ch] ?? ch).join(''));
}

/** Words (after folding) for "region" in English, Russian and Kazakh, in the cases sources use. */
const REGION_WORDS: ReadonlySet<string> = new Set([
  'oblast',
  'oblasti',
  'oblys',
  'oblysy',
  'obl',
  'region',
  'province',
  'reg',
  'oblusu',
  'область',
  'области',
  'областью',
  'обл',
  'облыс',
  'облысы',
  'облысынын',
  'облысында',
  'регион',
  'облусу',
]);

/** Words (after folding) for "city": `г.`, `қ.` (→ к), `қаласы`, `(city)`, ... */
const CITY_WORDS: ReadonlySet<string> = new Set([
  'city',
  'g',
  'gorod',
  'qala',
  'qalasy',
  'kala',
  'kalasy',
  'город',
  'гор',
  'г',
  'к',
  'кала',
  'каласы',
  'шахары',
]);

/** Russian adjective endings (Актюбинской, Карагандинскую, ...), folded to the nominative -ская. */
const ADJECTIVE_ENDING = /ск(ая|ой|ую|ий|ого|ому|ом|ое|ие|их)$/;

/** Words of a name without the words for region or city (and the `of` in "city of"). */
function coreWords(words: readonly string[]): string[] {
  return words.filter((w, i) => {
    if (REGION_WORDS.has(w) || CITY_WORDS.has(w)) return false;
    const previous = words[i - 1];
    return !(w === 'of' && previous !== undefined && (REGION_WORDS.has(previous) || CITY_WORDS.has(previous)));
  });
}

/**
 * A name reduced to the letters that identify it, for matching names written by different hands.
 *
 * Lowercases; strips Latin diacritics (Aqtöbe → aqtobe); folds Kazakh letters to Russian ones
 * (Ақтөбе → актобе) and ё → е; unifies mixed-script words; drops quotes, punctuation, spaces and the
 * words for region and city in English, Russian and Kazakh (oblast, region, province, obl., область,
 * обл., облысы, city, city of, г., қ., қаласы, город, "(city)"); and puts Russian adjectives into the
 * nominative feminine, so "Актюбинской области" and "Актюбинская" agree. It does not transliterate
 * between scripts: aliases carry the spellings.
 *
 * @example normalizeName('Ақтөбе облысы') // 'актобе'
 * @example normalizeName('Nur-Sultan (city)') // 'nursultan'
 */
export function normalizeName(s: string): string {
  return coreWords(nameWords(s))
    .map((w) => w.replace(ADJECTIVE_ENDING, 'ская'))
    .join('');
}

/**
 * What a name says it is: `oblast` when it carries a word for region or is a Russian adjective
 * ("Алматинская"), `city` when it carries a word for city, null when it says neither. The resolver
 * uses this to tell "Almaty region" from "Almaty".
 *
 * @example nameKind('Алматы облысы') // 'oblast'
 * @example nameKind('г. Алматы') // 'city'
 * @example nameKind('Almaty') // null
 */
export function nameKind(s: string): 'oblast' | 'city' | null {
  const words = nameWords(s);
  if (words.some((w) => REGION_WORDS.has(w))) return 'oblast';
  if (words.some((w) => CITY_WORDS.has(w))) return 'city';
  const last = coreWords(words).at(-1);
  if (last !== undefined && ADJECTIVE_ENDING.test(last)) return 'oblast';
  return null;
}
