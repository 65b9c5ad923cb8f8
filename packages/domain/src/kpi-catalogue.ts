/**
 * The KPI catalogue as data (DESIGN §6, §8). The API serves it, validates requests against it,
 * runs every result through suppression by the kinds declared here, and the dashboard, exports
 * and OpenAPI read the same entries. Where DESIGN leaves a reading open, the chosen reading is
 * written in `definition` or `notes` so it reaches the user, not just the code.
 */

export const BREAKDOWNS = {
  targetGroup: 'Målgruppe',
  ageBand: 'Aldersgruppe',
  paragraph: 'Paragraf',
  decision: 'Afgørelse',
  function: 'Funktion (kontoplan)',
  operation: 'Driftsform',
  provider: 'Tilbud',
  cohortYear: 'Startår (kohorte)',
} as const;
export type BreakdownId = keyof typeof BREAKDOWNS;

export const FILTERS = {
  targetGroup: 'Målgruppe',
  paragraph: 'Paragraf',
  ageBand: 'Aldersgruppe',
  operation: 'Driftsform',
} as const;
export type FilterId = keyof typeof FILTERS;

/** Age bands of DESIGN §5; age on a date D is year(D) − birth year. */
export const AGE_BANDS = {
  '0-17': { label: 'Under 18 år', min: 0, max: 17 },
  '18-24': { label: '18–24 år', min: 18, max: 24 },
  '25-29': { label: '25–29 år', min: 25, max: 29 },
  '30-49': { label: '30–49 år', min: 30, max: 49 },
  '50-64': { label: '50–64 år', min: 50, max: 64 },
  '65+': { label: '65 år og derover', min: 65, max: null },
} as const;
export type AgeBand = keyof typeof AGE_BANDS;
export const AGE_BAND_CODES = Object.keys(AGE_BANDS) as AgeBand[];

export type Unit = 'antal' | 'procent' | 'dage' | 'kr' | 'pr1000' | 'score';

/**
 * How suppression treats a measure (DESIGN §5):
 * - `count`: a count of citizens or cases; 1 to threshold−1 is shown as "<5", and takes part in
 *   secondary suppression.
 * - `statistic`: a share, average, median or rate; hidden when its base count (`basedOn`) is below
 *   the threshold, and hidden when any count it is derived from (`derivedFrom`) is suppressed,
 *   since the count could be recovered from it.
 * - `amount`: kr.; never suppressed.
 */
export type MeasureKind = 'count' | 'statistic' | 'amount';

export interface MeasureDefinition {
  id: string;
  title: string;
  unit: Unit;
  kind: MeasureKind;
  /** For statistics: the count of citizens/cases the value is computed from. */
  basedOn?: string;
  /** For statistics: counts that could be recovered from this value if it were shown. */
  derivedFrom?: readonly string[];
  /** For counts: this count is an additive part of that count in the same row. */
  partOf?: string;
  /**
   * The wanted direction where the strategies or plain sense give one (shorter processing times,
   * more citizens in independent housing); absent where a change is neither good nor bad in
   * itself (spending, counts of recipients).
   */
  direction?: Direction;
  /** Fractional digits shown (shares are 0–1 in the API and shown as percent). */
  decimals: number;
}

export type Direction = 'up' | 'down';

export interface KpiDefinition {
  id: string;
  code: string;
  title: string;
  /** One or two Danish sentences a council member can read. */
  definition: string;
  /** Readings chosen where DESIGN is open, in Danish. */
  notes: readonly string[];
  headline: string;
  measures: readonly MeasureDefinition[];
  breakdowns: readonly BreakdownId[];
  filters: readonly FilterId[];
  /** Whether the KPI has kr. amounts that `prices=fixed` converts. */
  hasAmounts: boolean;
  /**
   * How the period is read: `flow` = events or activity within [from, to]; `stock` = a state on
   * one date (the period end, or the as-of date if earlier); series points are then month-ends.
   */
  periodReading: 'flow' | 'stock';
  source: string;
  /** The records behind a cell; absent when the KPI has none to show (amounts of postings). */
  drill?: DrillDefinition;
}

/**
 * How a cell's records are shown (drill to rows): the unit tells the dashboard how to show a value;
 * `emptyText` is shown for an empty (null) value where empty means something ("løbende").
 */
export type DrillColumnUnit = 'id' | 'tekst' | 'dato' | 'dage' | 'janej' | 'score';

export interface DrillColumn {
  key: string;
  title: string;
  unit: DrillColumnUnit;
  emptyText?: string;
  /** How the value is read, where the title alone leaves it open. */
  description?: string;
}

/**
 * A KPI whose counts are of citizens, cases, grants or stays can show the records behind a cell
 * (a group of a breakdown, in the period or one point of its series). Absent where the values are
 * sums of postings, not records of people.
 */
export interface DrillDefinition {
  /** The count measures whose records the rows are: a cell has as many rows as these add up to. */
  counts: readonly string[];
  /**
   * Further counts a reader can recount from the columns (a yes/no, a status). Suppression covers
   * them too: the rows are withheld when any of these or of `counts` is withheld in the cell.
   */
  revealed: readonly string[];
  columns: readonly DrillColumn[];
}

// Columns several drills share; the citizen is always her pseudonymous id, never a CPR number.
const CITIZEN: DrillColumn = { key: 'citizenId', title: 'Borger (pseudonymt id)', unit: 'id' };
const TARGET_GROUP: DrillColumn = { key: 'targetGroup', title: 'Målgruppe', unit: 'tekst' };
const AGE_BAND_ON_END: DrillColumn = {
  key: 'ageBand', title: 'Aldersgruppe', unit: 'tekst', description: 'Alderen på periodens slutdato (år minus fødselsår)',
};

const CASES = 'Kilde: sagssystemet (ansøgninger)';
const GRANTS = 'Kilde: sagssystemet (indsatser)';
const FINANCE = 'Kilde: økonomisystemet (posteringer og budget)';

export const KPI_CATALOGUE: readonly KpiDefinition[] = [
  {
    id: 'case-processing',
    code: 'K1',
    title: 'Sagsbehandlingstider',
    definition:
      'Ansøgninger afgjort i perioden: antal, median og 90-procent-fraktil af dage fra modtaget til afgjort (kalenderdage), og andelen afgjort inden for fristen for paragraffen, som den gjaldt på modtagelsesdagen. Åbne sager ved periodens slutning: modtaget senest slutdatoen og ikke afgjort da, og hvor mange af dem der har overskredet fristen.',
    notes: [
      'Fraktiler beregnes som percentile_cont (lineær interpolation).',
      'Andelen inden for fristen regnes kun over ansøgninger under paragraffer, der har en frist.',
      'Ved opdeling på afgørelse vises åbne sager i gruppen "uafgjort".',
      'Aldersfilteret bruger borgerens alder på afgørelsesdagen (åbne sager: periodens slutdato).',
    ],
    headline: 'medianDays',
    measures: [
      { id: 'decided', title: 'Afgjorte ansøgninger', unit: 'antal', kind: 'count', decimals: 0 },
      { id: 'medianDays', title: 'Median sagsbehandlingstid', unit: 'dage', kind: 'statistic', basedOn: 'decided', direction: 'down', decimals: 1 },
      { id: 'p90Days', title: '90 %-fraktil', unit: 'dage', kind: 'statistic', basedOn: 'decided', direction: 'down', decimals: 1 },
      { id: 'decidedWithDeadline', title: 'Afgjorte med frist', unit: 'antal', kind: 'count', decimals: 0 },
      { id: 'withinDeadline', title: 'Afgjort inden for fristen', unit: 'antal', kind: 'count', partOf: 'decidedWithDeadline', decimals: 0 },
      {
        id: 'withinDeadlineShare', title: 'Andel afgjort inden for fristen', unit: 'procent', kind: 'statistic',
        basedOn: 'decidedWithDeadline', derivedFrom: ['withinDeadline'], direction: 'up', decimals: 1,
      },
      { id: 'openAtEnd', title: 'Åbne sager ved periodens slutning', unit: 'antal', kind: 'count', decimals: 0 },
      { id: 'openPastDeadline', title: 'Heraf over fristen', unit: 'antal', kind: 'count', partOf: 'openAtEnd', direction: 'down', decimals: 0 },
    ],
    breakdowns: ['paragraph', 'decision'],
    filters: ['targetGroup', 'paragraph', 'ageBand'],
    hasAmounts: false,
    periodReading: 'flow',
    source: CASES,
    drill: {
      counts: ['decided', 'openAtEnd'],
      revealed: ['decidedWithDeadline', 'withinDeadline', 'openPastDeadline'],
      columns: [
        { key: 'applicationId', title: 'Sag', unit: 'id' },
        CITIZEN,
        { key: 'paragraph', title: 'Paragraf', unit: 'tekst' },
        { key: 'status', title: 'Status', unit: 'tekst', description: 'Afgjort i perioden eller åben ved periodens slutning' },
        { key: 'received', title: 'Modtaget', unit: 'dato' },
        { key: 'decided', title: 'Afgjort', unit: 'dato', emptyText: 'ikke afgjort' },
        { key: 'decision', title: 'Afgørelse', unit: 'tekst', emptyText: 'ikke afgjort' },
        {
          key: 'processingDays', title: 'Sagsbehandlingstid (dage)', unit: 'dage',
          description: 'Afgjorte: fra modtaget til afgjort. Åbne: fra modtaget til periodens slutdato',
        },
        { key: 'deadlineDays', title: 'Frist (dage)', unit: 'dage', emptyText: 'ingen frist', description: 'Fristen, som den gjaldt på modtagelsesdagen' },
        { key: 'withinDeadline', title: 'Inden for fristen', unit: 'janej', emptyText: 'ingen frist' },
      ],
    },
  },
  {
    id: 'expenditure',
    code: 'K2',
    title: 'Udgifter pr. hovedområde',
    definition:
      'Nettosum af posteringer pr. kontoplanfunktion i perioden, i løbende eller faste priser, med oprindeligt og korrigeret budget, seneste forventede regnskab (opgjort senest på opgørelsesdatoen), afvigelse (forventet minus korrigeret budget), andel af de samlede udgifter, vækst i forhold til samme periode året før og udgift pr. indbygger.',
    notes: [
      'Budget og forventet regnskab gælder året for periodens slutdato.',
      'Vækst sammenligner med den tilsvarende periode et år tidligere, i samme prisgrundlag.',
      'Udgift pr. indbygger bruger befolkningen 1. januar i året for periodens slutdato, alle aldre.',
      'Faste priser: beløb × indeks(basisår) / indeks(beløbets år); budgetter omregnes efter budgetåret.',
    ],
    headline: 'amount',
    measures: [
      { id: 'amount', title: 'Udgift (netto)', unit: 'kr', kind: 'amount', decimals: 0 },
      { id: 'budgetOriginal', title: 'Oprindeligt budget', unit: 'kr', kind: 'amount', decimals: 0 },
      { id: 'budgetCorrected', title: 'Korrigeret budget', unit: 'kr', kind: 'amount', decimals: 0 },
      { id: 'forecast', title: 'Forventet regnskab', unit: 'kr', kind: 'amount', decimals: 0 },
      { id: 'deviation', title: 'Afvigelse (forventet − korrigeret)', unit: 'kr', kind: 'amount', decimals: 0 },
      { id: 'shareOfTotal', title: 'Andel af de samlede udgifter', unit: 'procent', kind: 'amount', decimals: 1 },
      { id: 'growth', title: 'Vækst i forhold til året før', unit: 'procent', kind: 'amount', decimals: 1 },
      { id: 'perInhabitant', title: 'Udgift pr. indbygger', unit: 'kr', kind: 'amount', decimals: 0 },
    ],
    breakdowns: ['function'],
    filters: [],
    hasAmounts: true,
    periodReading: 'flow',
    source: FINANCE,
  },
  {
    id: 'housing',
    code: 'K3',
    title: 'Selvstændig bolig vs. botilbud',
    definition:
      'Borgere på en dato efter boform: botilbud, hvis de har en aktiv indsats efter § 105, 107 eller 108; ellers selvstændig bolig, hvis de har en aktiv indsats efter § 85. Andelen i selvstændig bolig = selvstændig / (selvstændig + botilbud). Unge i botilbud: borgere på 18–24 år på startdatoen, hvis første indsats nogensinde efter § 105/107/108 starter i perioden.',
    notes: [
      'Bestanden opgøres på periodens slutdato (eller opgørelsesdatoen, hvis den er tidligere); serien viser hver månedsultimo.',
      'Aldersgruppe og aldersfilter bruger alderen på opgørelsesdatoen; for unge i botilbud alderen på startdatoen.',
    ],
    headline: 'independentShare',
    measures: [
      { id: 'independent', title: 'I selvstændig bolig', unit: 'antal', kind: 'count', partOf: 'total', decimals: 0 },
      { id: 'residential', title: 'I botilbud', unit: 'antal', kind: 'count', partOf: 'total', decimals: 0 },
      { id: 'total', title: 'I alt', unit: 'antal', kind: 'count', decimals: 0 },
      {
        id: 'independentShare', title: 'Andel i selvstændig bolig', unit: 'procent', kind: 'statistic',
        basedOn: 'total', derivedFrom: ['independent', 'residential'], direction: 'up', decimals: 1,
      },
      { id: 'youngEntering', title: 'Unge (18–24 år) der flytter i botilbud', unit: 'antal', kind: 'count', direction: 'down', decimals: 0 },
    ],
    breakdowns: ['targetGroup', 'ageBand'],
    filters: ['targetGroup', 'ageBand'],
    hasAmounts: false,
    periodReading: 'stock',
    source: GRANTS,
    drill: {
      counts: ['total'],
      revealed: ['independent', 'residential'],
      columns: [
        CITIZEN,
        TARGET_GROUP,
        AGE_BAND_ON_END,
        { key: 'boform', title: 'Boform', unit: 'tekst', description: 'Botilbud går forud for selvstændig bolig' },
        { key: 'paragraphs', title: 'Aktive paragraffer', unit: 'tekst', description: 'Paragraffer med en aktiv indsats på opgørelsesdagen' },
      ],
    },
  },
  {
    id: 'temporary-stays',
    code: 'K4',
    title: 'Opholdslængde på midlertidige botilbud (§ 107)',
    definition:
      'En borgers § 107-indsatser lægges sammen til ét ophold, når den næste starter senest dagen efter, at den forrige slutter. Medianen af opholdslængden findes med Kaplan–Meier-estimatoren over opholdene i kohorten; ophold, der stadig løber på opgørelsesdatoen, tælles som censurerede og aldrig som afsluttede. "Ikke nået" betyder, at over halvdelen af opholdene stadig løber.',
    notes: [
      'Kohorten er de ophold, der starter i perioden (cohort=start), eller alle ophold, der er aktive i perioden (cohort=active).',
      'Et opholds driftsform er driftsformen for tilbuddet i opholdets første indsats.',
      'Gennemsnittet over afsluttede ophold alene undervurderer længden og er ikke hovedtallet.',
      'Andelen afsluttet inden 365 dage er 1 − S(365) fra samme kurve, efter produktformlen: S(365) er kurvens niveau ved den sidste afslutning senest dag 365. Er ingen ophold i kohorten fulgt i 365 dage (fx en kohorte, der startede for under et år siden), er tallet foreløbigt: det antager ingen afslutninger efter den længste opfølgning og kan stige, når kohorten er fulgt et helt år.',
    ],
    headline: 'medianDays',
    measures: [
      { id: 'stays', title: 'Ophold i kohorten', unit: 'antal', kind: 'count', decimals: 0 },
      { id: 'ended', title: 'Heraf afsluttet', unit: 'antal', kind: 'count', partOf: 'stays', decimals: 0 },
      { id: 'medianDays', title: 'Median opholdslængde (Kaplan–Meier)', unit: 'dage', kind: 'statistic', basedOn: 'stays', direction: 'down', decimals: 0 },
      { id: 'endedWithin365Share', title: 'Andel afsluttet inden 365 dage', unit: 'procent', kind: 'statistic', basedOn: 'stays', direction: 'up', decimals: 1 },
      { id: 'meanEndedDays', title: 'Gennemsnit for afsluttede ophold', unit: 'dage', kind: 'statistic', basedOn: 'ended', decimals: 0 },
      { id: 'runningOnAsOf', title: 'Løbende ophold på opgørelsesdatoen', unit: 'antal', kind: 'count', decimals: 0 },
      { id: 'runningOver730', title: 'Heraf løbet over 730 dage', unit: 'antal', kind: 'count', partOf: 'runningOnAsOf', direction: 'down', decimals: 0 },
    ],
    breakdowns: ['targetGroup', 'cohortYear', 'operation'],
    filters: ['targetGroup', 'operation'],
    hasAmounts: false,
    periodReading: 'flow',
    source: GRANTS,
    drill: {
      counts: ['stays'],
      revealed: ['ended', 'runningOnAsOf', 'runningOver730'],
      columns: [
        CITIZEN,
        TARGET_GROUP,
        { key: 'operation', title: 'Driftsform', unit: 'tekst', description: 'Driftsformen for tilbuddet i opholdets første indsats' },
        { key: 'stayStart', title: 'Opholdets start', unit: 'dato' },
        { key: 'stayEnd', title: 'Opholdets slutning', unit: 'dato', emptyText: 'løbende' },
        {
          key: 'days', title: 'Længde (dage)', unit: 'dage',
          description: 'Afsluttede: slut − start + 1. Løbende: opgørelsesdato − start + 1',
        },
        { key: 'censored', title: 'Løbende (censureret)', unit: 'janej' },
      ],
    },
  },
  {
    id: 'recipients',
    code: 'K5',
    title: 'Modtagere og modtagerandel',
    definition:
      'Borgere med mindst én aktiv indsats i perioden, også pr. 1.000 indbyggere (alle aldre, befolkningen 1. januar). Nye modtagere: borgerens første indsats nogensinde starter i perioden. Ophørte: borgerens sidste indsats slutter i perioden, og ingen er aktiv ved periodens slutning. Enhedsudgift = samlede udgifter på 5.38 i perioden ÷ modtagere i perioden.',
    notes: [
      'Modtagere pr. 1.000 bruger altid alle indbyggere som nævner, også i opdelinger, så grupperne kan lægges sammen.',
      'Befolkningen er den 1. januar i året for periodens slutdato.',
      'Enhedsudgiften vises kun for alle modtagere uden filter: udgifterne kan ikke fordeles på målgruppe, alder eller paragraf.',
      'Ved opdeling på paragraf tælles en borger under hver paragraf, hun har en aktiv indsats efter; grupperne summer derfor ikke til totalen.',
    ],
    headline: 'perThousand',
    measures: [
      { id: 'recipients', title: 'Modtagere', unit: 'antal', kind: 'count', decimals: 0 },
      {
        id: 'perThousand', title: 'Modtagere pr. 1.000 indbyggere', unit: 'pr1000', kind: 'statistic',
        basedOn: 'recipients', derivedFrom: ['recipients'], decimals: 1,
      },
      { id: 'newRecipients', title: 'Nye modtagere', unit: 'antal', kind: 'count', decimals: 0 },
      { id: 'endedRecipients', title: 'Ophørte modtagere', unit: 'antal', kind: 'count', decimals: 0 },
      {
        id: 'unitCost', title: 'Enhedsudgift pr. modtager', unit: 'kr', kind: 'statistic',
        basedOn: 'recipients', derivedFrom: ['recipients'], decimals: 0,
      },
    ],
    breakdowns: ['targetGroup', 'ageBand', 'paragraph'],
    filters: ['targetGroup', 'ageBand', 'paragraph'],
    hasAmounts: true,
    periodReading: 'flow',
    source: `${GRANTS} og økonomisystemet`,
    drill: {
      counts: ['recipients'],
      revealed: [],
      columns: [
        CITIZEN,
        TARGET_GROUP,
        AGE_BAND_ON_END,
        { key: 'paragraphs', title: 'Paragraffer', unit: 'tekst', description: 'Paragraffer med en aktiv indsats i perioden' },
      ],
    },
  },
  {
    id: 'providers',
    code: 'K6',
    title: 'Interne og eksterne tilbud',
    definition:
      'Borgere med en aktiv indsats hos interne og eksterne tilbud i perioden, og udgifter på posteringer knyttet til interne og eksterne tilbud. Belægning pr. tilbud med pladser: brugte pladsdage ÷ (pladser × dage i perioden), hvor en borger tæller én plads pr. dag uanset antal indsatser.',
    notes: [
      'En borger med indsatser hos både interne og eksterne tilbud tælles i begge grupper.',
      'Andel hos interne tilbud = borgere hos interne tilbud ÷ borgere hos et tilbud.',
      'Udgiften vises ikke, når der filtreres på målgruppe, paragraf eller alder: posteringer kan ikke knyttes til borgere.',
      'Belægning beregnes kun ved opdeling på tilbud og kun for tilbud med pladser.',
    ],
    headline: 'citizens',
    measures: [
      { id: 'citizens', title: 'Borgere', unit: 'antal', kind: 'count', decimals: 0 },
      { id: 'expenditure', title: 'Udgift', unit: 'kr', kind: 'amount', decimals: 0 },
      { id: 'places', title: 'Pladser', unit: 'antal', kind: 'amount', decimals: 0 },
      {
        id: 'occupancy', title: 'Belægning', unit: 'procent', kind: 'statistic',
        basedOn: 'citizens', derivedFrom: ['citizens'], decimals: 1,
      },
      { id: 'internalCitizens', title: 'Borgere hos interne tilbud', unit: 'antal', kind: 'count', partOf: 'citizens', decimals: 0 },
      {
        id: 'internalShare', title: 'Andel hos interne tilbud', unit: 'procent', kind: 'statistic',
        basedOn: 'citizens', derivedFrom: ['internalCitizens'], direction: 'up', decimals: 1,
      },
    ],
    breakdowns: ['operation', 'provider'],
    filters: ['targetGroup', 'paragraph', 'ageBand', 'operation'],
    hasAmounts: true,
    periodReading: 'flow',
    source: `${GRANTS} og økonomisystemet`,
    drill: {
      counts: ['citizens'],
      revealed: ['internalCitizens'],
      columns: [
        CITIZEN,
        TARGET_GROUP,
        { key: 'providers', title: 'Tilbud', unit: 'tekst', description: 'Tilbud med en aktiv indsats i perioden' },
        { key: 'operation', title: 'Driftsform', unit: 'tekst' },
      ],
    },
  },
  {
    id: 'reviews',
    code: 'K7',
    title: 'Opfølgning',
    definition:
      'Blandt indsatser, der er aktive på datoen og har løbet mindst et år (start senest 365 dage før), andelen med en opfølgning dateret inden for de seneste 365 dage (fra 364 dage før til og med datoen). Indsatser, der er startet senere, tælles for sig som endnu ikke forfaldne.',
    notes: ['Opgøres på periodens slutdato (eller opgørelsesdatoen, hvis den er tidligere); serien viser hver månedsultimo.'],
    headline: 'reviewedShare',
    measures: [
      { id: 'due', title: 'Indsatser med forfalden opfølgning', unit: 'antal', kind: 'count', decimals: 0 },
      { id: 'reviewed', title: 'Heraf fulgt op', unit: 'antal', kind: 'count', partOf: 'due', decimals: 0 },
      {
        id: 'reviewedShare', title: 'Andel fulgt op', unit: 'procent', kind: 'statistic',
        basedOn: 'due', derivedFrom: ['reviewed'], direction: 'up', decimals: 1,
      },
      { id: 'notYetDue', title: 'Endnu ikke forfaldne', unit: 'antal', kind: 'count', decimals: 0 },
    ],
    breakdowns: ['paragraph'],
    filters: ['targetGroup', 'paragraph', 'ageBand'],
    hasAmounts: false,
    periodReading: 'stock',
    source: GRANTS,
    drill: {
      counts: ['due', 'notYetDue'],
      revealed: ['reviewed'],
      columns: [
        { key: 'grantId', title: 'Indsats', unit: 'id' },
        CITIZEN,
        { key: 'paragraph', title: 'Paragraf', unit: 'tekst' },
        { key: 'start', title: 'Start', unit: 'dato' },
        { key: 'latestReview', title: 'Seneste opfølgning', unit: 'dato', emptyText: 'ingen' },
        { key: 'status', title: 'Status', unit: 'tekst', description: 'Forfalden: startet mindst 365 dage før opgørelsesdagen' },
        { key: 'reviewed', title: 'Fulgt op inden for 365 dage', unit: 'janej', emptyText: 'endnu ikke forfalden' },
      ],
    },
  },
  {
    id: 'measurements',
    code: 'K8',
    title: 'Borgernes oplevelse',
    definition:
      'For hver måling: antal borgere målt i perioden (seneste måling pr. borger i perioden), andelen der deltager i et fællesskab, og gennemsnittet af skalaerne 1–5.',
    notes: ['Aldersfilteret bruger alderen på periodens slutdato.'],
    headline: 'faellesskabShare',
    measures: [
      { id: 'faellesskabMeasured', title: 'Målt: fællesskab', unit: 'antal', kind: 'count', decimals: 0 },
      {
        id: 'faellesskabShare', title: 'Andel i fællesskab', unit: 'procent', kind: 'statistic',
        basedOn: 'faellesskabMeasured', direction: 'up', decimals: 1,
      },
      { id: 'dialogMeasured', title: 'Målt: dialog', unit: 'antal', kind: 'count', decimals: 0 },
      { id: 'dialogAverage', title: 'Dialog med sagsbehandler (1–5)', unit: 'score', kind: 'statistic', basedOn: 'dialogMeasured', direction: 'up', decimals: 2 },
      { id: 'effektMeasured', title: 'Målt: effekt', unit: 'antal', kind: 'count', decimals: 0 },
      { id: 'effektAverage', title: 'Oplevet effekt (1–5)', unit: 'score', kind: 'statistic', basedOn: 'effektMeasured', direction: 'up', decimals: 2 },
      { id: 'trivselMeasured', title: 'Målt: trivsel', unit: 'antal', kind: 'count', decimals: 0 },
      { id: 'trivselAverage', title: 'Trivsel i tilbuddet (1–5)', unit: 'score', kind: 'statistic', basedOn: 'trivselMeasured', direction: 'up', decimals: 2 },
      { id: 'sammenhaengMeasured', title: 'Målt: sammenhæng', unit: 'antal', kind: 'count', decimals: 0 },
      {
        id: 'sammenhaengAverage', title: 'Oplevet sammenhæng (1–5)', unit: 'score', kind: 'statistic',
        basedOn: 'sammenhaengMeasured', direction: 'up', decimals: 2,
      },
    ],
    breakdowns: ['targetGroup'],
    filters: ['targetGroup', 'ageBand'],
    hasAmounts: false,
    periodReading: 'flow',
    source: 'Kilde: målinger af borgernes oplevelse',
    drill: {
      counts: ['faellesskabMeasured', 'dialogMeasured', 'effektMeasured', 'trivselMeasured', 'sammenhaengMeasured'],
      revealed: [],
      columns: [
        CITIZEN,
        TARGET_GROUP,
        { key: 'measure', title: 'Måling', unit: 'tekst' },
        { key: 'measuredOn', title: 'Dato', unit: 'dato', description: 'Borgerens seneste måling i perioden' },
        { key: 'value', title: 'Værdi', unit: 'score', description: 'Fællesskab: 1 = deltager, 0 = deltager ikke. Øvrige: 1–5' },
      ],
    },
  },
  {
    id: 'strategy-measures',
    code: 'S',
    title: 'Øvrige strategimål',
    definition:
      'Mål fra strategierne, der ikke er en del af K1–K8: unge tidligere anbragte, der rammes af hjemløshed; ældre modtageres brug af interne tilbud; den gennemsnitlige døgntakst i faste priser; og andelen af nye indsatser efter § 82 a.',
    notes: [
      'Unge tidligere anbragte i hjemløshed: borgere på 18–29 år på startdatoen med tidligere_anbragt = ja, hvis § 110-indsats starter i perioden.',
      'Ældre hos interne tilbud: blandt modtagere på 65 år og derover med en aktiv indsats hos et tilbud i perioden, andelen med en aktiv indsats hos et internt tilbud.',
      'Gennemsnitlig døgntakst: gennemsnit over indsatser aktive i perioden med en døgntakst, vægtet med aktive dage i perioden, i faste priser efter periodens slutår.',
      'Andel nye indsatser efter § 82 a: blandt indsatser, der starter i perioden, andelen efter § 82 a.',
    ],
    headline: 'youngFormerlyPlacedHomeless',
    measures: [
      { id: 'youngFormerlyPlacedHomeless', title: 'Unge tidligere anbragte i hjemløshed (§ 110)', unit: 'antal', kind: 'count', direction: 'down', decimals: 0 },
      { id: 'olderRecipients', title: 'Modtagere 65+ hos et tilbud', unit: 'antal', kind: 'count', decimals: 0 },
      { id: 'olderInternal', title: 'Heraf hos interne tilbud', unit: 'antal', kind: 'count', partOf: 'olderRecipients', decimals: 0 },
      {
        id: 'olderInternalShare', title: 'Andel 65+ hos interne tilbud', unit: 'procent', kind: 'statistic',
        basedOn: 'olderRecipients', derivedFrom: ['olderInternal'], direction: 'up', decimals: 1,
      },
      { id: 'grantsWithRate', title: 'Indsatser med døgntakst', unit: 'antal', kind: 'count', decimals: 0 },
      {
        id: 'averageDailyRate', title: 'Gennemsnitlig døgntakst', unit: 'kr', kind: 'statistic',
        basedOn: 'grantsWithRate', direction: 'down', decimals: 0,
      },
      { id: 'newGrants', title: 'Nye indsatser', unit: 'antal', kind: 'count', decimals: 0 },
      { id: 'newGrants82a', title: 'Heraf efter § 82 a', unit: 'antal', kind: 'count', partOf: 'newGrants', decimals: 0 },
      {
        id: 'newGrants82aShare', title: 'Andel nye indsatser efter § 82 a', unit: 'procent', kind: 'statistic',
        basedOn: 'newGrants', derivedFrom: ['newGrants82a'], direction: 'up', decimals: 1,
      },
    ],
    breakdowns: ['targetGroup'],
    filters: ['targetGroup'],
    hasAmounts: true,
    periodReading: 'flow',
    source: GRANTS,
  },
];

export type KpiId = (typeof KPI_CATALOGUE)[number]['id'];

export function findKpi(id: string): KpiDefinition | undefined {
  return KPI_CATALOGUE.find((kpi) => kpi.id === id);
}

export function findMeasure(kpi: KpiDefinition, measureId: string): MeasureDefinition | undefined {
  return kpi.measures.find((measure) => measure.id === measureId);
}
