/**
 * The routes (wouter: a few kB, where a full router would cost a sixth of the bundle budget).
 * Each page is its own chunk, so the first load carries only the frame and the page asked for;
 * AG Grid is further split off and loads only when rows are opened. A page the user's role may
 * not open says so in Danish instead (the API would answer its requests with 403 anyway).
 */
import { lazy, type ComponentType, type ReactElement } from 'react';
import { Route, Switch } from 'wouter';
import { ROLE_LABELS, hasRole, useRole, type Role } from '../shared/access/roles.ts';
import { NotFoundPage } from './AppLayout.tsx';
import { PAGES } from './pages.ts';

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
const AdministrationPage = lazy(async () => ({ default: (await import('../features/admin/components/AdministrationPage.tsx')).AdministrationPage }));

const COMPONENTS: Readonly<Record<string, ComponentType>> = {
  '/': OverviewPage,
  '/sagsbehandling': CaseProcessingPage,
  '/oekonomi': ExpenditurePage,
  '/bolig': HousingPage,
  '/midlertidige-ophold': TemporaryStaysPage,
  '/modtagere': RecipientsPage,
  '/tilbud': ProvidersPage,
  '/strategi': StrategyPage,
  '/afrapportering': ReportPage,
  '/budgetopfoelgning': SnapshotsPage,
  '/udsendelser': SchedulesPage,
  '/data': DataPage,
  '/administration': AdministrationPage,
};

export function NoAccessPage({ needed, role }: { needed: Role; role: Role | null }): ReactElement {
  return (
    <div className="no-access" data-testid="no-access">
      <h1>Ingen adgang</h1>
      <p role="alert" className="message message-error">
        Din rolle giver ikke adgang til denne side.
      </p>
      <p>
        Siden kræver rollen {ROLE_LABELS[needed].toLowerCase()}
        {role ? `, og du er logget ind som ${ROLE_LABELS[role].toLowerCase()}` : ''}. Bed en administrator om en anden rolle, hvis du skal bruge
        siden. Vælg en anden side i menuen.
      </p>
    </div>
  );
}

function RoleGate({ needed, page: Page }: { needed: Role; page: ComponentType }): ReactElement {
  const role = useRole();
  return hasRole(role, needed) ? <Page /> : <NoAccessPage needed={needed} role={role} />;
}

export function Routes(): ReactElement {
  return (
    <Switch>
      {PAGES.map((entry) => {
        const Page = COMPONENTS[entry.path] ?? NotFoundPage;
        return (
          <Route key={entry.path} path={entry.path}>
            <RoleGate needed={entry.role ?? 'viewer'} page={Page} />
          </Route>
        );
      })}
      <Route component={NotFoundPage} />
    </Switch>
  );
}
