import type { Incident, IncidentCategory, LocationPrecision } from '../types.ts';
import type { FileSpec } from './file-spec.ts';
import type { RowReader } from './row-reader.ts';
import { unitProblem, type DataContext } from './context.ts';
import { parseArticle } from './articles.ts';

export const INCIDENT_CATEGORIES: readonly IncidentCategory[] = [
  'attack',
  'foiled_plot',
  'detention',
  'security_operation',
  'conviction',
  'extradition',
  'unrest',
];

const LOCATION_PRECISIONS: readonly LocationPrecision[] = ['exact', 'town', 'district', 'region', 'country'];

/** incidents.csv: one row per source statement about one incident. */
export const incidentsSpec: FileSpec<Incident, DataContext> = {
  kind: 'incidents',
  columns: [
    'id',
    'event',
    'related',
    'category',
    'title',
    'date_start',
    'date_end',
    'date_precision',
    'place',
    'location_precision',
    'country',
    'killed',
    'injured',
    'arrested',
    'perpetrator',
    'articles',
    'source',
    'citation',
    'quote',
    'notes',
  ],
  build(r, line, context) {
    const incident: Incident = {
      id: r.id('id'),
      event: r.id('event'),
      related: r.list('related'),
      category: r.oneOf('category', INCIDENT_CATEGORIES) as IncidentCategory,
      title: r.text('title', true),
      dateStart: r.date('date_start') ?? { text: '', start: '', end: '', precision: 'day' },
      dateEnd: r.date('date_end', false),
      datePrecision: r.oneOf('date_precision', ['day', 'month', 'year', 'period'] as const) || 'day',
      place: r.text('place', true),
      locationPrecision: r.oneOf('location_precision', LOCATION_PRECISIONS) || 'town',
      country: r.text('country', true),
      killed: r.count('killed'),
      injured: r.count('injured'),
      arrested: r.count('arrested'),
      perpetrator: r.text('perpetrator'),
      articles: r.list('articles'),
      sourceId: r.text('source', true),
      citation: r.text('citation'),
      quote: r.text('quote', true),
      notes: r.text('notes'),
      line,
    };
    checkDates(r, incident);
    checkPlace(r, incident, context);
    for (const article of incident.articles) {
      const parsed = parseArticle(article);
      if ('error' in parsed) r.fail('articles', parsed.error);
    }
    const deferred = context.deferredMark !== undefined && incident.sourceId === context.deferredMark;
    if (incident.sourceId && !deferred && !context.sourceIds.has(incident.sourceId)) {
      r.fail('source', `"${incident.sourceId}" is not in sources.csv`);
    }
    return incident;
  },
};

/** The precision must say what the dates say: a period has an end, a single date has none. */
function checkDates(r: RowReader, incident: Incident): void {
  const { dateStart, dateEnd, datePrecision } = incident;
  if (!dateStart.text) return;
  if (datePrecision === 'period') {
    if (!dateEnd) r.fail('date_end', 'is required when date_precision is period');
    else if (dateEnd.end < dateStart.start)
      r.fail('date_end', `${dateEnd.text} is before date_start ${dateStart.text}`);
  } else if (dateEnd) {
    r.fail('date_end', `must be blank unless date_precision is period (it is ${datePrecision})`);
  } else if (dateStart.precision !== datePrecision) {
    r.fail(
      'date_precision',
      `says ${datePrecision} but date_start ${dateStart.text} is precise to the ${dateStart.precision}`,
    );
  }
}

/** The place must be known, lie in the stated country, and fit the stated location precision. */
function checkPlace(r: RowReader, incident: Incident, context: DataContext): void {
  if (!incident.place) return;
  // `atyrau` names both a city and a region: region precision means the region.
  const regionWanted = incident.locationPrecision === 'region' && context.unitById(incident.place) !== undefined;
  const place = regionWanted ? undefined : context.placeById(incident.place);
  if (place) {
    if (place.country !== incident.country) {
      r.fail('country', `is ${incident.country} but ${place.names.en} lies in ${place.country}`);
    }
    if (place.kind === 'country' && incident.locationPrecision !== 'country') {
      r.fail('location_precision', `must be country for the place ${place.names.en}`);
    }
    return;
  }
  const unit = context.unitById(incident.place);
  if (!unit) {
    r.fail('place', `"${incident.place}" is neither a place nor a unit of the gazetteer`);
    return;
  }
  if (incident.locationPrecision !== 'region') {
    r.fail('location_precision', `must be region when the place is a unit (${unit.short.en})`);
  }
  if (incident.country !== 'KZ') r.fail('country', `is ${incident.country} but ${unit.short.en} is in KZ`);
  const end = (incident.dateEnd ?? incident.dateStart).end;
  const problem = incident.dateStart.start ? unitProblem(context, unit.id, incident.dateStart.start, end) : null;
  if (problem) r.fail('place', problem);
}
