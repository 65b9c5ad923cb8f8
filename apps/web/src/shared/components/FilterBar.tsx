/**
 * The global filters: the numbers (current or a snapshot), period, target group, paragraph, age
 * band, operation and prices. Native
 * selects (keyboard and screen readers work as everywhere else); every change goes to the URL.
 */
import type { ReactElement } from 'react';
import { FILTERS, type FilterId } from '@sol/domain/kpi-catalogue.ts';
import { useFilterChoices } from '../api/get-filter-choices.ts';
import { FILTER_IDS, useGlobalFilters } from '../filters/global-filters.ts';
import { SnapshotPicker } from './SnapshotPicker.tsx';

const CHOICE_LISTS: Record<FilterId, 'targetGroups' | 'paragraphs' | 'ageBands' | 'operations'> = {
  targetGroup: 'targetGroups',
  paragraph: 'paragraphs',
  ageBand: 'ageBands',
  operation: 'operations',
};

export function FilterBar(): ReactElement {
  const [filters, update] = useGlobalFilters();
  const choices = useFilterChoices();
  const years = choices.data?.years ?? [];
  const latest = years.at(-1);
  const anyChosen = filters.year !== null || FILTER_IDS.some((id) => filters.codes[id].length > 0) || filters.prices === 'fixed';

  return (
    <form className="filter-bar" aria-label="Filtre" onSubmit={(event) => event.preventDefault()}>
      <SnapshotPicker />
      <div className="filter-field">
        <label htmlFor="filter-year">År</label>
        <select id="filter-year" value={filters.year ?? ''} onChange={(event) => update({ year: event.target.value || null })}>
          <option value="">{latest ? `Seneste (${latest})` : 'Seneste'}</option>
          {[...years].reverse().map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor="filter-half">Periode</label>
        <select
          id="filter-half"
          value={filters.half ?? ''}
          disabled={filters.year === null}
          aria-describedby={filters.year === null ? 'filter-half-hint' : undefined}
          onChange={(event) => update({ half: event.target.value || null })}
        >
          <option value="">Hele året</option>
          <option value="1">1. halvår</option>
          <option value="2">2. halvår</option>
        </select>
        {filters.year === null ? (
          <span id="filter-half-hint" className="visually-hidden">
            Vælg et år for at vælge halvår
          </span>
        ) : null}
      </div>
      {FILTER_IDS.map((id) => (
        <div className="filter-field" key={id}>
          <label htmlFor={`filter-${id}`}>{FILTERS[id]}</label>
          <select id={`filter-${id}`} value={filters.codes[id][0] ?? ''} onChange={(event) => update({ [id]: event.target.value || null })}>
            <option value="">Alle</option>
            {(choices.data?.[CHOICE_LISTS[id]] ?? []).map((choice) => (
              <option key={choice.code} value={choice.code}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <fieldset className="filter-field filter-prices">
        <legend>Priser</legend>
        <label>
          <input type="radio" name="prices" value="current" checked={filters.prices === 'current'} onChange={() => update({ prices: null })} /> Løbende
        </label>
        <label>
          <input type="radio" name="prices" value="fixed" checked={filters.prices === 'fixed'} onChange={() => update({ prices: 'fixed' })} /> Faste
          {choices.data?.defaultBaseYear ? ` (${choices.data.defaultBaseYear})` : ''}
        </label>
      </fieldset>
      {anyChosen ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => update(Object.fromEntries(['year', 'half', ...FILTER_IDS, 'prices'].map((key) => [key, null])))}
        >
          Nulstil filtre
        </button>
      ) : null}
    </form>
  );
}
