/**
 * The frame of the login pages: skip link, the product's name, the page, and nothing that asks for
 * numbers — no menu, no filters, no KPI requests before anyone has logged in.
 */
import { useEffect, type ReactElement, type ReactNode } from 'react';
import { SiteHeader } from '../../../shared/components/SiteHeader.tsx';
import './auth.css';

export function AuthFrame({ title, children }: { title: string; children: ReactNode }): ReactElement {
  useEffect(() => {
    document.title = `${title} – Socialområdets ledelsesinformation`;
  }, [title]);
  return (
    <>
      <SiteHeader />
      <main id="indhold" className="container page auth-page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
