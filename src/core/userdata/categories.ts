/**
 * Event types of users' tables (ACLED's event_type and sub_event_type, GTD's attack types, words in
 * Russian, Kazakh and English) read into the atlas's incident categories.
 *
 * An event type the atlas cannot place (ACLED's "Strategic developments: Agreement", a word it does
 * not know) is NOT filed under `attack`: the row is rejected with the type in the reason, and the
 * user maps the type to a category (`categories` option) to accept it.
 */
import type { IncidentCategory } from '../types.ts';
import { INCIDENT_CATEGORIES } from '../data/incidents.ts';
import { headerKey } from './column-names.ts';

/** The user's reading of event types: `{ 'Strategic developments': 'security_operation' }`; case does not matter. */
export type CategoryOverrides = Readonly<Record<string, IncidentCategory>>;

/**
 * A word that begins after a non-letter (Russian and Kazakh Cyrillic): `\b` knows only Latin letters.
 * Needed where a Kazakh stem also ends other words: атыс (exchange of fire) in батыс (west), қатысу
 * (to take part) and сатысы (stage).
 */
const atWordStart = (stem: string): string => `(^|[^а-яёәғқңөұүһі])${stem}`;

/**
 * Violent acts named by the words users write. All are `attack`, the category the atlas already gives
 * ACLED's "Armed clash", GTD's "Hostage Taking" and shooting or bombing: an analyst filtering attacks
 * expects a shootout, an armed clash, a hostage-taking or an arson among them, and none of the words
 * says who fired first, so `security_operation` would claim more than the type does. A type that names
 * the context is read by the earlier rules: "перестрелка при задержании" is a detention, "поджог во
 * время беспорядков" unrest, "перестрелка в ходе спецоперации" a security operation.
 * - перестрелка, атыс / атысу: exchange of fire (атыс only at a word's start, see `atWordStart`).
 * - вооруженное столкновение (ё already folded to е), қарулы қақтығыс: armed clash.
 * - захват заложников, заложник; кепілге алу (кепілге алынды, ...): hostage-taking. Not кепіл alone,
 *   which is also bail or a pledge (кепілге босату, released on bail).
 * - поджог, подожгли; өртеу (өртеді, өртеп, өртелді): arson. Not өртенді (caught fire) nor өрт (a
 *   fire, deliberate or not).
 */
const ATTACK_WORDS = [
  'перестрел',
  atWordStart('атыс'),
  'вооруженн[а-я]* столкновен',
  'қарулы қақтығыс',
  'заложник',
  'кепілге ал',
  'поджог',
  'подожг',
  atWordStart('өрте(?!н)'),
].join('|');

/** Words that settle a category, tried in this order (an "arrest during a protest" is a detention). */
const RULES: readonly [IncidentCategory, RegExp][] = [
  ['detention', /задерж|арест|ұстал|arrest|detain|detention/],
  ['foiled_plot', /предотвра|сорван|алдын алын|foiled|plot|thwart|disrupted weapons/],
  [
    'security_operation',
    /спецопер|контртеррор|(^|[^а-я])кто([^а-я]|$)|операци|security operation|counter.?terror|\braid/,
  ],
  ['conviction', /приговор|осужд|сотталд|convict|sentenc/],
  ['extradition', /экстрадиц|выдач|депортац|extradit|deport/],
  ['unrest', /беспоряд|протест|митинг|наразылық|толқу|riot|protest|unrest|demonstrat|mob violence/],
  [
    'attack',
    new RegExp(
      `теракт|нападен|взрыв|атак|стрельб|убийств|шабуыл|жарылыс|${ATTACK_WORDS}|attack|bomb|explos|assault|shoot|assassin|kidnap|hostage|hijack|battle|violence|shelling|armed clash|arson`,
    ),
  ],
];

/** Columns whose every value is an attack: GTD lists only attacks; UCDP only organised violence (1-3). */
const ALL_ATTACKS: Readonly<Record<string, RegExp>> = {
  'attacktype1 txt': /./,
  'type of violence': /^[123](\.0+)?$/,
};

const lower = (s: string): string => s.trim().toLowerCase().replace(/ё/g, 'е');

/**
 * The category of an event type. The user's overrides come first (sub-type, then type, then
 * `type / sub-type`), then the atlas's own ids, then the words of the sub-type and the type.
 *
 * @example categoryOf('Strategic developments', 'Arrests', 'event_type') // 'detention'
 * @example categoryOf('Bombing/Explosion', '', 'attacktype1_txt') // 'attack'
 * @example categoryOf('Strategic developments', 'Agreement', 'event_type') // { error: 'event type "Strategic developments / Agreement" has no atlas category; …' }
 */
export function categoryOf(
  type: string,
  subType: string,
  column: string,
  overrides: CategoryOverrides = {},
): IncidentCategory | { error: string } {
  const said = [subType, type, `${type} / ${subType}`].map(lower).filter((s) => s !== '' && s !== '/');
  const users = new Map(Object.entries(overrides).map(([k, v]) => [lower(k), v]));
  for (const text of said) {
    const mine = users.get(text);
    if (mine !== undefined) return mine;
  }
  for (const text of said) {
    const id = text.replace(/[\s-]+/g, '_');
    if ((INCIDENT_CATEGORIES as readonly string[]).includes(id)) return id as IncidentCategory;
  }
  if (ALL_ATTACKS[headerKey(column)]?.test(lower(type))) return 'attack';
  for (const text of said.slice(0, 2)) {
    for (const [category, words] of RULES) if (words.test(text)) return category;
  }
  const shown = [type.trim(), subType.trim()].filter((s) => s !== '').join(' / ');
  if (shown === '') return { error: 'is blank; give the event type or choose a category for the whole file' };
  return {
    error: `event type "${shown.slice(0, 80)}" has no atlas category; choose one of ${INCIDENT_CATEGORIES.join(', ')} for it`,
  };
}
