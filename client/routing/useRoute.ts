import { useSyncExternalStore } from 'react';
import { NAVIGATE_EVENT } from './navigate.js';
import { parseRoute, type Route } from './parseRoute.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const readPath = (): string => location.pathname;

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, readPath);
  return parseRoute(pathname);
}
