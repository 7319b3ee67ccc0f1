import { useSyncExternalStore } from 'react';
import { routeFromHash, type RouteId } from './routes';

// A hash router is enough for six screens, and it works the same from file:// (the Electron
// window) and over HTTP (the headless console) without server-side routes.
function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function snapshot(): RouteId {
  return routeFromHash(window.location.hash);
}

export function useHashRoute(): RouteId {
  return useSyncExternalStore(subscribe, snapshot);
}
