/**
 * The frame of every page: skip link, header with the user (name, role, "Log ud") and the menu of
 * the pages the user's role may open, the global filters, the snapshot banner (when frozen numbers
 * are shown), the page, and the footer. Menu links keep the filters (the query string), so
 * switching page keeps the view. On navigation, focus moves to the page's main heading region so
 * screen readers announce it.
 */
import { Suspense, useEffect, useRef, type ReactElement } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { SessionUser } from '../shared/api/get-session.ts';
import { ROLE_LABELS, hasRole, roleCan } from '../shared/access/roles.ts';
import { FilterBar } from '../shared/components/FilterBar.tsx';
import { SiteHeader } from '../shared/components/SiteHeader.tsx';
import { SnapshotBanner } from '../shared/components/SnapshotBanner.tsx';
import { useLogout } from '../features/auth/api/post-logout.ts';
import { PAGES } from './pages.ts';
import { Routes } from './router.tsx';

function UserBox({ user }: { user: SessionUser }): ReactElement {
  const logout = useLogout();
  return (
    <div className="user-box" data-testid="user-box">
      <p className="user-name">
        <span className="visually-hidden">Logget ind som </span>
        {user.name} <span className="user-role">({ROLE_LABELS[user.role]}{user.isDemo ? ', demo' : ''})</span>
      </p>
      <button
        type="button"
        className="button button-secondary button-compact user-logout"
        aria-disabled={logout.isPending || undefined}
        onClick={() => {
          if (!logout.isPending) logout.mutate();
        }}
      >
        {logout.isPending ? 'Logger ud …' : 'Log ud'}
      </button>
      {logout.isError ? (
        <p role="alert" className="user-logout-error">
          Du blev ikke logget ud: {logout.error.message}
        </p>
      ) : null}
    </div>
  );
}

export function AppLayout({ user }: { user: SessionUser }): ReactElement {
  const canExport = roleCan(user.role, 'export');
  const [pathname] = useLocation();
  const search = useSearch();
  const main = useRef<HTMLElement>(null);
  const page = PAGES.find((entry) => entry.path === pathname);
  const firstRender = useRef(true);

  useEffect(() => {
    document.title = `${page?.title ?? 'Side ikke fundet'} – Socialområdets ledelsesinformation`;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname, page?.title]);

  return (
    <>
      <SiteHeader aside={<UserBox user={user} />}>
        <nav aria-label="Hovedmenu" className="main-nav">
          <ul className="container">
            {PAGES.filter((entry) => hasRole(user.role, entry.role ?? 'viewer')).map((entry) => (
              <li key={entry.path}>
                <Link href={`${entry.path}${search ? `?${search}` : ''}`} aria-current={entry.path === pathname ? 'page' : undefined}>
                  {entry.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </SiteHeader>
      <div className="filters-region">
        <div className="container">
          <FilterBar />
        </div>
      </div>
      <main id="indhold" ref={main} className="container page" tabIndex={-1}>
        <SnapshotBanner />
        <Suspense fallback={<p role="status">Indlæser siden …</p>}>
          <Routes />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>
            Tal under 5 vises som «&lt;5», så ingen borger kan genkendes.
            {canExport ? ' Tal og grafer kan eksporteres fra hver graf.' : ''}
          </p>
        </div>
      </footer>
    </>
  );
}

export function NotFoundPage(): ReactElement {
  return (
    <>
      <h1>Siden findes ikke</h1>
      <p>
        Adressen findes ikke. Vælg en side i menuen, eller <Link href="/">gå til overblikket</Link>.
      </p>
    </>
  );
}
