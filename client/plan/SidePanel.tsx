import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface SidePanelTab {
  /** Stable id, also used in element ids and `data-tab` (e.g. 'views', 'people', 'comments'). */
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * The workspace's side panel as ARIA tabs (arrow keys, Home/End move between
 * tabs). Other panels join by adding an entry to the tab list PlanWorkspace builds.
 */
export function SidePanel({ tabs, label }: { tabs: readonly SidePanelTab[]; label: string }) {
  const [selectedId, setSelectedId] = useState(tabs[0]?.id ?? '');
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const selected = tabs.find((tab) => tab.id === selectedId) ?? tabs[0];
  if (selected === undefined) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = tabs.findIndex((tab) => tab.id === selected.id);
    const target =
      event.key === 'ArrowRight' ? tabs[(index + 1) % tabs.length]
      : event.key === 'ArrowLeft' ? tabs[(index - 1 + tabs.length) % tabs.length]
      : event.key === 'Home' ? tabs[0]
      : event.key === 'End' ? tabs[tabs.length - 1]
      : undefined;
    if (target === undefined) return;
    event.preventDefault();
    setSelectedId(target.id);
    tabRefs.current.get(target.id)?.focus();
  };

  return (
    <div className="side-panel">
      <div className="side-panel__tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const isSelected = tab.id === selected.id;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                if (element === null) tabRefs.current.delete(tab.id);
                else tabRefs.current.set(tab.id, element);
              }}
              type="button"
              role="tab"
              id={`side-tab-${tab.id}`}
              data-tab={tab.id}
              className="side-panel__tab"
              aria-selected={isSelected}
              aria-controls={`side-panel-${tab.id}`}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => setSelectedId(tab.id)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div className="side-panel__panel" role="tabpanel" id={`side-panel-${selected.id}`} aria-labelledby={`side-tab-${selected.id}`} tabIndex={0}>
        {selected.content}
      </div>
    </div>
  );
}
