/**
 * PUT /api/reference/plan/realized-effect — enter or correct the realised effect of one of the
 * plan's effect areas for one year (1.000 kr.). On success the plan is fetched again, so the
 * table beside the form shows what was saved.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../shared/api/api-client.ts';
import { planQueryOptions } from '../../../shared/api/get-plan.ts';

/** The route's body (apps/api/src/routes/api/reference.ts): the API validates the same bounds. */
export interface RealizedEffectInput {
  area: string;
  /** 2014–2100. */
  year: number;
  /** Whole 1.000 kr., −10.000.000 to 10.000.000; negative is a saving. */
  amountThousandKr: number;
  /** At most 1.000 characters; left out when empty. */
  note?: string;
}

export async function putRealizedEffect(input: RealizedEffectInput): Promise<void> {
  await requestJson<null>('PUT', '/api/reference/plan/realized-effect', JSON.stringify(input));
}

export function useSaveRealizedEffect() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putRealizedEffect,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planQueryOptions.queryKey }),
  });
}
