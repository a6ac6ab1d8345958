import { mount } from 'svelte';
import './ui/fonts.css';
import App from './ui/App.svelte';
import './ui/global.css';
import { atlas } from './state/atlas.svelte.ts';
import { applyDocumentLanguage } from './i18n/language.ts';
import { loadLanguage } from './i18n/translate.ts';
import { loadEmbedded } from './state/load.ts';
import { startMapWorker } from './map/maplibre.ts';

startMapWorker();

// The view and the language come from the link (else the remembered or the browser's language)
// before the first render, so that the page never flashes in another language.
atlas.readUrl(window.location.search);
applyDocumentLanguage(atlas.lang);
/** `?embed` (any value): the map alone, for an iframe. */
const embed = new URLSearchParams(window.location.search).has('embed');
// The basemap and the data are fetched before anything is drawn (index.html preloads them while
// the scripts load), and the page is mounted once they are read: the map is created with every
// source, so MapLibre's worker reads them all at once and no frame is spent on a partial map. The
// population table only when the link asks for rates; otherwise it loads when they are chosen.
// A link to another period waits for that period's units too, so that its first map is drawn on
// them (if they cannot be read, the legend says so: `atlas.layoutError`).
const data = loadEmbedded(atlas.perCapita).then(
  (loaded) => {
    atlas.load(loaded);
    return atlas.ensureLayout(atlas.layoutChoice.layout).catch(() => undefined);
  },
  (error: unknown) => void (atlas.loadError = error instanceof Error ? error.message : String(error)),
);

// Not a top-level await: that would turn off the bundler's chunk merging (rolldown keeps the
// execution order of modules awaiting at top level by splitting every shared module apart).
void Promise.all([loadLanguage(atlas.lang), data]).then(() => {
  const target = document.getElementById('app')!;
  // The "Loading…" index.html shows until the page is mounted.
  target.replaceChildren();
  mount(App, { target, props: { embed } });
});
