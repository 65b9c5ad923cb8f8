import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API (apps/api) listens on port 3000 and serves the built app from apps/web/dist in production.
// In development Vite serves the app and forwards the API paths to it.
const apiTarget = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
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
