import { describe, expect, it } from 'vitest';
import { defaultView, viewFromQuery, viewToQuery } from '../../src/core/view/url.ts';

describe('the view in the URL', () => {
  it('round-trips filters, statistic, selection and camera', () => {
    const view = {
      ...defaultView(),
      from: 2011,
      to: 2014,
      categories: ['attack' as const],
      articles: ['2014:256.2'],
      series: 's',
      selected: 'unit:aktobe',
      camera: { zoom: 4.5, lat: 48.1234, lon: 67.5 },
      labels: 'kk' as const,
    };
    expect(viewFromQuery(viewToQuery(view))).toEqual(view);
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
