/**
 * OpenAPI from the routes' own TypeBox schemas (the KPI catalogue's ids and breakdowns are enums
 * in it), served as JSON at /api/docs/json and browsable at /api/docs.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

export default fp(
  async (fastify) => {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Socialområdets ledelsesinformation – API',
          description:
            'Nøgletal for det specialiserede socialområde for voksne. Alle tal er diskretioneret: antal borgere eller sager på 1–4 vises ikke, og andele, gennemsnit og medianer over færre end 5 borgere skjules.',
          version: '0.1.0',
        },
        tags: [
          { name: 'Nøgletal', description: 'Nøgletalskatalog og beregnede nøgletal' },
          { name: 'Eksport', description: 'Diagrammer som PNG/SVG og tal som XLSX/CSV til byrådssager' },
          { name: 'Strategi', description: 'Strategiens temaer og indikatorer' },
          { name: 'Referencedata', description: 'Funktioner, frister, P/L-indeks og planens tal' },
          { name: 'Data', description: 'Import og datastatus' },
        ],
      },
    });
    await fastify.register(swaggerUi, { routePrefix: '/api/docs' });
  },
  { name: 'openapi' },
);
