/**
 * The top of every page (the frame and the login pages): the skip link to the page's <main
 * id="indhold">, and the header with the product's name, what `aside` holds (the user) and what
 * follows under it (the menu).
 */
import type { ReactElement, ReactNode } from 'react';

export function SiteHeader({ aside, children }: { aside?: ReactNode; children?: ReactNode }): ReactElement {
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
          {aside}
        </div>
        {children}
      </header>
    </>
  );
}
