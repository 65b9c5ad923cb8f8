/** Which file computes which KPI of the catalogue; one analytics query per file. */
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import { getCaseProcessing } from './compute/get-case-processing.ts';
import { getExpenditure } from './compute/get-expenditure.ts';
import { getHousing } from './compute/get-housing.ts';
import { getMeasurements } from './compute/get-measurements.ts';
import { getProviders } from './compute/get-providers.ts';
import { getRecipients } from './compute/get-recipients.ts';
import { getReviews } from './compute/get-reviews.ts';
import { getStrategyMeasures } from './compute/get-strategy-measures.ts';
import { getTemporaryStays } from './compute/get-temporary-stays.ts';
import type { ComputeKpi, KpiComputation, KpiQuery } from './kpi-query.ts';

export const COMPUTE_BY_KPI: Readonly<Record<string, ComputeKpi>> = {
  'case-processing': getCaseProcessing,
  expenditure: getExpenditure,
  housing: getHousing,
  'temporary-stays': getTemporaryStays,
  recipients: getRecipients,
  providers: getProviders,
  reviews: getReviews,
  measurements: getMeasurements,
  'strategy-measures': getStrategyMeasures,
};

/** One KpiComputation per period of the query, in order (checked, so callers can index it). */
export async function computeKpi(kpiId: string, db: Kysely<Tables>, query: KpiQuery): Promise<KpiComputation[]> {
  const compute = COMPUTE_BY_KPI[kpiId];
  if (!compute) throw new Error(`No compute function for KPI ${kpiId}`);
  const results = await compute(db, query);
  if (results.length !== query.periods.length) {
    throw new Error(`KPI ${kpiId} returned ${results.length} results for ${query.periods.length} periods`);
  }
  return results;
}
