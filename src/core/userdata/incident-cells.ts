/**
 * The cells of an incident row that take more than one column: its dates (a date, GTD's split date,
 * an end date, a precision code) and its category (event type and sub-type).
 */
import type { IncidentCategory } from '../types.ts';
import { categoryOf, type CategoryOverrides } from './categories.ts';
import { dateFromParts, parseUserDate, type UserDate } from './dates.ts';
import { datePrecisionOf, span, type DatedSpan } from './precision.ts';
import { refuse, type RowContext } from './rows.ts';

/** The row's dates with the precision its codes give, or null after recording why not. */
export function readDates(row: RowContext): DatedSpan | null {
  let start: UserDate;
  let field: 'date' | 'year' | 'month' | 'day' = 'date';
  if (row.has('date')) {
    if (row.cell('date') === '') return refuse(row, 'date', 'is blank; every incident needs a date', null);
    start = parseUserDate(row.cell('date'));
  } else if (row.has('year')) {
    const parts = dateFromParts(row.cell('year'), row.cell('month'), row.cell('day'));
    field = parts.part ?? 'year';
    start = parts;
  } else {
    return refuse(row, '(file)', 'the file has no date column (date, дата, event_date, iyear, …)', null);
  }
  if ('error' in start) return refuse(row, field, start.error, null);
  if (start.warning) row.warn('day-first', start.warning);
  const endText = row.cell('dateEnd');
  const end = endText === '' ? null : parseUserDate(endText);
  if (end && 'error' in end) return refuse(row, 'dateEnd', end.error, null);
  if (end && end.date.end < start.date.start)
    return refuse(row, 'dateEnd', `${end.date.text} is before ${start.date.text}`, null);
  const code = row.cell('datePrecision');
  const dated =
    code === ''
      ? span(start.date, end?.date ?? null)
      : datePrecisionOf(code, row.column('datePrecision'), start.date, end?.date ?? null);
  if ('error' in dated) return refuse(row, 'datePrecision', dated.error, null);
  return dated;
}

/** The row's category: its event type as the atlas or the user reads it, else the file's category. */
export function readCategory(
  row: RowContext,
  options: { category?: IncidentCategory; categories?: CategoryOverrides },
): IncidentCategory | null {
  if (!row.has('category') || (row.cell('category') === '' && options.category)) {
    if (options.category) return options.category;
    return refuse(row, '(file)', 'the file has no event type column; choose a category for the whole file', null);
  }
  const found = categoryOf(row.cell('category'), row.cell('subCategory'), row.column('category'), options.categories);
  return typeof found === 'string' ? found : refuse(row, 'category', found.error, null);
}
