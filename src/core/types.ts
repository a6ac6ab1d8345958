/**
 * The atlas's domain model, shared by the pure core, the CLI and the app.
 * Nothing here touches the DOM or MapLibre.
 */

import type { PLACE_DETAIL_FIELDS, UNIT_DETAIL_FIELDS } from './gazetteer-fields.ts';

/** Administrative layouts of Kazakhstan's first-level units (see docs/domain.md). */
export type LayoutId = 'A' | 'B' | 'C';

export type Lang = 'en' | 'ru' | 'kk' | 'kk_latn';

/** Names of a unit or place in the four scripts the atlas speaks. */
export interface Names {
  en: string;
  ru: string;
  kk: string;
  kk_latn: string;
}

/**
 * One first-level unit (oblast or city of republican significance) with one extent, as
 * `geo/gazetteer/units.json` has it. A unit whose territory changed (East Kazakhstan in 2022) has
 * one record per extent.
 */
export interface UnitRecord {
  /** Stable slug in users' words: `aktobe`, `east-kazakhstan`, `east-kazakhstan-2022`. */
  id: string;
  /** First two digits of KATO, e.g. `15` for Aktobe. */
  kato: string;
  /** OCHA P-code: `KZ` + kato. */
  pcode: string;
  /** ISO 3166-2 numeric form, e.g. `KZ-15`. */
  isoNumeric: string;
  /** ISO 3166-2 letter form used by older data, e.g. `KZ-AKT`; letter codes seen in datasets for 2022 units too. */
  isoLetter: string[];
  /** HASC (Natural Earth / GADM style), e.g. `KZ.AT`; null where none exists. */
  hasc: string | null;
  kind: 'oblast' | 'city';
  /** Layouts in which this unit, with this extent, is a first-level unit. */
  layouts: LayoutId[];
  /** ISO date (or year) this extent came into force; null when older than the atlas's layouts. */
  validFrom: string | null;
  /** Last ISO day this extent was in force; null while it still is. */
  validTo: string | null;
  /** Official names (with the word for region / city as each language writes it). */
  names: Names;
  /** Short names for labels: `Aktobe`, `Актобе`, `Ақтөбе`, `Aqtöbe`. */
  short: Names;
  /** Other spellings accepted by the resolver (English, Russian, Kazakh, transliterations, abbreviations). */
  aliases: string[];
  /** Names the unit bore for a time, e.g. Nur-Sultan 2019-03-23 to 2022-09-16. */
  historicalNames: { name: string; from: string | null; to: string | null }[];
  /** Unit (of an earlier layout) this unit lies within, or null. */
  partOf: string | null;
  /** Place id of the administrative centre. */
  centre: string;
  /** One-sentence history in plain words. */
  history: string;
}

/**
 * The fields of a unit's record that only the details of a selection and the readers of users'
 * files use (codes, other spellings, history): the page's start-up gazetteer leaves them out
 * (core/gazetteer.ts, core/gazetteer-details.ts).
 */
export type UnitDetailField = (typeof UNIT_DETAIL_FIELDS)[number] & keyof UnitRecord;

/** Names in the interface's languages: the start-up gazetteer leaves out the Kazakh Latin ones. */
export type UiNames = Omit<Names, 'kk_latn'>;

/** A unit as the start-up gazetteer has it (`unitById`): its record without the detail fields and Kazakh Latin names. */
export type Unit = Omit<UnitRecord, UnitDetailField | 'names' | 'short'> & { names: UiNames; short: UiNames };

/** A city, town, village or foreign area that the data names, as `geo/gazetteer/places.json` has it. */
export interface PlaceRecord {
  id: string;
  names: Names;
  aliases: string[];
  kind: 'city' | 'town' | 'village' | 'district' | 'region' | 'country';
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  lon: number;
  lat: number;
  /** The first-level unit the place lies in, per layout (Kazakhstan only). */
  units: Partial<Record<LayoutId, string>>;
  /** For cities of republican significance: the unit that the city itself is. */
  cityUnit: string | null;
  /** Where the coordinate comes from and how exact it is. */
  coordNote: string;
}

/** The fields of a place's record that only the readers of users' files use. */
export type PlaceDetailField = (typeof PLACE_DETAIL_FIELDS)[number] & keyof PlaceRecord;

/** A place as the start-up gazetteer has it (`placeById`): its record without the detail fields and Kazakh Latin name. */
export type Place = Omit<PlaceRecord, PlaceDetailField | 'names'> & { names: UiNames };

/** Outcome of resolving a name to a unit at a date. */
export type Resolution =
  { ok: true; unit: Unit; layout: LayoutId; via: string } | { ok: false; reason: string; candidates: string[] };

export type PlaceResolution =
  | { ok: true; place: Place; unit: Unit | null; layout: LayoutId; via: string }
  | { ok: false; reason: string; candidates: string[] };

/** How exact a date is (after UCDP GED's date_prec and ACLED's time_precision). */
export type DatePrecision = 'day' | 'month' | 'year' | 'period';

/** How exact a location is (after ACLED's geo_precision and GTD's specificity). */
export type LocationPrecision = 'exact' | 'town' | 'district' | 'region' | 'country';

/** A partial ISO date kept with its precision: `2011`, `2011-05`, `2011-05-14`. */
export interface FuzzyDate {
  /** The text as written in the data file. */
  text: string;
  /** First day covered, ISO. */
  start: string;
  /** Last day covered, ISO. */
  end: string;
  precision: 'day' | 'month' | 'year';
}

/** A count as sources state it: exact, "more than", "at least" or "about". */
export interface Count {
  value: number;
  qualifier: 'exact' | 'more_than' | 'at_least' | 'about';
  /** The text as written in the data file, e.g. `>950`. */
  text: string;
}

export interface Source {
  id: string;
  seedFile: string;
  title: string;
  publisher: string;
  author: string;
  published: string;
  notes: string;
  /** The web address of a source that is not a seed article (an official table); '' otherwise. */
  url: string;
}

export type IncidentCategory =
  'attack' | 'foiled_plot' | 'detention' | 'security_operation' | 'conviction' | 'extradition' | 'unrest';

/** One source's statement about one incident. Several statements can describe one event. */
export interface Incident {
  id: string;
  /** Statements of the same event share this id. */
  event: string;
  /** Ids of other events that may be the same or linked (sources disagree). */
  related: string[];
  category: IncidentCategory;
  title: string;
  dateStart: FuzzyDate;
  dateEnd: FuzzyDate | null;
  datePrecision: DatePrecision;
  place: string;
  locationPrecision: LocationPrecision;
  country: string;
  killed: Count | null;
  injured: Count | null;
  arrested: Count | null;
  perpetrator: string;
  /** Criminal Code references as `<edition>:<article>[.<part>]`, e.g. `1997:233`. */
  articles: string[];
  sourceId: string;
  citation: string;
  quote: string;
  notes: string;
  /** Line number in the file (header = 1). */
  line: number;
}

export type StatLevel = 'national' | 'region' | 'city';

/** One figure from a statistic: a count for one unit, city or the country, one period, one article. */
export interface Statistic {
  id: string;
  /** Figures of one table share this id: one metric, article and period from one source. */
  series: string;
  metric: string;
  codeEdition: string;
  article: string;
  part: string;
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  level: StatLevel;
  /** Unit id (level region) or null. */
  unit: string | null;
  /** Place id (level city) or null. */
  place: string | null;
  value: Count;
  derived: boolean;
  derivation: string;
  /** `complete`: every unit of the layout is given; `named_only`: only the units the source names. */
  coverage: 'complete' | 'named_only';
  sourceId: string;
  citation: string;
  quote: string;
  related: string[];
  notes: string;
  line: number;
}

/** A national figure shown beside the map (foiled attacks per year, blocked websites, ...). */
export interface NationalIndicator {
  id: string;
  /** Slug shared by the figures of one indicator, e.g. `websites_blocked`. */
  indicator: string;
  label: string;
  periodStart: string;
  periodEnd: string;
  periodLabel: string;
  value: Count;
  unitLabel: string;
  sourceId: string;
  citation: string;
  quote: string;
  related: string[];
  notes: string;
  line: number;
}

/** A row that failed validation: file, line (header = 1), field and reason. */
export interface Rejection {
  row: number;
  field: string;
  reason: string;
}

export interface FileReport {
  file: string;
  /** The sheet read, for a workbook (.xlsx): its rows are then the sheet's row numbers. */
  sheet?: string;
  rows: number;
  accepted: number;
  rejected: Rejection[];
}
