/** The dashboard's pages: path, menu title and the document title, in menu order. */
export interface PageEntry {
  path: string;
  title: string;
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
  { path: '/udsendelser', title: 'Udsendelser' },
  { path: '/data', title: 'Data' },
];
