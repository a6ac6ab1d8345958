/**
 * Every user-visible string of the atlas, in English: the source of truth for the Russian and
 * Kazakh catalogues, whose type (`Catalogue`) is derived from this object so that a missing or
 * misspelt key is a type error.
 *
 * Conventions:
 * - Keys are dotted groups (`legend.notReported`); a group is named after the component or the
 *   data code it serves (`category.attack`, `metric.convicted_persons`, `layout.A`).
 * - Parameters are written `{name}` and are filled by `t(key, { name })`.
 * - A message whose words agree with a number is an object of plural forms keyed by the
 *   `Intl.PluralRules` categories of its language (`one`, `few`, `many`, `other`); the number is
 *   the `{count}` parameter. English needs `one` and `other`.
 * - Text that comes from the data files (titles, quotes, notes, period labels) is not here: it is
 *   shown as the source wrote it.
 */
export const en = {
  app: {
    title: 'Kazakhstan incident and conviction atlas',
    summary: {
      incidents: { one: '{count} incident', other: '{count} incidents' },
      statements: { one: 'from {count} source statement', other: 'from {count} source statements' },
      statistics: { one: '{count} statistic', other: '{count} statistics' },
      sources: { one: '{count} source', other: '{count} sources' },
      rejected: {
        one: '{count} data row rejected (run npm run data:check)',
        other: '{count} data rows rejected (run npm run data:check)',
      },
    },
    loadError: 'The atlas could not load its data: {error}. Reload the page; if it persists, run npm run data:check.',
    loading: 'Loading boundaries and data…',
    language: 'Language',
    languageNames: { en: 'English', ru: 'Русский', kk: 'Қазақша' },
    leftPanel: 'Filters, legend and boundaries',
    rightPanel: 'Details, national figures and lists',
  },
  common: {
    and: 'and',
    or: 'or',
    yearRange: '{from}–{to}',
  },
  filters: {
    ariaLabel: 'Filters',
    years: 'Years',
    from: 'From',
    to: 'To',
    firstYear: 'First year',
    lastYear: 'Last year',
    incidents: 'Incidents',
    articles: 'Statistics: Criminal Code articles',
    mapLabels: 'Map labels',
    statistic: 'Statistic on the map',
    incidentSeries: 'Incidents in this atlas (count, selected years and categories)',
    noStatistic: 'No statistic for these years and articles',
    compareWith: 'Compare with',
    noComparison: 'No comparison',
    incidentsIn: 'Incidents in {year}',
    compareChoice: '{period}: {title}',
  },
  classes: {
    summary: 'Classes and colours',
    method: 'Method',
    methods: {
      natural: 'Natural breaks (Jenks/Ckmeans)',
      quantile: 'Quantiles',
      equal: 'Equal intervals',
      manual: 'Manual breaks',
    },
    upperBounds: 'Upper bounds of the classes',
    breaksError: 'Write numbers separated by commas, e.g. 5, 10, 20.',
    count: 'Classes',
    palette: 'Palette (colour-blind safe)',
    fixedScale: 'Keep the colour scale fixed over the selected years',
  },
  legend: {
    ariaLabel: 'Legend',
    noStatisticCovers: 'No statistic covers {years} for the selected articles, so the map shows incident counts.',
    incidentCountsNote: "Counts of the incidents in this atlas's data, not of every incident that happened.",
    kazakhstan: 'Kazakhstan',
    notItemised: '({count} elsewhere, not itemised by the source)',
    regions: { one: '({count} region)', other: '({count} regions)' },
    notReported: 'Not reported',
    notReportedInPeriods: 'Not reported in one or both periods',
    change: 'Change from {before} to {after}',
    noChange: 'no change',
    classRange: '{from} to {to}',
    circlesHidden: "City circles are hidden while comparing periods; the cities' units are compared.",
    cityFigure: 'City figure (circle area ∝ value)',
    derived: "Derived from the source's words, not stated as a number",
    noStatisticTitle: 'No statistic in view',
    noStatisticHelp:
      'No statistic covers {years} for the selected articles. Widen the years, tick more articles, or show incident counts.',
    incidents: 'Incidents',
    exactDay: 'Exact day known',
    fuzzyDate: 'Only month, year or period known',
    areaOnly: 'Only the region or country known',
  },
  details: {
    ariaLabel: 'Details',
    close: 'Close details',
    kato: 'KATO {code}',
    derived: '(derived)',
    notReportedBySource: 'Not reported by the source',
    figuresForYears: 'Figures for the selected years',
    cityOf: '(city of {city})',
    withinRegion: '({unit}, within this region)',
    derivation: 'Derived: {derivation}',
    incidentsHere: 'Incidents here ({count})',
    noIncidentsHere: 'None in the selected years and categories.',
    noCityFigure: 'No city figure in the selected years.',
    unitAtTime: 'In {unit} at the time ({year}).',
    unitAtTimeAndToday: 'In {unit} at the time ({year}); today in {today}.',
    outsideUnits: 'Outside the units of its time.',
    outsideUnitsToday: 'Outside the units of its time; today in {today}.',
    datesDiffer: 'The sources give different dates for this event.',
    sourcesDiffer: 'The sources give different figures.',
    source: 'Source',
    sourceCount: { one: '{count} source', other: '{count} sources' },
    killed: 'killed: {counts}',
    injured: 'injured: {counts}',
    arrested: 'arrested: {counts}',
    perpetrator: 'Perpetrator named: {name}',
    charges: 'Charges: {articles}',
    relatedReports: 'Related reports',
    empty: 'Click a region, a city circle or a marker, or pick one from the lists, to read its figures and sources.',
  },
  lists: {
    regions: 'Regions',
    regionsNoStatistic: 'Regions (no statistic in view)',
    region: 'Region',
    figure: 'Figure',
    notReported: 'not reported',
    cityFigures: 'City figures',
    incidents: 'Incidents',
    eventCount: '({shown} of {total})',
    nationwide: 'nationwide, no place given (not drawn on the map)',
    noIncidents: 'No incidents in these categories in {years}.',
    unplaced: {
      one: '{count} statement could not be placed on the map: {ids}',
      other: '{count} statements could not be placed on the map: {ids}',
    },
  },
  national: {
    ariaLabel: 'National figures',
    title: 'National figures, {years}',
    sourcesDisagree: 'Sources disagree',
    sourcesDiffer: 'sources differ',
    compare: 'Compare: {figures}',
    empty: 'No national figure covers these years.',
  },
  source: {
    cited: 'cited: {citation}',
  },
  boundaries: {
    title: 'Boundaries',
    units: { one: '{count} unit', other: '{count} units' },
    period: { A: '1997-2018', B: '2018-2022', C: 'since 2022' },
    remove: 'Remove',
    removeLabel: 'Remove {label}',
    importGroup: 'Import a boundary file',
    importLabel: 'Import boundaries (GeoJSON, TopoJSON or zipped shapefile)',
    dropHint: 'or drop a file here. It is read in this browser and kept here; nothing is uploaded.',
    reading: 'Reading {file}…',
    savedUnreadable: 'Saved boundaries could not be read: {error}',
    onlyEmbedded: 'Only the embedded 1997-2018 units are loaded; later figures are shown within them.',
    embeddedLabel: 'Natural Earth, 1997-2018 layout',
    features: { one: '{count} feature', other: '{count} features' },
    levelDistricts: 'districts',
    levelRegions: 'regions',
    reportSummary: '{format}, {features}, {level}.',
    matched: 'Matched {matched} of {total} features to {units} units.',
    notMatched: 'Not matched ({count})',
    feature: 'Feature',
    why: 'Why',
    assignTo: 'Assign to',
    assignFeature: 'Assign feature {index} to a unit',
    leaveOut: 'leave out',
    suggested: '{unit} (suggested)',
    noGeometry: 'no geometry to draw',
    claimedTwice: 'Units claimed twice',
    duplicate: '{unit}: features {indexes} (merged)',
    repairs: { one: '{count} repair or remark', other: '{count} repairs and remarks' },
    cancel: 'Cancel',
    add: 'Add to the map',
  },
  map: {
    ariaLabel: "Map of Kazakhstan's regions and incidents",
    notReported: 'not reported',
    attribution: 'Made with Natural Earth · Lakes © OpenStreetMap contributors (ODbL)',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    toggleAttribution: 'Show or hide the map credits',
    kilometres: 'km',
    metres: 'm',
  },
  view: {
    ariaLabel: 'View',
    map: 'Map',
    table: 'Table',
  },
  profile: {
    ariaLabel: 'Profile of {unit}',
    title: 'Profile: every statistic, all years',
    noStatistic: 'No statistic in the data names this unit.',
    allIncidents: 'All incidents here, any year ({count})',
    noIncidents: 'None in the data.',
    namesAndCodes: 'Names and codes',
    iso: 'ISO 3166-2: {codes}',
    alsoWritten: 'Also written: {names}',
    formerNames: 'Former names: {names}',
  },
  table: {
    ariaLabel: 'Table of the figures on the map',
    tabs: 'Table',
    statistics: 'Statistics',
    incidents: 'Incidents',
    filterRows: 'Filter rows',
    rowCount: '{shown} of {total} rows',
    noRows: 'No rows for these filters.',
    values: {
      national: 'national',
      region: 'region',
      city: 'city',
      stated: 'stated',
      derived: 'derived',
    },
    columns: {
      where: 'Where',
      level: 'Level',
      measure: 'Measure',
      period: 'Period',
      value: 'Figure',
      status: 'Stated or derived',
      source: 'Source',
      date: 'Date',
      title: 'Incident',
      category: 'Category',
      place: 'Place',
      killed: 'Killed',
      injured: 'Injured',
      arrested: 'Arrested',
      sources: 'Sources',
    },
  },
  timeline: {
    ariaLabel: 'Timeline of incidents',
    play: 'Play',
    pause: 'Pause',
    showing: 'Showing {year} of {years}',
    showAll: 'show all years',
    dragHint: '{years}: drag across the bars to choose years',
    chartLabel: 'Incidents per year, {from} to {to}: {counts}',
    monthsLabel: 'Incidents in {year} by month',
    yearOnlyTitle: 'known only to the year {year}: {count}',
    yearOnly: 'year only {count}',
    note: 'Solid: month known; light: only the year (or a period within it) known.',
    spanning: {
      one: '{count} incident dated only to a period over several years ({titles}) is in no bar.',
      other: '{count} incidents dated only to a period over several years ({titles}) are in no bar.',
    },
  },
  category: {
    attack: 'Attack',
    foiled_plot: 'Foiled plot',
    detention: 'Detention',
    security_operation: 'Security operation',
    conviction: 'Conviction',
    extradition: 'Extradition',
    unrest: 'Unrest',
  },
  precision: {
    date: {
      day: 'exact day',
      month: 'month only',
      year: 'year only',
      period: 'a period',
    },
    location: {
      exact: 'exact place',
      town: 'town or city',
      district: 'district',
      region: 'region only',
      country: 'country only',
    },
  },
  metric: {
    convicted_persons: 'Persons convicted',
    criminal_offences: 'Criminal offences recorded',
    court_cases: 'Cases considered by courts',
    incidents: 'Incidents in this atlas',
  },
  series: {
    title: '{metric}, {article}, {period}',
    selectedCategories: 'selected categories',
    incidentNote: 'Count of the incidents in this atlas that lie in the unit, for the selected years and categories.',
  },
  article: {
    withPart: 'Art. {article} part {part} ({edition} code)',
    noPart: 'Art. {article} ({edition} code)',
  },
  count: {
    exact: '{n}',
    more_than: 'more than {n}',
    at_least: 'at least {n}',
    about: 'about {n}',
  },
  layout: {
    A: '1997-2018 layout (14 oblasts, Almaty, Astana)',
    B: '2018-2022 layout (Turkistan region and Shymkent city replace South Kazakhstan)',
    C: 'layout since June 2022 (Abai, Zhetisu and Ulytau added)',
    reasonSeries: 'Units of the {layout}, in force in {period}, the period of this statistic.',
    reasonYears: 'Units of the {layout}, in force at the end of {year}.',
    spans: {
      one: 'The years {years} span a boundary change.',
      other: 'The years {years} span boundary changes.',
    },
  },
  notes: {
    noBoundary: '{unit}: no loaded boundary contains it; its figure is listed but not drawn.',
    shownWithin: '{units} shown within {unit}: no boundaries of its own layout are loaded.',
    boundariesExact: 'Boundaries: {label}.',
    boundariesDissolved: 'Boundaries: {label}, dissolved into the units of this period.',
    boundariesEarlier:
      'Boundaries: {label}. No boundaries of this period are loaded, so units created since are shown within the older units that contain them.',
  },
  date: {
    year: '{year}',
    month: '{month} {year}',
    day: '{day} {month} {year}',
    monthRange: '{from}–{to} {year}',
    range: '{start} – {end}',
  },
  export: {
    title: 'Export',
    incidentsCsv: 'Incidents (CSV)',
    statisticsCsv: 'Statistics (CSV)',
    incidentsGeoJson: 'Incidents (GeoJSON)',
    png: 'Map image (PNG)',
    legend: 'Legend',
    filters: 'Filters',
    years: 'Years: {years}',
    categories: 'Incident categories: {categories}',
    articles: 'Criminal Code articles: {articles}',
    sources: 'Sources',
    attribution: 'Boundaries: Natural Earth (public domain). Lakes: © OpenStreetMap contributors (ODbL).',
    hint: 'Exactly what the filters show, every row with its source.',
    preparing: 'Preparing the image…',
    failed: 'The export failed: {error}',
  },
  share: {
    title: 'Share / Embed',
    link: 'Link to this view',
    embed: 'Embed code (iframe)',
    copyLink: 'Copy the link',
    copyEmbed: 'Copy the embed code',
    copied: 'Copied.',
    copyManually: 'The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
    openFull: 'Open the full atlas',
  },
} as const;

/** The structure of the catalogue: every group and key, with English strings as literal types. */
export type Messages = typeof en;

/** Plural forms of one message, keyed by `Intl.PluralRules` category; `other` is always required. */
export type PluralForms = { readonly other: string } & { readonly [K in Intl.LDMLPluralRule]?: string };

/** One message: a string, or plural forms selected by the `{count}` parameter. */
export type Message = string | PluralForms;

/**
 * A translation of the catalogue: the same groups and keys as `en`, each a message. Kazakh and
 * Russian may write any message as a plain string (no agreement needed) or as plural forms.
 */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends string
    ? Message
    : T[K] extends { readonly other: string }
      ? Message
      : Translation<T[K]>;
};

/** The type every other language's catalogue must satisfy: a missing key is a type error. */
export type Catalogue = Translation<Messages>;
