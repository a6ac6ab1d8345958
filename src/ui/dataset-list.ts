import type { Component } from 'svelte';
import { withPanelMessages } from '../i18n/translate.ts';

let loading: Promise<Component> | null = null;

/** The list of kept data files (DatasetList.svelte) with its words, loaded once, when the first file is kept. */
export function datasetList(): Promise<Component> {
  loading ??= withPanelMessages(import('./DatasetList.svelte')).then((m) => m.default);
  return loading;
}
