import type { Source } from '../types.ts';
import type { FileSpec } from './file-spec.ts';
import { DIGEST_MARK } from './digest.ts';

/**
 * sources.csv: the articles every figure is traced back to: a seed article (`seed_file`), or a
 * published table or page named by its web address (`url`); one of the two is required. A web page
 * that states no date (an encyclopedia article, revised continually) may leave `published` blank,
 * which means "not stated", never a guessed date; a seed article must have one.
 */
export const sourcesSpec: FileSpec<Source, null> = {
  kind: 'sources',
  columns: ['id', 'seed_file', 'title', 'publisher', 'author', 'published', 'notes', 'url'],
  optional: ['url'],
  build(r) {
    const url = r.text('url');
    const published = r.date('published', url === '');
    // In the page's digest the address is a mark until the files' texts load (digest.ts); the build
    // and data:check read the file itself.
    if (url && url !== DIGEST_MARK && !/^https?:\/\/\S+$/.test(url))
      r.fail('url', `"${url}" is not a web address (http:// or https://)`);
    return {
      id: r.id('id'),
      // A source that is not one of the seed articles (an official table) is named by its address.
      seedFile: r.text('seed_file', url === ''),
      title: r.text('title', true),
      publisher: r.text('publisher', true),
      author: r.text('author', true),
      published: published?.text ?? '',
      notes: r.text('notes'),
      url,
    };
  },
};
