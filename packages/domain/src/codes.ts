/**
 * Code lists of the import contract (DESIGN §4). Danish codes at the edges; the labels are what the
 * UI shows. Paragraphs and chart-of-accounts functions are reference data in the database, not
 * code lists, because each municipality edits them.
 */

export const TARGET_GROUPS = {
  UH: 'Udviklingshæmning',
  AUT: 'Autisme',
  SIND: 'Sindslidelse',
  HJERNE: 'Erhvervet hjerneskade',
  FYS: 'Fysisk funktionsnedsættelse',
  MISBRUG: 'Misbrug',
  UDSAT: 'Socialt udsat/hjemløs',
} as const;
export type TargetGroup = keyof typeof TARGET_GROUPS;
export const TARGET_GROUP_CODES = Object.keys(TARGET_GROUPS) as TargetGroup[];

export const OPERATIONS = { intern: 'Intern', ekstern: 'Ekstern' } as const;
export type Operation = keyof typeof OPERATIONS;

export const DECISIONS = { bevilget: 'Bevilget', afslag: 'Afslag', henlagt: 'Henlagt' } as const;
export type Decision = keyof typeof DECISIONS;

export const BUDGET_TYPES = {
  oprindeligt: 'Oprindeligt budget',
  korrigeret: 'Korrigeret budget',
  forventet: 'Forventet regnskab',
} as const;
export type BudgetType = keyof typeof BUDGET_TYPES;

export const YES_NO = { ja: true, nej: false } as const;

/** Measurement codes with the values each allows (DESIGN §4). */
export const MEASUREMENTS = {
  faellesskab: { label: 'Deltager i fællesskab', min: 0, max: 1 },
  dialog: { label: 'Oplever løbende dialog med sagsbehandler', min: 1, max: 5 },
  effekt: { label: 'Oplever effekt af indsatsen', min: 1, max: 5 },
  trivsel: { label: 'Trivsel i tilbuddet', min: 1, max: 5 },
  sammenhaeng: { label: 'Oplever sammenhængende støtte', min: 1, max: 5 },
} as const;
export type MeasurementCode = keyof typeof MEASUREMENTS;
