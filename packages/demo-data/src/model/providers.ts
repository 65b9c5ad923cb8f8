/**
 * Providers (tilbud.csv). The internal ones are the municipality's own offers from the plan's
 * Tabel 1 (shared/data/plan-2018/tilbud-2017.csv) with their places; the external ones are
 * fictional but plausible places the municipality buys from.
 */
import type { TargetGroup } from '@sol/domain/codes.ts';
import type { ServiceKind } from './services.ts';

export interface Provider {
  index: number;
  id: string;
  name: string;
  operation: 'intern' | 'ekstern';
  /** the paragraph it delivers — every provider here delivers exactly one */
  service: ServiceKind;
  targetGroup: TargetGroup | null;
  /** places written to tilbud.csv; null = not a place-based offer (outreach teams) or unknown */
  places: number | null;
  /**
   * How many of the municipality's own citizens it can hold at one moment. Internal: places minus
   * the places sold to other municipalities (the outreach teams: the plan's snapshot count).
   * External providers are never full for one buying municipality.
   */
  capacity: number;
  /**
   * Outreach teams are staff, not buildings: the municipality lets them grow with the population
   * and the need (so growth does not all spill over to bought support).
   */
  growsWithDemand: boolean;
  /** internal: which target groups are placed here */
  accepts: readonly TargetGroup[];
  /** daily rate in 2018 prices for place-based offers (null: paid by hours) */
  dailyRate2018: number | null;
  /** places sold to other municipalities — income booked on the provider (negative postings) */
  soldPlaces: number;
}

interface ProviderTemplate {
  name: string;
  service: ServiceKind;
  targetGroup: TargetGroup | null;
  places: number | null;
  /** internal outreach teams: citizens at one moment (Tabel 1 snapshot) */
  teamCitizens?: number;
  accepts?: readonly TargetGroup[];
  dailyRate2018: number | null;
  soldPlaces?: number;
}

/**
 * Tabel 1 of the plan. Mapping: Socialpsykiatri→SIND, Udviklingshæmning→UH (Stationsvej
 * "udviklingshæmning/autisme" → UH, also taking AUT), Erhvervet hjerneskade→HJERNE, Socialt
 * udsatte→UDSAT, Alle målgrupper→none. "105/85" is a §105 almenbolig with §85 support → 105;
 * Kløverhuset's afklaringsplads (§84 in the table) works as a temporary §107 stay; Solgården
 * ("103 og 104", 74 places) is split into its sheltered-work and activity parts; the outreach
 * teams deliver §85 and have no places (their number is citizens at one moment).
 * Sold places: the plan says ~59 places are sold to other municipalities; spread here over the
 * larger offers (Taxhuset is a regional offer for brain injury).
 */
const INTERNAL: readonly ProviderTemplate[] = [
  { name: 'Kløverhuset', service: '105', targetGroup: 'SIND', places: 14, dailyRate2018: 1850, soldPlaces: 2 },
  { name: 'Kløverhuset – afklaringsplads', service: '107', targetGroup: 'SIND', places: 5, dailyRate2018: 2410 },
  { name: 'Møllergården', service: '105', targetGroup: 'SIND', places: 10, dailyRate2018: 1790, soldPlaces: 2 },
  { name: 'Cirklen – midlertidige pladser', service: '107', targetGroup: 'SIND', places: 6, dailyRate2018: 2520 },
  { name: 'Cirklen', service: '105', targetGroup: 'SIND', places: 4, dailyRate2018: 1790 },
  { name: 'Porsehaven', service: '105', targetGroup: 'SIND', places: 11, dailyRate2018: 1850, soldPlaces: 3 },
  {
    name: 'Thorsholm', service: '105', targetGroup: 'UDSAT', places: 11, dailyRate2018: 1510, soldPlaces: 2,
    accepts: ['UDSAT', 'MISBRUG', 'SIND'],
  },
  { name: 'Taastrup Torv', service: '105', targetGroup: 'UH', places: 12, dailyRate2018: 2020, soldPlaces: 2, accepts: ['UH', 'AUT'] },
  { name: 'Sønderby Torv', service: '105', targetGroup: 'UH', places: 11, dailyRate2018: 2020, soldPlaces: 2, accepts: ['UH', 'AUT'] },
  { name: 'Pile Alle', service: '108', targetGroup: 'UH', places: 5, dailyRate2018: 3020, accepts: ['UH', 'AUT'] },
  { name: 'Stationsvej', service: '108', targetGroup: 'UH', places: 5, dailyRate2018: 3140, accepts: ['UH', 'AUT'] },
  { name: 'Frøgaard Alle', service: '108', targetGroup: 'UH', places: 24, dailyRate2018: 2910, soldPlaces: 6, accepts: ['UH', 'AUT', 'FYS'] },
  { name: 'Taxhuset', service: '105', targetGroup: 'HJERNE', places: 50, dailyRate2018: 1900, soldPlaces: 34, accepts: ['HJERNE', 'FYS'] },
  { name: 'Taxhuset – udredningsplads', service: '107', targetGroup: 'HJERNE', places: 2, dailyRate2018: 3250 },
  {
    name: 'Støttecentret – udkørende', service: '85', targetGroup: 'UH', places: null, teamCitizens: 113,
    accepts: ['UH', 'AUT', 'FYS'], dailyRate2018: null,
  },
  {
    name: 'Udkørende team SP', service: '85', targetGroup: 'SIND', places: null, teamCitizens: 195,
    accepts: ['SIND', 'UDSAT', 'MISBRUG'], dailyRate2018: null,
  },
  { name: 'Udkørende team – Taxhuset', service: '85', targetGroup: 'HJERNE', places: null, teamCitizens: 22, dailyRate2018: null },
  {
    name: 'Solgården – beskyttet beskæftigelse', service: '103', targetGroup: null, places: 30, dailyRate2018: 470,
    accepts: ['UH', 'AUT', 'SIND', 'FYS', 'HJERNE'],
  },
  {
    name: 'Solgården – aktivitets- og samværstilbud', service: '104', targetGroup: null, places: 44, dailyRate2018: 630,
    accepts: ['UH', 'AUT', 'SIND', 'FYS', 'UDSAT', 'MISBRUG'],
  },
  { name: 'Basen', service: '104', targetGroup: 'HJERNE', places: 12, dailyRate2018: 810, soldPlaces: 2 },
  { name: 'Oasen', service: '104', targetGroup: 'HJERNE', places: 25, dailyRate2018: 780, soldPlaces: 4 },
];

/** Fictional external providers (regional, private and other municipalities' offers). */
const EXTERNAL: readonly ProviderTemplate[] = [
  { name: 'Bostedet Egely', service: '108', targetGroup: 'UH', places: 36, dailyRate2018: 2930 },
  { name: 'Lindegården', service: '108', targetGroup: 'AUT', places: 24, dailyRate2018: 3440 },
  { name: 'Skovbrynet', service: '108', targetGroup: 'UH', places: 48, dailyRate2018: 2830 },
  { name: 'Fjordbakken', service: '108', targetGroup: 'SIND', places: 30, dailyRate2018: 2730 },
  { name: 'Kastaniehuset', service: '108', targetGroup: 'FYS', places: 18, dailyRate2018: 3140 },
  { name: 'Bofællesskabet Rønnebær', service: '108', targetGroup: 'UH', places: null, dailyRate2018: 2630 },
  { name: 'Høgholt', service: '108', targetGroup: 'AUT', places: null, dailyRate2018: 3640 },
  { name: 'Plejecentret Engbo – bolig for yngre med hjerneskade', service: '108', targetGroup: 'HJERNE', places: 16, dailyRate2018: 3040 },
  { name: 'Botilbuddet Enghaven', service: '107', targetGroup: 'SIND', places: 20, dailyRate2018: 2430 },
  { name: 'Solsikken', service: '107', targetGroup: 'AUT', places: 16, dailyRate2018: 2830 },
  { name: 'Ungebostedet Stjernen', service: '107', targetGroup: 'AUT', places: 12, dailyRate2018: 2730 },
  { name: 'Bakkehuset', service: '107', targetGroup: 'SIND', places: 14, dailyRate2018: 2370 },
  { name: 'Rehabiliteringscentret Strandhøj', service: '107', targetGroup: 'HJERNE', places: 20, dailyRate2018: 3240 },
  { name: 'Opgangsfællesskabet Nordlyset', service: '107', targetGroup: 'UDSAT', places: null, dailyRate2018: 1920 },
  { name: 'Boligerne ved Åen', service: '105', targetGroup: 'SIND', places: 28, dailyRate2018: 1610 },
  { name: 'Mosegården', service: '105', targetGroup: 'UH', places: 22, dailyRate2018: 1750 },
  { name: 'Grønnegade Bofællesskab', service: '105', targetGroup: 'AUT', places: 16, dailyRate2018: 1840 },
  { name: 'Ejendal', service: '105', targetGroup: 'SIND', places: null, dailyRate2018: 1520 },
  { name: 'Værestedet Kilden', service: '104', targetGroup: 'SIND', places: null, dailyRate2018: 480 },
  { name: 'Aktivitetshuset Ravnen', service: '104', targetGroup: 'UH', places: 40, dailyRate2018: 720 },
  { name: 'Dagcentret Lærkereden', service: '104', targetGroup: 'HJERNE', places: 30, dailyRate2018: 750 },
  { name: 'Klubben Spiren', service: '104', targetGroup: 'AUT', places: null, dailyRate2018: 630 },
  { name: 'Værkstedet Høvlen', service: '103', targetGroup: 'UH', places: 45, dailyRate2018: 430 },
  { name: 'Beskæftigelseshuset Vævestuen', service: '103', targetGroup: 'SIND', places: 25, dailyRate2018: 410 },
  { name: 'Forsorgshjemmet Nørremarken', service: '110', targetGroup: 'UDSAT', places: 60, dailyRate2018: 1010 },
  { name: 'Herberget Havnely', service: '110', targetGroup: 'UDSAT', places: 35, dailyRate2018: 870 },
  { name: 'Herberget Ly', service: '110', targetGroup: 'UDSAT', places: 24, dailyRate2018: 920 },
  { name: 'Krisecentret Tryghuset', service: '109', targetGroup: 'UDSAT', places: 12, dailyRate2018: 1330 },
  { name: 'Behandlingscentret Ådalen', service: '101', targetGroup: 'MISBRUG', places: null, dailyRate2018: 480 },
  { name: 'Misbrugscentret Kompasset', service: '101', targetGroup: 'MISBRUG', places: 40, dailyRate2018: 400 },
  { name: 'Bostøtten Trappetrinnet ApS', service: '85', targetGroup: 'SIND', places: null, dailyRate2018: null },
  { name: 'Støttekompagniet', service: '85', targetGroup: 'AUT', places: null, dailyRate2018: null },
];

/**
 * Builds the provider list for a scale. At scale N the municipality is N times bigger: each
 * offer exists round(N) times ("enhed 2", …) with the places spread over the copies, so places
 * and occupancy stay plausible at national scale.
 */
export function buildProviders(scale: number): Provider[] {
  const copies = Math.max(1, Math.round(scale));
  const perCopy = scale / copies;
  const total = (INTERNAL.length + EXTERNAL.length) * copies;
  const idWidth = Math.max(3, String(total).length);
  const providers: Provider[] = [];

  const add = (template: ProviderTemplate, operation: 'intern' | 'ekstern', copy: number): void => {
    const index = providers.length;
    const places = template.places === null ? null : Math.max(1, Math.round(template.places * perCopy));
    const sold = Math.round((template.soldPlaces ?? 0) * perCopy);
    const capacity =
      operation === 'ekstern'
        ? Number.POSITIVE_INFINITY
        : template.teamCitizens !== undefined
          ? Math.max(1, Math.round(template.teamCitizens * perCopy))
          : Math.max(0, (places ?? 0) - sold);
    providers.push({
      index,
      id: `T${String(index + 1).padStart(idWidth, '0')}`,
      name: copies > 1 ? `${template.name} – enhed ${copy + 1}` : template.name,
      operation,
      service: template.service,
      targetGroup: template.targetGroup,
      places,
      capacity,
      growsWithDemand: operation === 'intern' && template.teamCitizens !== undefined,
      accepts: template.accepts ?? (template.targetGroup ? [template.targetGroup] : []),
      dailyRate2018: template.dailyRate2018,
      soldPlaces: sold,
    });
  };

  for (let copy = 0; copy < copies; copy++) for (const template of INTERNAL) add(template, 'intern', copy);
  for (let copy = 0; copy < copies; copy++) for (const template of EXTERNAL) add(template, 'ekstern', copy);
  return providers;
}
