/**
 * The services (Serviceloven paragraphs) the model grants, and how each is paid and booked.
 * Only paragraphs and 5.38.xx functions that exist in sql/migrations/0002_reference_data.sql.
 */

export const HOUSING_KINDS = ['85', '105', '107', '108', '109', '110'] as const;
export type HousingKind = (typeof HOUSING_KINDS)[number];

export const ADD_ON_KINDS = ['82a', '82b', '96', '97', '99', '101', '103', '104'] as const;
export type AddOnKind = (typeof ADD_ON_KINDS)[number];

export type ServiceKind = HousingKind | AddOnKind;
export const SERVICE_KINDS: readonly ServiceKind[] = [...HOUSING_KINDS, ...ADD_ON_KINDS];

/** Index of a paragraph in SERVICE_KINDS — grants store the paragraph as this small integer. */
export const SERVICE_INDEX: Readonly<Record<ServiceKind, number>> = Object.fromEntries(
  SERVICE_KINDS.map((kind, index) => [kind, index]),
) as Record<ServiceKind, number>;

export function serviceAt(index: number): ServiceKind {
  const kind = SERVICE_KINDS[index];
  if (kind === undefined) throw new Error(`unknown service index ${index}`);
  return kind;
}

/** botilbud in the sense of DESIGN §5 boform */
export function isResidential(kind: ServiceKind): boolean {
  return kind === '105' || kind === '107' || kind === '108';
}

/** Services paid by hours per week (the rest by a daily rate). */
export function isHourly(kind: ServiceKind): boolean {
  return kind === '82a' || kind === '82b' || kind === '85' || kind === '96' || kind === '97' || kind === '99';
}

/**
 * Chart-of-accounts booking per paragraph, with the share of the cost on each function.
 * §105 is an almenbolig with §85 support: the housing part on 5.38.51, the support on 5.38.39.
 */
export const FUNCTION_SPLIT: Readonly<Record<ServiceKind, readonly (readonly [string, number])[]>> = {
  '82a': [['5.38.38', 1]],
  '82b': [['5.38.38', 1]],
  '85': [['5.38.38', 1]],
  '96': [['5.38.38', 1]],
  '97': [['5.38.53', 1]],
  '99': [['5.38.53', 1]],
  '101': [['5.38.45', 1]],
  '103': [['5.38.58', 1]],
  '104': [['5.38.59', 1]],
  '105': [['5.38.51', 0.97], ['5.38.39', 0.03]],
  '107': [['5.38.52', 1]],
  '108': [['5.38.50', 1]],
  '109': [['5.38.42', 1]],
  '110': [['5.38.42', 1]],
};

/** Every function code the generator books on (all exist in the migration). */
export const FUNCTION_CODES = [
  '5.38.38', '5.38.39', '5.38.40', '5.38.42', '5.38.44', '5.38.45',
  '5.38.50', '5.38.51', '5.38.52', '5.38.53', '5.38.58', '5.38.59',
] as const;

/**
 * Processing deadlines in days (DESIGN §6 K1 defaults, also in the migration). §96 and §109 have
 * no published deadline; the model uses 56 and 2 days for them.
 */
export const DEADLINE_DAYS: Readonly<Record<ServiceKind, number>> = {
  '82a': 28, '82b': 28, '85': 56, '96': 56, '97': 42, '99': 42, '101': 14, '103': 84, '104': 84,
  '105': 84, '107': 84, '108': 84, '109': 2, '110': 2,
};
