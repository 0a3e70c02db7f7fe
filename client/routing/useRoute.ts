import { useSyncExternalStore } from 'react';
import { currentLocation, NAVIGATE_EVENT } from './navigate.js';
import { parseRoute, type Route } from './parseRoute.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function useRoute(): Route {
  const location = useSyncExternalStore(subscribe, currentLocation);
  return parseRoute(location);
}
