/**
 * The frame of every page: skip link, header with the menu, the global filters, the snapshot
 * banner (when frozen numbers are shown), the page, and the footer. Menu links keep the filters
 * (the query string), so switching page keeps the view. On navigation, focus moves to the page's
 * main heading region so screen readers announce it.
 */
import { Suspense, useEffect, useRef, type ReactElement } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { FilterBar } from '../shared/components/FilterBar.tsx';
import { SnapshotBanner } from '../shared/components/SnapshotBanner.tsx';
import { PAGES } from './pages.ts';
import { Routes } from './router.tsx';

export function AppLayout(): ReactElement {
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
      <a className="skip-link" href="#indhold">
        Gå til indhold
      </a>
      <header className="site-header">
        <div className="container header-row">
          <div>
            <p className="product-name">Socialområdets ledelsesinformation</p>
            <p className="product-tagline">Det specialiserede socialområde for voksne</p>
          </div>
        </div>
        <nav aria-label="Hovedmenu" className="main-nav">
          <ul className="container">
            {PAGES.map((entry) => (
              <li key={entry.path}>
                <Link href={`${entry.path}${search ? `?${search}` : ''}`} aria-current={entry.path === pathname ? 'page' : undefined}>
                  {entry.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
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
          <p>Tal under 5 vises som «&lt;5», så ingen borger kan genkendes. Tal og grafer kan eksporteres fra hver graf.</p>
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
