import { mount } from 'svelte';
import './ui/fonts.css';
import App from './ui/App.svelte';
import './ui/global.css';
import { atlas } from './state/atlas.svelte.ts';
import { applyDocumentLanguage } from './i18n/language.ts';
import { loadLanguage } from './i18n/translate.ts';
import { loadContext, loadEmbedded } from './state/load.ts';
import { startMapWorker } from './map/maplibre.ts';

startMapWorker();

// The view and the language come from the link (else the remembered or the browser's language)
// before the first render, so that the page never flashes in another language.
atlas.readUrl(window.location.search);
applyDocumentLanguage(atlas.lang);
/** `?embed` (any value): the map alone, for an iframe. */
const embed = new URLSearchParams(window.location.search).has('embed');
// The basemap and the data are fetched before the first render, so that the fetches overlap it
// and the start of MapLibre's worker.
const basemap = loadContext();
// The population table only when the link asks for rates; otherwise it loads when they are chosen.
const data = loadEmbedded(undefined, basemap, atlas.perCapita);

// Not a top-level await: that would turn off the bundler's chunk merging (rolldown keeps the
// execution order of modules awaiting at top level by splitting every shared module apart).
void loadLanguage(atlas.lang).then(() =>
  mount(App, { target: document.getElementById('app')!, props: { embed, basemap, data } }),
);
