import type { Source } from '../types.ts';
import type { FileSpec } from './file-spec.ts';

/** sources.csv: the articles every figure is traced back to. */
export const sourcesSpec: FileSpec<Source, null> = {
  kind: 'sources',
  columns: ['id', 'seed_file', 'title', 'publisher', 'author', 'published', 'notes'],
  build(r) {
    const published = r.date('published');
    return {
      id: r.id('id'),
      seedFile: r.text('seed_file', true),
      title: r.text('title', true),
      publisher: r.text('publisher', true),
      author: r.text('author', true),
      published: published?.text ?? '',
      notes: r.text('notes'),
    };
  },
};
