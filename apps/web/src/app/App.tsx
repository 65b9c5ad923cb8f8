/**
 * The app's root: the login pages (public, lazy, outside the frame, no data queries) or — once the
 * session says who is logged in — the dashboard's frame. Without a login the browser goes to
 * /login with the page asked for as `next` (the server does the same for a page loaded afresh).
 */
import { lazy, Suspense, useEffect, type ReactElement } from 'react';
import { Route, Switch, useLocation, useSearch } from 'wouter';
import { loginPath } from '../shared/api/api-client.ts';
import { useSession } from '../shared/api/get-session.ts';
import { AppLayout } from './AppLayout.tsx';

const LoginPage = lazy(async () => ({ default: (await import('../features/auth/components/LoginPage.tsx')).LoginPage }));
const SetupPage = lazy(async () => ({ default: (await import('../features/auth/components/SetupPage.tsx')).SetupPage }));

function PublicPages(): ReactElement {
  return (
    <Suspense fallback={<p role="status">Indlæser siden …</p>}>
      <Switch>
        <Route path="/login" component={LoginPage} />
        <Route path="/opsaetning" component={SetupPage} />
      </Switch>
    </Suspense>
  );
}

function ToLogin(): ReactElement {
  const [pathname, navigate] = useLocation();
  const search = useSearch();
  useEffect(() => navigate(loginPath(`${pathname}${search ? `?${search}` : ''}`), { replace: true }), [navigate, pathname, search]);
  return <p role="status">Du skal logge ind …</p>;
}

function LoggedIn(): ReactElement {
  const session = useSession();
  if (session.isPending) return <p role="status" className="container page">Indlæser …</p>;
  if (session.isError) {
    return (
      <p role="alert" className="container page message message-error">
        Løsningen kunne ikke starte: {session.error.message}
      </p>
    );
  }
  if (!session.data.user) return <ToLogin />;
  return <AppLayout user={session.data.user} />;
}

export function App(): ReactElement {
  const [pathname] = useLocation();
  return pathname === '/login' || pathname === '/opsaetning' ? <PublicPages /> : <LoggedIn />;
}
