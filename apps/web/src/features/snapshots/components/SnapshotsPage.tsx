/**
 * Budgetopfølgning: the frozen snapshots the budget follow-ups quote (DESIGN §7) — the list (each
 * opens the whole dashboard on its numbers), freezing a new one, comparing two (or one with the
 * current numbers), and the follow-ups' dates in the year.
 */
import type { ReactElement } from 'react';
import { useCan } from '../../../shared/access/roles.ts';
import { CreateSnapshotForm } from './CreateSnapshotForm.tsx';
import { FollowUpDatesForm } from './FollowUpDatesForm.tsx';
import { SnapshotCompare } from './SnapshotCompare.tsx';
import { SnapshotList } from './SnapshotList.tsx';

export function SnapshotsPage(): ReactElement {
  // Freezing and the follow-up dates are for analysts; a viewer reads the list and compares.
  const canChange = useCan('snapshot');
  return (
    <>
      <h1>Budgetopfølgning</h1>
      <p className="lead">
        To gange om året følger byrådet op på budgettet og strategien. Frys tallene til hver budgetopfølgning, så et tal i et oplæg altid kan vises og
        eksporteres igen, og se hvad der har flyttet sig siden.
      </p>
      <SnapshotList />
      {canChange ? <CreateSnapshotForm /> : null}
      <SnapshotCompare />
      <FollowUpDatesForm editable={canChange} />
    </>
  );
}
