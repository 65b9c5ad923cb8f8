/**
 * Which files can be imported and what they hold, from the import contract itself
 * (packages/domain/src/import-contract.ts), so this help can never disagree with the importer.
 */
import type { ReactElement } from 'react';
import { IMPORT_FILES, type FileSpec } from '@sol/domain/import-contract.ts';

function columnList(spec: FileSpec, required: boolean): string {
  const headers = spec.columns.filter((column) => column.required === required).map((column) => column.header);
  return headers.length > 0 ? headers.join(', ') : '–';
}

export function ImportContract(): ReactElement {
  return (
    <details className="import-contract" data-testid="import-contract">
      <summary>Hvilke filer kan indlæses?</summary>
      <p>
        Filnavnet fortæller, hvad filen indeholder, så det skal være et af navnene herunder (store og små bogstaver er ligegyldige). Kolonnerne
        skal stå i overskriftslinjen; rækkefølgen er ligegyldig.
      </p>
      <div className="table-scroll table-scroll-tall" role="region" aria-label="Tabel: filerne i importkontrakten" tabIndex={0}>
        <table className="data-table">
          <caption className="visually-hidden">Filerne i importkontrakten</caption>
          <thead>
            <tr>
              <th scope="col">Fil</th>
              <th scope="col">Indhold</th>
              <th scope="col">Påkrævede kolonner</th>
              <th scope="col">Valgfri kolonner</th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_FILES.map((spec) => (
              <tr key={spec.fileName}>
                <th scope="row">
                  <code>{spec.fileName}</code>
                </th>
                <td>{spec.title}</td>
                <td>{columnList(spec, true)}</td>
                <td>{columnList(spec, false)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul>
        <li>Tegnsæt: UTF-8 eller Windows-1252 (det Excel gemmer på dansk Windows). Skilletegn: semikolon eller komma.</li>
        <li>Datoer som 2026-08-31, 31-08-2026 eller 31.08.2026; decimaltal som 1234,5 eller 1.234,5.</li>
        <li>Filer kan indlæses hver for sig eller sammen; en indsats kan henvise til en borger i samme indlæsning.</li>
        <li>Produktet må kun rumme pseudonyme id&apos;er: en fil med noget, der ligner et CPR-nummer, afvises helt.</li>
      </ul>
    </details>
  );
}
