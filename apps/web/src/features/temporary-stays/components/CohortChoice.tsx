/**
 * Which stays the period's figures are about: those that started in the period (how long new stays
 * last) or all stays that ran at some point in it (the long ones that started earlier too). Kept in
 * the URL as `cohort` — the API's own parameter — so a shared link shows the same choice.
 */
import { useCallback, type ReactElement } from 'react';
import { useSearchParams } from 'wouter';

export type Cohort = 'start' | 'active';

const CHOICES: { value: Cohort; label: string; hint: string }[] = [
  { value: 'start', label: 'Ophold, der startede i perioden', hint: 'Hvor længe varer de nye ophold?' },
  { value: 'active', label: 'Alle ophold, der var i gang i perioden', hint: 'Tager også de ophold med, der startede før perioden.' },
];

/** The choice from the URL; "start" (the default) is left out of the URL. */
export function useCohort(): [Cohort, (cohort: Cohort) => void] {
  const [search, setSearch] = useSearchParams();
  const cohort: Cohort = search.get('cohort') === 'active' ? 'active' : 'start';
  const choose = useCallback(
    (next: Cohort) =>
      setSearch((current) => {
        const params = new URLSearchParams(current);
        if (next === 'start') params.delete('cohort');
        else params.set('cohort', next);
        return params;
      }),
    [setSearch],
  );
  return [cohort, choose];
}

export function CohortChoice({ cohort, onChange }: { cohort: Cohort; onChange: (cohort: Cohort) => void }): ReactElement {
  return (
    <fieldset className="cohort-choice" data-testid="cohort-choice">
      <legend>Hvilke ophold indgår i tallene for perioden?</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value} className="cohort-choice-option">
          <input type="radio" name="cohort" value={choice.value} checked={cohort === choice.value} onChange={() => onChange(choice.value)} />
          <span>
            <span className="cohort-choice-label">{choice.label}</span>
            <span className="cohort-choice-hint">{choice.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
