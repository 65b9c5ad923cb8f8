/**
 * The routes (wouter: a few kB, where a full router would cost a sixth of the bundle budget).
 * Each page is its own chunk, so the first load carries only the frame and the page asked for;
 * AG Grid is further split off and loads only when rows are opened.
 */
import { lazy, type ReactElement } from 'react';
import { Route, Switch } from 'wouter';
import { NotFoundPage } from './AppLayout.tsx';

const OverviewPage = lazy(async () => ({ default: (await import('../features/overview/components/OverviewPage.tsx')).OverviewPage }));
const CaseProcessingPage = lazy(async () => ({
  default: (await import('../features/case-processing/components/CaseProcessingPage.tsx')).CaseProcessingPage,
}));
const ExpenditurePage = lazy(async () => ({ default: (await import('../features/expenditure/components/ExpenditurePage.tsx')).ExpenditurePage }));
const HousingPage = lazy(async () => ({ default: (await import('../features/housing/components/HousingPage.tsx')).HousingPage }));
const TemporaryStaysPage = lazy(async () => ({
  default: (await import('../features/temporary-stays/components/TemporaryStaysPage.tsx')).TemporaryStaysPage,
}));
const RecipientsPage = lazy(async () => ({ default: (await import('../features/recipients/components/RecipientsPage.tsx')).RecipientsPage }));
const ProvidersPage = lazy(async () => ({ default: (await import('../features/providers/components/ProvidersPage.tsx')).ProvidersPage }));
const StrategyPage = lazy(async () => ({ default: (await import('../features/strategy/components/StrategyPage.tsx')).StrategyPage }));
const ReportPage = lazy(async () => ({ default: (await import('../features/report/components/ReportPage.tsx')).ReportPage }));
const SnapshotsPage = lazy(async () => ({ default: (await import('../features/snapshots/components/SnapshotsPage.tsx')).SnapshotsPage }));
const SchedulesPage = lazy(async () => ({ default: (await import('../features/schedules/components/SchedulesPage.tsx')).SchedulesPage }));
const DataPage = lazy(async () => ({ default: (await import('../features/data/components/DataPage.tsx')).DataPage }));

export function Routes(): ReactElement {
  return (
    <Switch>
      <Route path="/" component={OverviewPage} />
      <Route path="/sagsbehandling" component={CaseProcessingPage} />
      <Route path="/oekonomi" component={ExpenditurePage} />
      <Route path="/bolig" component={HousingPage} />
      <Route path="/midlertidige-ophold" component={TemporaryStaysPage} />
      <Route path="/modtagere" component={RecipientsPage} />
      <Route path="/tilbud" component={ProvidersPage} />
      <Route path="/strategi" component={StrategyPage} />
      <Route path="/afrapportering" component={ReportPage} />
      <Route path="/budgetopfoelgning" component={SnapshotsPage} />
      <Route path="/udsendelser" component={SchedulesPage} />
      <Route path="/data" component={DataPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
