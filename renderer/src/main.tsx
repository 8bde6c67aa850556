import 'virtual:antd-theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { routeFromHash } from './app/routes';
import { preloadScreen } from './app/Shell';
import './styles.css';

preloadScreen(routeFromHash(window.location.hash));

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
