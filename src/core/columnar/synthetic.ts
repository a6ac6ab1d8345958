/**
 * Synthetic events for benchmarks and tests, spread like the atlas's real ones and the same for
 * the same seed on every machine.
 *
 * - **Where.** 95% (1 − `uniformShare`) cluster around the gazetteer's Kazakh cities and villages,
 *   picked with probability proportional to a rough population ({@link POPULATION}, thousands, round
 *   2020s figures; a place not listed weighs 20). Around the chosen place the offset is Gaussian:
 *   three in four events within the city (σ = 2 + 4·√(population in millions) km: 8 km for Almaty,
 *   3 km for a town of 60,000), one in four in its surroundings (σ = 30 km). Clustered points are kept
 *   wherever they fall, so a few land across a border or in a lake, as real events near borders do.
 *   The other 5% fall uniformly inside Kazakhstan (rejection sampling with `inKazakhstan`).
 * - **When.** Years 2004-2023, weighted 1 + 2·exp(−((year − 2014)/3)²) (the 2011-2017 wave of attacks,
 *   detentions and convictions), a uniform day of the year; 70% known to the day, 20% to the month
 *   (span = the month), 10% to the year (span = the year).
 * - **What.** Categories skewed as in the curated data: detention 34%, conviction 26%, foiled plot 12%,
 *   security operation 10%, attack 8%, extradition 6%, unrest 4%.
 *
 * Units are left {@link NO_UNIT}: assign them from polygons (`assignUnits`), as for imported events.
 */
import { places } from '../gazetteer.ts';
import type { IncidentCategory } from '../types.ts';
import {
  INCIDENT_CATEGORIES,
  NO_UNIT,
  daysFromCivil,
  eventTableFromRows,
  sortByDay,
  type EventRow,
  type EventTable,
} from './event-table.ts';

/** Rough population in thousands (2020s, rounded), the weight of each place's cluster. */
export const POPULATION: Readonly<Record<string, number>> = {
  almaty: 2200,
  astana: 1350,
  shymkent: 1200,
  karaganda: 500,
  aktobe: 560,
  taraz: 360,
  pavlodar: 340,
  'ust-kamenogorsk': 330,
  semey: 320,
  atyrau: 300,
  kostanay: 250,
  kyzylorda: 250,
  oral: 240,
  petropavl: 220,
  aktau: 190,
  turkistan: 180,
  taldykorgan: 150,
  kokshetau: 150,
  zhanaozen: 150,
  zhezkazgan: 90,
  konaev: 60,
  zyryanovsk: 40,
  boraldai: 10,
  shubarshi: 3,
};

/** Category shares, by category (they sum to 1). */
export const CATEGORY_SHARE: Readonly<Record<IncidentCategory, number>> = {
  detention: 0.34,
  conviction: 0.26,
  foiled_plot: 0.12,
  security_operation: 0.1,
  attack: 0.08,
  extradition: 0.06,
  unrest: 0.04,
};

/** Kazakhstan's bounding box (west, south, east, north), for the uniform share. */
const KAZAKHSTAN_BOX = [46.4, 40.5, 87.4, 55.5] as const;

export interface SyntheticOptions {
  /** Number of events. */
  count: number;
  /** Any 32-bit integer; the same seed gives the same events. */
  seed: number;
  /** Whether a point lies in Kazakhstan, to place the uniform share (e.g. a unit index over the regions). */
  inKazakhstan: (lon: number, lat: number) => boolean;
  /** Share of events spread uniformly over the country rather than around cities; default 0.05. */
  uniformShare?: number;
  /** First and last year; default 2004 and 2023. */
  fromYear?: number;
  toYear?: number;
}

/**
 * mulberry32: a tiny 32-bit seeded generator of floats in [0, 1), good enough for test data.
 *
 * @example const random = mulberry32(42); random(); // 0.6011037519201636
 */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cumulative weights, for picking an index with probability proportional to its weight. */
function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w / total));
  out[out.length - 1] = 1;
  return out;
}

/** The first index whose cumulative weight exceeds `u` (binary search). */
function pick(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Synthetic events one by one (see the module comment for how they are spread). Each row is a new
 * object with units {@link NO_UNIT}.
 */
export function* syntheticEvents(options: SyntheticOptions): Generator<EventRow> {
  const { count, seed, inKazakhstan, uniformShare = 0.05, fromYear = 2004, toYear = 2023 } = options;
  const random = mulberry32(seed);
  const gaussian = (): number => {
    // Box-Muller; 1 - random() is in (0, 1], so the logarithm is finite.
    return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  };

  const centres = places.filter((p) => p.country === 'KZ' && p.kind !== 'country' && p.kind !== 'region');
  const population = centres.map((p) => POPULATION[p.id] ?? 20);
  const placeCdf = cumulative(population);
  const citySigmaKm = population.map((k) => 2 + 4 * Math.sqrt(k / 1000));

  const years: number[] = [];
  for (let y = fromYear; y <= toYear; y++) years.push(y);
  const yearCdf = cumulative(years.map((y) => 1 + 2 * Math.exp(-(((y - 2014) / 3) ** 2))));
  const categoryCdf = cumulative(INCIDENT_CATEGORIES.map((c) => CATEGORY_SHARE[c]));

  const [west, south, east, north] = KAZAKHSTAN_BOX;
  for (let i = 0; i < count; i++) {
    let lon: number;
    let lat: number;
    if (random() < uniformShare) {
      do {
        lon = west + (east - west) * random();
        lat = south + (north - south) * random();
      } while (!inKazakhstan(lon, lat));
    } else {
      const p = pick(placeCdf, random());
      const centre = centres[p]!;
      const sigmaKm = random() < 0.75 ? citySigmaKm[p]! : 30;
      lat = centre.lat + (gaussian() * sigmaKm) / 110.574;
      lon = centre.lon + (gaussian() * sigmaKm) / (111.32 * Math.cos((centre.lat * Math.PI) / 180));
    }

    const year = years[pick(yearCdf, random())]!;
    const first = daysFromCivil(year, 1, 1);
    const yearLength = daysFromCivil(year + 1, 1, 1) - first;
    const dayNumber = first + Math.floor(random() * yearLength);
    const precision = random();
    let day = dayNumber;
    let dayEnd = dayNumber;
    if (precision >= 0.9) {
      day = first;
      dayEnd = first + yearLength - 1;
    } else if (precision >= 0.7) {
      const date = new Date(dayNumber * 86_400_000);
      const month = date.getUTCMonth() + 1;
      day = daysFromCivil(year, month, 1);
      dayEnd = daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1;
    }
    const category = pick(categoryCdf, random());
    yield { lon, lat, day, dayEnd, category, unitA: NO_UNIT, unitB: NO_UNIT, unitC: NO_UNIT };
  }
}

/**
 * {@link syntheticEvents} collected into a table sorted by day (stable: events of one day stay in
 * the order generated), as the app keeps its events.
 */
export function syntheticTable(options: SyntheticOptions): EventTable {
  return sortByDay(eventTableFromRows(syntheticEvents(options), options.count));
}
