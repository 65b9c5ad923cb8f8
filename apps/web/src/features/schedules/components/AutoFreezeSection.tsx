/**
 * Automatic freezing of the budget follow-up: when on, the snapshot of each follow-up date is frozen
 * on that date without anyone pressing a button. Shows the next automatic freeze; the switch saves
 * at once and says so.
 */
import { useId, type ReactElement } from 'react';
import { QueryResult } from '../../../shared/components/QueryResult.tsx';
import { FailureMessage } from '../../../shared/components/FormField.tsx';
import { useAutoFreeze } from '../api/get-auto-freeze.ts';
import { useSetAutoFreeze } from '../api/put-auto-freeze.ts';
import { dateText } from './schedule-text.ts';

export function AutoFreezeSection(): ReactElement {
  const id = useId();
  const autoFreeze = useAutoFreeze();
  const save = useSetAutoFreeze();

  return (
    <section className="page-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Automatisk frysning af budgetopfølgningen</h2>
      <QueryResult query={autoFreeze} loading="Henter indstillingen …" error="Indstillingen kunne ikke hentes">
        {(state) => (
          <div className="auto-freeze" data-testid="auto-freeze">
            <label className="checkbox-label">
              <input
                type="checkbox"
                checked={save.isPending ? save.variables : state.enabled}
                aria-describedby={`${id}-state`}
                onChange={(event) => {
                  if (!save.isPending) save.mutate(event.currentTarget.checked);
                }}
              />
              Frys automatisk budgetopfølgningen på opfølgningsdatoerne
            </label>
            <div id={`${id}-state`} className="auto-freeze-state">
              <p>
                {state.enabled
                  ? `Slået til${state.since ? ` siden ${dateText(state.since)}` : ''}: øjebliksbilledet fryses på hver opfølgningsdato, så tallene kan genfindes, som de var.`
                  : 'Slået fra: øjebliksbilleder fryses kun, når nogen gør det selv.'}
              </p>
              {state.enabled ? (
                <p>
                  {state.nextFreeze
                    ? `Næste automatiske frysning: ${state.nextFreeze.name}, opfølgningsdatoen ${dateText(state.nextFreeze.asOf)}. Den fryses, så snart data når datoen.`
                    : 'Der er ingen kommende opfølgningsdato at fryse. Tilføj en under Budgetopfølgning.'}
                </p>
              ) : null}
            </div>
            <div role="status" className="live">
              {save.isPending ? <p className="loading">Gemmer …</p> : null}
              {save.isSuccess ? <p className="visually-hidden">{save.data.enabled ? 'Automatisk frysning er slået til.' : 'Automatisk frysning er slået fra.'}</p> : null}
            </div>
            {save.isError ? (
              <FailureMessage>Indstillingen blev ikke gemt: {save.error.message}</FailureMessage>
            ) : null}
          </div>
        )}
      </QueryResult>
    </section>
  );
}
