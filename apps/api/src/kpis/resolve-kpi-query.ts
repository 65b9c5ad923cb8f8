/**
 * Checks a KPI request against the catalogue and the reference data and turns it into the
 * KpiQuery the compute functions get. Anything a compute function could trip over is refused
 * here with a Danish message.
 */
import { TARGET_GROUPS, OPERATIONS } from '@sol/domain/codes.ts';
import { AGE_BANDS, BREAKDOWNS, FILTERS, type AgeBand, type BreakdownId, type FilterId, type KpiDefinition } from '@sol/domain/kpi-catalogue.ts';
import type { KpiContext } from '../repositories/get-kpi-context.ts';
import { BadRequestError } from '../schemas/bad-request.ts';
import type { KpiQueryString } from '../schemas/kpi-query.ts';
import type { KpiFilters, KpiQuery } from './kpi-query.ts';
import { resolvePeriod, type Period } from './resolve-period.ts';

export interface ResolvedKpiQuery {
  query: KpiQuery;
  period: Period;
}

const FILTER_CODES: Record<FilterId, (context: KpiContext) => ReadonlySet<string>> = {
  targetGroup: () => new Set(Object.keys(TARGET_GROUPS)),
  ageBand: () => new Set(Object.keys(AGE_BANDS)),
  operation: () => new Set(Object.keys(OPERATIONS)),
  paragraph: (context) => new Set(context.paragraphs.keys()),
};

export function resolveKpiQuery(kpi: KpiDefinition, input: KpiQueryString, context: KpiContext): ResolvedKpiQuery {
  if (!context.defaultAsOf && !input.asOf) {
    throw new BadRequestError('Der er ingen data endnu; indlæs data eller angiv asOf');
  }
  const period = resolvePeriod(input, context.defaultAsOf ?? (input.asOf as string));

  let by: BreakdownId | null = null;
  if (input.by !== undefined) {
    if (!(kpi.breakdowns as readonly string[]).includes(input.by)) {
      throw new BadRequestError(
        `${kpi.title} kan ikke opdeles på "${input.by}". Mulige opdelinger: ${describeChoices(kpi.breakdowns, BREAKDOWNS)}`,
      );
    }
    by = input.by as BreakdownId;
  }

  const filters: KpiFilters = {};
  for (const filter of Object.keys(FILTERS) as FilterId[]) {
    const raw = input[filter];
    if (raw === undefined) continue;
    if (!kpi.filters.includes(filter)) {
      throw new BadRequestError(
        `${kpi.title} kan ikke filtreres på ${filter}. ${kpi.filters.length ? `Mulige filtre: ${describeChoices(kpi.filters, FILTERS)}` : 'Nøgletallet har ingen filtre.'}`,
      );
    }
    const codes = [...new Set(raw.split(',').map((code) => code.trim()).filter(Boolean))];
    if (codes.length === 0) throw new BadRequestError(`${filter} er tomt; angiv en eller flere koder adskilt af komma`);
    const allowed = FILTER_CODES[filter](context);
    const unknown = codes.filter((code) => !allowed.has(code));
    if (unknown.length > 0) {
      throw new BadRequestError(`Ukendt kode i ${filter}: ${unknown.join(', ')}. Gyldige koder: ${[...allowed].join(', ')}`);
    }
    if (filter === 'ageBand') filters.ageBand = codes as AgeBand[];
    else filters[filter] = codes;
  }

  let prices: KpiQuery['prices'] = { kind: 'current' };
  if (input.prices === 'fixed') {
    const baseYear = input.base ?? context.defaultBaseYear;
    if (baseYear == null) throw new BadRequestError('Faste priser kræver et P/L-indeks; der er ikke indlæst noget');
    const needed = yearsNeedingIndex(kpi, period, baseYear);
    const missing = needed.filter((year) => !context.priceIndexYears.has(year));
    if (missing.length > 0) {
      throw new BadRequestError(`P/L-indekset mangler for ${missing.join(', ')}; faste priser kan ikke beregnes`);
    }
    prices = { kind: 'fixed', baseYear };
  } else if (input.base !== undefined) {
    throw new BadRequestError('base bruges kun sammen med prices=fixed');
  }

  if (input.cohort !== undefined && kpi.id !== 'temporary-stays') {
    throw new BadRequestError('cohort gælder kun opholdslængde på midlertidige botilbud (temporary-stays)');
  }

  return {
    period,
    query: {
      periods: [{ from: period.from, to: period.to }],
      asOf: period.asOf,
      by,
      filters,
      prices,
      cohort: input.cohort ?? 'start',
    },
  };
}

/** Years whose amounts are converted: the period's, and the year before for growth. */
function yearsNeedingIndex(kpi: KpiDefinition, period: Period, baseYear: number): number[] {
  const years = new Set([baseYear]);
  if (kpi.hasAmounts) {
    const first = Number(period.from.slice(0, 4)) - (kpi.id === 'expenditure' ? 1 : 0);
    for (let year = first; year <= Number(period.to.slice(0, 4)); year += 1) years.add(year);
  }
  return [...years].sort();
}

function describeChoices(ids: readonly string[], labels: Record<string, string>): string {
  return ids.map((id) => `${id} (${labels[id] ?? id})`).join(', ');
}
