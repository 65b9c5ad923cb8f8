/**
 * The dashboard's pages: path, menu title, the document title, and the role a page needs, in menu
 * order. A page without a role is for every logged-in user (viewers read the dashboard).
 */
export interface PageEntry {
  path: string;
  title: string;
  /**
   * The least role that may open the page (a Role of shared/access/roles.ts); left out: every
   * logged-in user. Written out here: the end-to-end tests read this file outside the browser.
   */
  role?: 'analyst' | 'admin';
}

export const PAGES: readonly PageEntry[] = [
  { path: '/', title: 'Overblik' },
  { path: '/sagsbehandling', title: 'Sagsbehandling' },
  { path: '/oekonomi', title: 'Økonomi' },
  { path: '/bolig', title: 'Bolig' },
  { path: '/midlertidige-ophold', title: 'Midlertidige ophold' },
  { path: '/modtagere', title: 'Modtagere' },
  { path: '/tilbud', title: 'Tilbud' },
  { path: '/strategi', title: 'Strategi 2023–2026' },
  { path: '/afrapportering', title: 'Afrapportering 2026' },
  { path: '/budgetopfoelgning', title: 'Budgetopfølgning' },
  { path: '/udsendelser', title: 'Udsendelser', role: 'analyst' },
  { path: '/data', title: 'Data', role: 'analyst' },
  { path: '/administration', title: 'Administration', role: 'admin' },
];
