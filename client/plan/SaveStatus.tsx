import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionSnapshot, PlanConnection } from '../collaboration/PlanConnection.js';

type SaveState = 'saved' | 'saving' | 'connecting' | 'offline' | 'reconnecting' | 'closed';

/** "All changes saved" only when connected, synced and the server confirmed every local edit. */
export function saveStateOf(snapshot: ConnectionSnapshot): SaveState {
  if (snapshot.terminalClose !== null || snapshot.accessProblem !== null) return 'closed';
  if (snapshot.status === 'offline') return 'offline';
  if (snapshot.status === 'reconnecting') return 'reconnecting';
  if (snapshot.status === 'connecting' || !snapshot.isSynced) return 'connecting';
  return snapshot.hasUnsavedChanges ? 'saving' : 'saved';
}

/**
 * The save state, live. It flips to "saving" and back on every key typed, and
 * every React commit while the editor has the focus walks the whole editor DOM
 * (React saves and restores the selection around each commit): in a big plan
 * that made typing lag. So this element renders through React only when the
 * language changes and follows the connection by writing its own DOM.
 */
export function SaveStatus({ connection }: { connection: PlanConnection }) {
  const { t } = useTranslation();
  const element = useRef<HTMLParagraphElement>(null);
  const text = useRef<Text | null>(null);
  const initial = saveStateOf(connection.getSnapshot());
  useLayoutEffect(() => {
    const show = (): void => {
      const state = saveStateOf(connection.getSnapshot());
      const paragraph = element.current;
      if (paragraph === null || paragraph.dataset['state'] === state) return;
      paragraph.className = saveStatusClass(state);
      paragraph.dataset['state'] = state;
      if (text.current !== null) text.current.nodeValue = t(`status.${state}`);
    };
    // React renders the label as the paragraph's last text node; it is ours to update from here on.
    const last = element.current?.lastChild ?? null;
    text.current = last instanceof Text ? last : null;
    show();
    return connection.subscribe(show);
  }, [connection, t]);
  return (
    <p ref={element} className={saveStatusClass(initial)} role="status" aria-live="polite" data-state={initial}>
      <span className="save-status__dot" aria-hidden="true" />
      <span className="visually-hidden">{t('status.label')}: </span>
      {t(`status.${initial}`)}
    </p>
  );
}

function saveStatusClass(state: SaveState): string {
  return `save-status save-status--${state}`;
}
