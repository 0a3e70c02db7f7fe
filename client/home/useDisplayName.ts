import { useCallback, useSyncExternalStore } from 'react';

const STORAGE_KEY = 'planEditor.displayName';
const CHANGE_EVENT = 'plan-editor:display-name';
export const MAX_DISPLAY_NAME_LENGTH = 60;

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

const readName = (): string => localStorage.getItem(STORAGE_KEY) ?? '';

/** The visitor's display name, remembered in localStorage and shared by every component. */
export function useDisplayName(): [string, (name: string) => void] {
  const name = useSyncExternalStore(subscribe, readName);
  const setName = useCallback((next: string) => {
    const cleaned = next.replace(/\s+/g, ' ').trim().slice(0, MAX_DISPLAY_NAME_LENGTH);
    if (cleaned === '') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, cleaned);
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }, []);
  return [name, setName];
}
