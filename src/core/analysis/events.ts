import type { Count, DatePrecision, Incident, IncidentCategory, LocationPrecision } from '../types.ts';
import { compareText } from '../compare.ts';

/** One event on the map: every source statement about it, and where and when to draw it. */
export interface AtlasEvent {
  id: string;
  title: string;
  category: IncidentCategory;
  statements: Incident[];
  /** Earliest first day and latest last day any statement allows. */
  start: string;
  end: string;
  /**
   * The narrowest interval all statements allow ("2011", "May 2011" and "14 May 2011" give 14 May),
   * or start..end when the statements cannot all be true.
   */
  narrowStart: string;
  narrowEnd: string;
  /** The best date precision any statement gives (day beats month beats year beats period). */
  datePrecision: DatePrecision;
  /** Whether the statements disagree on the date (e.g. "May" in one, "May 14" in another). */
  datesDiffer: boolean;
  place: string;
  locationPrecision: LocationPrecision;
  country: string;
  /** Where to draw it; null for an event known only to have happened "in Kazakhstan". */
  position: { lon: number; lat: number } | null;
  /** For an event from a user's file: the unit its coordinates fell in at its date; else null. */
  unit: string | null;
  /** Every distinct figure the statements give, per column, so that disagreements stay visible. */
  killed: Count[];
  injured: Count[];
  arrested: Count[];
  related: string[];
}

const DATE_RANK: Record<DatePrecision, number> = { day: 0, month: 1, year: 2, period: 3 };

/** Statements by the event they describe (the `event` column), each event's in the order given. */
export function statementsByEvent<T extends Pick<Incident, 'event'>>(statements: readonly T[]): Map<string, T[]> {
  const byEvent = new Map<string, T[]>();
  for (const statement of statements) {
    const list = byEvent.get(statement.event);
    if (list) list.push(statement);
    else byEvent.set(statement.event, [statement]);
  }
  return byEvent;
}

/**
 * The statement an event takes its title, category and date precision from: the first of the most
 * precisely dated ones (day beats month beats year beats period), in the order given.
 */
export function titleStatement<T extends Pick<Incident, 'datePrecision'>>(statements: readonly T[]): T {
  return [...statements].sort((a, b) => DATE_RANK[a.datePrecision] - DATE_RANK[b.datePrecision])[0]!;
}

const PLACE_RANK: Record<LocationPrecision, number> = { exact: 0, town: 1, district: 2, region: 3, country: 4 };

/**
 * Where to draw a place or unit id, or null when it cannot be placed. The precision decides
 * between a place and a unit of the same id (`atyrau` the city, `atyrau` the region).
 */
export type Locate = (placeOrUnit: string, precision: LocationPrecision) => { lon: number; lat: number } | null;

/**
 * A statement that may carry its own coordinates: a user's file gives them (`UserIncident`), the
 * curated data places statements through the gazetteer only.
 */
export type PositionedIncident = Incident & {
  position?: { lon: number; lat: number } | null;
  /** The unit a file's coordinates fell in at the statement's date (point-in-polygon), if any. */
  unit?: string | null;
};

/**
 * Groups source statements into events (by the `event` column) and places each event at its most
 * precisely located statement: at that statement's own coordinates when it has them (a user's
 * file), else where `locate` puts its place. Statements stay attached, so a panel can show each
 * source's words. An event in Kazakhstan known only to the country gets no position rather than a
 * made-up point (even when a file gives the country's centroid); any other event that cannot be
 * located is returned in `unplaced`, never dropped. A statement with coordinates but no place
 * (`place: ''`, a bare point whose unit is unknown) is drawn at its coordinates.
 */
export function groupEvents<T extends PositionedIncident>(
  incidents: readonly T[],
  locate: Locate,
): { events: AtlasEvent[]; unplaced: T[] } {
  const byEvent = statementsByEvent(incidents);
  const events: AtlasEvent[] = [];
  const unplaced: T[] = [];
  for (const [id, statements] of byEvent) {
    const best = [...statements].sort((a, b) => PLACE_RANK[a.locationPrecision] - PLACE_RANK[b.locationPrecision])[0]!;
    const nationwide = best.locationPrecision === 'country' && best.country === 'KZ';
    const where = nationwide ? null : (best.position ?? locate(best.place, best.locationPrecision));
    if (!where && !nationwide) {
      unplaced.push(...statements);
      continue;
    }
    const starts = statements.map((s) => s.dateStart.start).sort();
    const ends = statements.map((s) => (s.dateEnd ?? s.dateStart).end).sort();
    const latestStart = starts[starts.length - 1]!;
    const earliestEnd = ends[0]!;
    const agree = latestStart <= earliestEnd;
    const precise = titleStatement(statements);
    events.push({
      id,
      title: precise.title,
      category: precise.category,
      statements,
      start: starts[0]!,
      end: ends[ends.length - 1]!,
      narrowStart: agree ? latestStart : starts[0]!,
      narrowEnd: agree ? earliestEnd : ends[ends.length - 1]!,
      datePrecision: precise.datePrecision,
      datesDiffer: new Set(statements.map((s) => `${s.dateStart.text}/${s.dateEnd?.text ?? ''}`)).size > 1,
      place: best.place,
      locationPrecision: best.locationPrecision,
      country: best.country,
      position: where,
      unit: best.unit ?? null,
      killed: distinctCounts(statements.map((s) => s.killed)),
      injured: distinctCounts(statements.map((s) => s.injured)),
      arrested: distinctCounts(statements.map((s) => s.arrested)),
      related: [...new Set(statements.flatMap((s) => s.related))],
    });
  }
  events.sort((a, b) => compareText(a.start, b.start) || compareText(a.id, b.id));
  return { events, unplaced };
}

function distinctCounts(counts: (Count | null)[]): Count[] {
  const seen = new Map<string, Count>();
  for (const count of counts) if (count) seen.set(count.text, count);
  return [...seen.values()];
}
