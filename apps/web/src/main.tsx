import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './index.css';

const container = document.getElementById('root');
if (!container) throw new Error('Elementet #root mangler i index.html');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
