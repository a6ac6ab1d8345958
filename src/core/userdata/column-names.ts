/**
 * The names under which users' tables give each of the atlas's fields: English, Russian and Kazakh
 * headers, and the column names of ACLED, GTD and UCDP GED.
 */

/**
 * Known names of each field's column, best first (`|` separates names of several words); a field's
 * place in this list breaks ties. `year`, `month`, `day` are GTD's split date and a statistic's year.
 */
const FIELD_NAMES = {
  date: 'event_date date date_start start_date дата күні күн датасы|дата события|дата происшествия|оқиға күні',
  dateEnd: 'date_end end_date|дата окончания|дата конца',
  year: 'iyear year год жыл жылы',
  month: 'imonth month месяц ай',
  day: 'iday day день',
  latitude: 'latitude lat широта ендік',
  longitude: 'longitude lon lng long долгота бойлық',
  region: 'admin1 provstate adm_1 region oblast province регион область облыс өңір аймақ kato като',
  place: 'location city place town settlement город пункт место қала where_coordinates|населенный пункт|елді мекен',
  country: 'country_txt country страна ел мемлекет',
  category:
    'event_type attacktype1_txt type_of_violence category type тип вид категория түрі санат|тип события|вид события',
  subCategory: 'sub_event_type subtype подтип',
  killed: 'fatalities nkill best killed deaths dead погибшие погибло погибших убито убитые убитых|қаза тапқандар',
  injured: 'nwound injured wounded ранено раненые раненых ранены жараланғандар',
  arrested: 'arrested detained arrests задержано задержанные задержанных арестовано арестованные ұсталғандар',
  perpetrator: 'actor1 gname side_a perpetrator исполнитель исполнители группировка',
  source: 'source scite1 source_article источник источники дереккөз url link ссылка',
  notes: 'notes addnotes note comment примечание примечания комментарий ескерту',
  title: 'title summary description headline описание заголовок событие название сипаттама',
  id: 'event_id_cnty eventid event_id id № номер',
  locationPrecision: 'geo_precision specificity where_prec location_precision|точность места',
  datePrecision: 'time_precision date_prec date_precision|точность даты',
  value: 'value count number total количество число всего значение саны cases осуждено|кол во',
  period: 'period period_label период кезең|отчетный период',
  article: 'article статья бап|статья ук|статья ук рк',
  part: 'part часть бөлігі бөлік',
  edition: 'edition code_edition редакция кодекс',
  metric: 'metric indicator показатель көрсеткіш',
} as const;

export type AtlasField = keyof typeof FIELD_NAMES;

/** Every known name, as its header key, with its field. */
export const NAMES: readonly [AtlasField, string][] = Object.entries(FIELD_NAMES).flatMap(([field, list]) => {
  const [single = '', ...phrases] = list.split('|');
  const names = [...single.split(' ').filter((n) => n !== ''), ...phrases];
  return names.map((name): [AtlasField, string] => [field as AtlasField, headerKey(name)]);
});

/** A cell longer than this is data, not a column name. */
export const LONGEST_HEADER = 120;

/** Names too general to be sure of. */
export const GENERIC = new Set([
  'type',
  'тип',
  'вид',
  'value',
  'number',
  'count',
  'total',
  'число',
  'всего',
  'id',
  'long',
]);

/**
 * A header reduced for comparison: lower case, ё → е, everything but letters, digits and № as spaces.
 *
 * @example headerKey(' Населённый_пункт ') // 'населенный пункт'
 */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}№]+/gu, ' ')
    .trim();
}
