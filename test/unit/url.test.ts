import { describe, expect, it } from 'vitest';
import { defaultView, viewFromQuery, viewToQuery } from '../../src/core/view/url.ts';

describe('the view in the URL', () => {
  it('round-trips filters, statistic, comparison, selection, camera, classes and mode', () => {
    const view = {
      ...defaultView(),
      from: 2011,
      to: 2014,
      focus: 2012,
      categories: ['attack' as const],
      articles: ['2014:256.2'],
      series: 's',
      compare: 'years:2011-2012',
      selected: 'unit:aktobe',
      camera: { zoom: 4.5, lat: 48.1234, lon: 67.5 },
      labels: 'kk' as const,
      classes: { method: 'manual' as const, count: 4, palette: 'Blues' as const, breaks: [5, 10], fixed: false },
      mode: 'table' as const,
      perCapita: true,
    };
    expect(viewFromQuery(viewToQuery(view))).toEqual(view);
    expect(new URLSearchParams(viewToQuery(view)).get('rate')).toBe('1');
  });

  it('shows counts unless the link asks for rates with rate=1', () => {
    expect(viewFromQuery('?rate=1').perCapita).toBe(true);
    expect(viewFromQuery('?rate=yes').perCapita).toBe(false);
    expect(viewFromQuery('').perCapita).toBe(false);
  });

  it('drops a focus year outside the range', () => {
    expect(viewFromQuery('?from=2011&to=2012&year=2019').focus).toBeNull();
  });

  it('writes nothing for the default view, so the plain address opens it', () => {
    expect(viewToQuery(defaultView())).toBe('');
  });

  it('falls back per part on a malformed link instead of failing', () => {
    const view = viewFromQuery('?from=abc&to=2012&cat=attack,nonsense&map=1/2');
    expect(view.from).toBe(defaultView().from);
    expect(view.to).toBe(2012);
    expect(view.categories).toEqual(['attack']);
    expect(view.camera).toBeNull();
  });
});
