import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { defineConfig } from 'vite';

// The API (apps/api) listens on port 3000 and serves the built app from apps/web/dist in production.
// In development Vite serves the app and forwards the API paths to it.
const apiTarget = 'http://localhost:3000';

// React's API served by Preact's compatibility layer in the browser bundle: the same components
// (recharts, TanStack Query, AG Grid) at about a sixth of react-dom's size, which is what keeps
// the first load inside the 200 kB budget. Types and tests still use React's own packages.
// Resolved from here, so packages that do not depend on Preact themselves (the charts package,
// recharts) get it too.
const fromWeb = createRequire(import.meta.url);
const preactAliases = [
  { find: /^react$/, replacement: fromWeb.resolve('preact/compat') },
  { find: /^react-dom$/, replacement: fromWeb.resolve('preact/compat') },
  { find: /^react-dom\/client$/, replacement: fromWeb.resolve('preact/compat/client') },
  { find: /^react\/jsx-runtime$/, replacement: fromWeb.resolve('preact/jsx-runtime') },
  { find: /^react\/jsx-dev-runtime$/, replacement: fromWeb.resolve('preact/jsx-dev-runtime') },
];

export default defineConfig({
  plugins: [react()],
  resolve: { alias: preactAliases },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/health': apiTarget,
      '/api': apiTarget,
    },
  },
  preview: {
    proxy: {
      '/health': apiTarget,
      '/api': apiTarget,
    },
  },
});
