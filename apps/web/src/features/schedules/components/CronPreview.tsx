/**
 * The cron field's live answer: the next three runs in Danish time as the server computes them,
 * asked once the user has paused typing, or the server's Danish message for an expression it
 * cannot read. Polite live region: read out when it settles, not on every key.
 */
import { useEffect, useState, type ReactElement } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { CronPreview as CronPreviewAnswer } from '../api/get-cron-preview.ts';
import { TIME_ZONE_TEXT } from './schedule-text.ts';

const DEBOUNCE_MS = 400;

/** `value`, once it has stood still for `delay` ms. */
export function useDebouncedValue<T>(value: T, delay = DEBOUNCE_MS): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

export function CronPreview({
  id,
  query,
  typing,
}: {
  id: string;
  query: UseQueryResult<CronPreviewAnswer, Error>;
  /** The field differs from the expression asked about: the answer shown is about to change. */
  typing: boolean;
}): ReactElement {
  let content: ReactElement;
  if (query.isError) {
    content = (
      <p className="field-error" data-testid="cron-preview-error">
        <span aria-hidden="true">✖ </span>
        {query.error.message}
      </p>
    );
  } else if (query.data) {
    content = (
      <>
        <p className="cron-preview-title">De næste {query.data.nextRuns.length === 1 ? 'kørsel' : `${query.data.nextRuns.length} kørsler`} i {TIME_ZONE_TEXT}:</p>
        <ol className="cron-preview-runs" data-testid="cron-preview-runs">
          {query.data.nextRuns.map((run) => (
            <li key={run.at}>
              <time dateTime={run.at}>{run.text}</time>
            </li>
          ))}
        </ol>
      </>
    );
  } else if (query.isFetching) {
    content = <p className="loading">Beregner de næste kørsler …</p>;
  } else {
    content = <p className="field-hint">Skriv et cron-udtryk, eller vælg en af de faste tider, så vises de næste kørsler her.</p>;
  }
  return (
    <div id={id} className={`cron-preview${typing || query.isPlaceholderData ? ' cron-preview-stale' : ''}`} aria-live="polite" data-testid="cron-preview">
      {content}
    </div>
  );
}
