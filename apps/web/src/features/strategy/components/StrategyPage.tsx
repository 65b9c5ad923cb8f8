/**
 * Strategi 2023–2026: the active strategy (a setting; another municipality's loads the same way)
 * with every theme and indicator, how far each has come since the baseline year, and a count of
 * the statuses on top, so the council sees at a glance where the strategy stands.
 */
import type { ReactElement } from 'react';
import type { StrategyProgress } from '@sol/api/schemas/strategy.ts';
import { formatIsoDate } from '@sol/domain/format-danish.ts';
import { useStrategy } from '../../../shared/api/get-strategy.ts';
import { useGlobalFilters } from '../../../shared/filters/global-filters.ts';
import { StatusBadge, statusOf } from '../../../shared/components/StatusBadge.tsx';
import { IndicatorCard } from './IndicatorCard.tsx';

const STATUS_ORDER = ['improved', 'unchanged', 'worse', 'unknown'] as const;
const STATUS_COUNT_TEXT: Record<(typeof STATUS_ORDER)[number], string> = {
  improved: 'forbedret',
  unchanged: 'uændret',
  worse: 'forværret',
  unknown: 'kan ikke vurderes',
};

function StatusSummary({ progress }: { progress: StrategyProgress }): ReactElement {
  const indicators = progress.themes.flatMap((theme) => theme.indicators);
  const counts = STATUS_ORDER.map((status) => ({ status, count: indicators.filter((indicator) => statusOf(indicator) === status).length }));
  return (
    <div className="strategy-summary" data-testid="strategy-summary">
      <p className="strategy-summary-title">
        {indicators.length} indikatorer, status i forhold til basisåret {progress.strategy.baselineYear}:
      </p>
      <ul>
        {counts.map(({ status, count }) => (
          <li key={status} data-testid={`strategy-count-${status}`}>
            <StatusBadge status={status} label={`${count} ${STATUS_COUNT_TEXT[status]}`} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function StrategyPage(): ReactElement {
  const [filters] = useGlobalFilters();
  const strategy = useStrategy(filters.snapshot);

  if (strategy.isPending) {
    return (
      <>
        <h1>Strategi 2023–2026</h1>
        <p role="status" className="loading">
          Henter strategien …
        </p>
      </>
    );
  }
  if (strategy.isError) {
    return (
      <>
        <h1>Strategi 2023–2026</h1>
        <p role="alert" className="message message-error">
          Strategien kunne ikke hentes: {strategy.error.message}
        </p>
      </>
    );
  }

  const progress = strategy.data;
  const { title, municipality, firstYear, lastYear, baselineYear } = progress.strategy;
  return (
    <>
      <h1 data-testid="strategy-title">{title}</h1>
      <p className="lead">
        {municipality}s strategi for {firstYear}–{lastYear}: hvordan går det med målene? Hver indikator viser strategiens egne ord, det nøgletal den
        følges med, udgangspunktet i basisåret {baselineYear}, tallene år for år og om udviklingen går den vej, strategien ønsker.
        {progress.asOf ? ` Tallene er opgjort pr. ${formatIsoDate(progress.asOf)}.` : ' Der er endnu ingen data.'}
      </p>
      <StatusSummary progress={progress} />
      <p className="section-lead status-explanation">
        Status sammenligner det seneste år med et tal med basisåret. «Uændret» betyder, at ændringen er mindre end indikatorens tolerance (en andel af
        basisårets værdi), og «kan ikke vurderes», at et af tallene mangler eller er skjult.
      </p>
      {progress.themes.map((theme) => (
        <section key={theme.themeNo} aria-labelledby={`theme-${theme.themeNo}`} className="page-section strategy-theme" data-testid={`theme-${theme.themeNo}`}>
          <h2 id={`theme-${theme.themeNo}`}>
            <span className="theme-number">Tema {theme.themeNo}:</span> {theme.title}
          </h2>
          {theme.indicators.length === 0 ? (
            <p className="empty">Temaet har ingen indikatorer.</p>
          ) : (
            <div className="indicator-list">
              {theme.indicators.map((indicator) => (
                <IndicatorCard key={indicator.indicatorId} indicator={indicator} asOf={progress.asOf} threshold={progress.suppressionThreshold} />
              ))}
            </div>
          )}
        </section>
      ))}
    </>
  );
}
