import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './index.css';

const container = document.getElementById('root');
if (!container) throw new Error('Elementet #root mangler i index.html');

// The API answers with an ETag per data version; a minute's freshness spares re-asking on every
// page switch, and a failed request is retried once (a 4xx is a clear answer, not worth retrying).
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) => failures < 1 && !('status' in error && Number(error.status) >= 400 && Number(error.status) < 500),
    },
  },
});

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
