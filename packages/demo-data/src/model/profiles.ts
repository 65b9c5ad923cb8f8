/**
 * The behavioural assumptions of the model: who arrives, at what age, into which services, for
 * how long and at what price. Calibrated so the first demo year 2018, standing in for the plan's
 * 2017 level, resembles the plan (shared/data/plan-2018): ~1,250 recipients in the year — 34.1 per
 * 1,000 of ~37,000 inhabitants — so that ~326 mio. kr. is a unit cost of ~260,000 kr. (the plan's
 * 253,419 kr. in 2016 prices); ~640 citizens at internal and ~465 at external providers a year.
 *
 * Most recipients are in a bo- or dagtilbud (own offers incl. the outreach teams, or bought
 * places). Only ~250 a year get nothing but support without a provider (§82a/b, §96–99, ambulant
 * §101), so the groups with many short, light contacts (SIND, MISBRUG, UDSAT) arrive in smaller
 * numbers, and more of those who arrive need an offer. The money outside the offers goes to a few
 * expensive citizens (BPA, §96) and to spending without grants (postings.ts).
 */
import type { TargetGroup } from '@sol/domain/codes.ts';
import type { AddOnKind, HousingKind, ServiceKind } from './services.ts';

export interface AgeBand {
  from: number;
  to: number;
  weight: number;
}

export type EntryChoice = HousingKind | 'none';

export interface GroupProfile {
  /** new citizens a year at 2018 population (scale 1) */
  newCitizensPerYear: number;
  entryAges: readonly AgeBand[];
  /** first service of a new episode: a housing-type service, or none (only add-ons) */
  entry: readonly (readonly [EntryChoice, number])[];
  /** services alongside, each drawn independently at the start of an episode */
  addOns: readonly (readonly [AddOnKind, number])[];
  /** when an episode without housing drew no add-on, this one is granted */
  fallbackAddOn: AddOnKind;
  /** hours per week of §85 support (median) */
  supportHoursMedian: number;
}

export const GROUP_PROFILES: Readonly<Record<TargetGroup, GroupProfile>> = {
  UH: {
    newCitizensPerYear: 27,
    entryAges: [
      { from: 18, to: 24, weight: 0.5 },
      { from: 25, to: 39, weight: 0.22 },
      { from: 40, to: 64, weight: 0.23 },
      { from: 65, to: 80, weight: 0.05 },
    ],
    entry: [['108', 0.065], ['105', 0.075], ['107', 0.055], ['85', 0.5], ['none', 0.29]],
    addOns: [['104', 0.25], ['103', 0.12], ['97', 0.04]],
    fallbackAddOn: '104',
    supportHoursMedian: 3.5,
  },
  AUT: {
    newCitizensPerYear: 31,
    entryAges: [
      { from: 18, to: 24, weight: 0.55 },
      { from: 25, to: 34, weight: 0.3 },
      { from: 35, to: 60, weight: 0.15 },
    ],
    entry: [['108', 0.022], ['105', 0.055], ['107', 0.08], ['85', 0.6], ['none', 0.2]],
    addOns: [['104', 0.1], ['103', 0.05], ['82b', 0.15], ['99', 0.05]],
    fallbackAddOn: '82b',
    supportHoursMedian: 3.5,
  },
  SIND: {
    newCitizensPerYear: 85,
    entryAges: [
      { from: 18, to: 24, weight: 0.2 },
      { from: 25, to: 39, weight: 0.4 },
      { from: 40, to: 64, weight: 0.35 },
      { from: 65, to: 80, weight: 0.05 },
    ],
    entry: [['108', 0.0126], ['105', 0.053], ['107', 0.116], ['110', 0.036], ['85', 0.268], ['none', 0.514]],
    addOns: [['104', 0.1], ['103', 0.036], ['82b', 0.13], ['82a', 0.13], ['99', 0.09]],
    fallbackAddOn: '82b',
    supportHoursMedian: 2.5,
  },
  HJERNE: {
    newCitizensPerYear: 21,
    entryAges: [
      { from: 18, to: 34, weight: 0.12 },
      { from: 35, to: 54, weight: 0.38 },
      { from: 55, to: 79, weight: 0.5 },
    ],
    entry: [['108', 0.045], ['105', 0.077], ['107', 0.13], ['85', 0.31], ['none', 0.41]],
    addOns: [['104', 0.15], ['97', 0.05], ['82b', 0.1]],
    fallbackAddOn: '104',
    supportHoursMedian: 2.5,
  },
  FYS: {
    newCitizensPerYear: 23,
    entryAges: [
      { from: 18, to: 39, weight: 0.3 },
      { from: 40, to: 64, weight: 0.4 },
      { from: 65, to: 85, weight: 0.3 },
    ],
    entry: [['108', 0.04], ['105', 0.02], ['85', 0.15], ['none', 0.79]],
    addOns: [['97', 0.3], ['96', 0.09], ['104', 0.05], ['82b', 0.06]],
    fallbackAddOn: '82b',
    supportHoursMedian: 3,
  },
  MISBRUG: {
    newCitizensPerYear: 50,
    entryAges: [
      { from: 18, to: 29, weight: 0.3 },
      { from: 30, to: 49, weight: 0.45 },
      { from: 50, to: 70, weight: 0.25 },
    ],
    entry: [['107', 0.032], ['110', 0.19], ['85', 0.158], ['none', 0.62]],
    addOns: [['101', 0.8], ['82b', 0.1], ['82a', 0.08], ['99', 0.06]],
    fallbackAddOn: '101',
    supportHoursMedian: 2.5,
  },
  UDSAT: {
    newCitizensPerYear: 90,
    entryAges: [
      { from: 18, to: 29, weight: 0.35 },
      { from: 30, to: 49, weight: 0.4 },
      { from: 50, to: 70, weight: 0.25 },
    ],
    entry: [['105', 0.021], ['107', 0.052], ['109', 0.147], ['110', 0.5], ['85', 0.147], ['none', 0.133]],
    addOns: [['99', 0.08], ['82a', 0.12], ['82b', 0.05], ['101', 0.1]],
    fallbackAddOn: '82a',
    supportHoursMedian: 3,
  },
};

/** Share of new citizens with tidligere_anbragt = ja (placed outside home as a child). */
export function formerlyPlacedShare(group: TargetGroup, age: number): number {
  const young = age <= 29;
  switch (group) {
    case 'UDSAT':
      return young ? 0.4 : 0.15;
    case 'SIND':
    case 'MISBRUG':
      return young ? 0.2 : 0.1;
    case 'AUT':
      return young ? 0.12 : 0.05;
    default:
      return 0.04;
  }
}
/** tidligere_anbragt is not recorded for everyone */
export const FORMERLY_PLACED_UNKNOWN_SHARE = 0.08;

/** What follows when a housing-type grant ends: next service, or none. */
export type NextStep = HousingKind | 'none';

export function nextAfterHousing(
  kind: HousingKind,
  group: TargetGroup,
  strategy: number,
  young: boolean,
): readonly (readonly [NextStep, number])[] {
  const towardsHome = 1 + 0.25 * strategy; // the strategy: move on to own home with support
  // fewer move on to botilbud, above all the young (as for new episodes)
  const lessResidential = 1 - (young ? 0.75 : 0.25) * strategy;
  const disabled = group === 'UH' || group === 'AUT' || group === 'HJERNE' || group === 'FYS';
  switch (kind) {
    case '85':
      return [
        ['none', 0.62],
        ['85', 0.2 * (1 + 0.2 * strategy)],
        ['107', 0.03 * lessResidential],
        ['105', 0.02 * lessResidential],
        ['108', disabled ? 0.02 * lessResidential : 0],
        ['110', disabled ? 0 : 0.04],
      ];
    case '105':
      return [['none', 0.54], ['85', 0.3 * towardsHome], ['108', 0.08 * lessResidential], ['105', 0.04]];
    case '107':
      return [['85', 0.4 * towardsHome], ['105', 0.15 * lessResidential], ['108', 0.06 * lessResidential], ['none', 0.39]];
    case '108':
      return [['none', 0.9], ['105', 0.05], ['85', 0.05]];
    case '109':
      return [['none', 0.65], ['85', 0.3], ['110', 0.05]];
    case '110':
      return [['none', 0.5], ['85', 0.15 * towardsHome], ['110', 0.12], ['105', 0.03 * lessResidential], ['107', 0.03 * lessResidential]];
  }
}

/** Length of a grant (or a whole §107 stay) in days: log-normal median and log-sd. */
export interface DurationSpec {
  medianDays: number;
  sigma: number;
  minDays: number;
}

export const DURATIONS: Readonly<Record<ServiceKind, DurationSpec>> = {
  '85': { medianDays: 550, sigma: 0.9, minDays: 30 },
  '105': { medianDays: 1400, sigma: 0.8, minDays: 60 },
  // §107 stays: median ~15 months before the strategy (K4); shortened by the strategy below
  '107': { medianDays: 460, sigma: 0.75, minDays: 14 },
  '108': { medianDays: 2700, sigma: 0.75, minDays: 90 },
  '109': { medianDays: 45, sigma: 0.7, minDays: 3 },
  '110': { medianDays: 40, sigma: 1.0, minDays: 1 },
  '82a': { medianDays: 120, sigma: 0.5, minDays: 28 },
  '82b': { medianDays: 180, sigma: 0.5, minDays: 28 },
  '96': { medianDays: 2500, sigma: 0.7, minDays: 180 },
  '97': { medianDays: 900, sigma: 0.8, minDays: 60 },
  '99': { medianDays: 500, sigma: 0.8, minDays: 30 },
  '101': { medianDays: 150, sigma: 0.7, minDays: 14 },
  '103': { medianDays: 1500, sigma: 0.8, minDays: 60 },
  '104': { medianDays: 1100, sigma: 0.9, minDays: 30 },
};

/** The strategy shortens §107 stays: by 2026 the median is almost half as long. */
export const STAY_SHORTENING_AT_FULL_STRATEGY = 0.45;

/** Hours per week for the hourly services (median, log-sd, min, max). */
export const HOURS: Readonly<Record<'82a' | '82b' | '96' | '97' | '99', readonly [number, number, number, number]>> = {
  '82a': [1.2, 0.3, 0.5, 4],
  '82b': [1.5, 0.4, 0.5, 6],
  '96': [60, 0.4, 20, 168],
  '97': [3.5, 0.3, 1, 10],
  '99': [4, 0.4, 1, 15],
};

/** Probability of choosing an internal provider when one with a free place accepts the group. */
export const INTERNAL_PREFERENCE: Partial<Record<ServiceKind, number>> = {
  '85': 0.95,
  '103': 0.75,
  '104': 0.75,
  '105': 0.95,
  '107': 0.85,
  '108': 0.85,
};

/** §85 support and §101 treatment without a team: share bought from an external provider. */
export const EXTERNAL_SHARE_WITHOUT_TEAM: Partial<Record<ServiceKind, number>> = { '85': 0.15, '101': 0.5 };

/** Daily rate (2018 prices) of §101 ambulant treatment run without a provider record. */
export const AMBULANT_TREATMENT_RATE_2018 = 120;

/** Hourly cost of support (2018 prices); BPA (§96) helpers are cheaper per hour. */
export const HOURLY_RATE_2018 = 450;
export const BPA_HOURLY_RATE_2018 = 370;

/** Heavier citizens over time: real rates of new grants grow a little beyond prices. */
export const REAL_RATE_GROWTH = 0.015;

/** Volume growth beyond the population: more citizens with needs each year. */
export const VOLUME_GROWTH = 0.003;
