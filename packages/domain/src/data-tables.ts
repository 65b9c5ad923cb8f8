/**
 * The imported data tables whose row counts /health reports and the status page shows, with their
 * Danish labels, in display order.
 */
export const COUNTED_TABLES = [
  'citizen',
  'provider',
  'application',
  'service_grant',
  'review',
  'posting',
  'budget',
  'population',
  'measurement',
  'price_index',
] as const;

export type CountedTable = (typeof COUNTED_TABLES)[number];
