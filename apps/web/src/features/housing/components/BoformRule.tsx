/**
 * What counts as botilbud and what as independent housing, first as the rule a reader applies to
 * one citizen, then (folded) in the catalogue's own words with the readings chosen. A citizen with both
 * § 85 support and a botilbud counts once, in botilbud; that priority is the point to get across.
 */
import type { ReactElement } from 'react';
import type { KpiDefinition } from '@sol/domain/kpi-catalogue.ts';
import { KpiAbout } from '../../../shared/components/KpiAbout.tsx';

export function BoformRule({ kpi }: { kpi: KpiDefinition }): ReactElement {
  return (
    <section className="kpi-rule" aria-labelledby="housing-rule-heading" data-testid="housing-boform-rule">
      <h2 id="housing-rule-heading">Hvad tæller som botilbud?</h2>
      <p>Hver borger tælles ét sted på opgørelsesdagen, efter de indsatser, der er aktive den dag:</p>
      <ol className="kpi-rule-steps">
        <li>
          <strong>Botilbud</strong>, hvis borgeren har en aktiv indsats efter § 105, § 107 eller § 108 — også selv om borgeren samtidig får
          socialpædagogisk støtte efter § 85.
        </li>
        <li>
          Ellers <strong>selvstændig bolig</strong>, hvis borgeren har en aktiv indsats efter § 85.
        </li>
        <li>Ellers tælles borgeren ikke med her (fx en borger, der kun får ledsagelse eller behandling).</li>
      </ol>
      <KpiAbout kpi={kpi} />
    </section>
  );
}
