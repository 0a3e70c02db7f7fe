import { createContext, useContext, useSyncExternalStore } from 'react';
import type { PlanWarning } from '../../../shared/planViews/collectPlanWarnings.js';
import type { ReferenceOption } from './fields/ReferenceMultiSelect.js';

export interface TeamMemberOption {
  userId: string;
  name: string;
  /** May edit the plan's text (only such members are offered as a section's responsible person). */
  canEdit: boolean;
}

/** What node views need from outside their own node: links, warnings, team, editability. */
export interface BlockViewState {
  isEditable: boolean;
  /** The goals of the live plan (read from the document, debounced) as choices for a goal link. */
  goalOptions: readonly ReferenceOption[];
  /** The intervention directions of the live plan as choices for a direction link. */
  directionOptions: readonly ReferenceOption[];
  warningsByBlockId: ReadonlyMap<string, readonly PlanWarning[]>;
  members: readonly TeamMemberOption[];
}

const NO_WARNINGS: readonly PlanWarning[] = [];

/**
 * The state node views read, as a store rather than a context value: the
 * live plan is re-read while people type, and a context value that changed
 * would re-render every block of the plan on each read. Each view selects
 * its own slice (useBlockView), and `update` keeps every slice that did not
 * change the same object, so only the blocks whose warnings or choices
 * changed render again.
 */
export class BlockViewStore {
  private state: BlockViewState;
  private readonly listeners = new Set<() => void>();

  constructor(initial: BlockViewState) {
    this.state = initial;
  }

  readonly getState = (): BlockViewState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(next: BlockViewState): void {
    const previous = this.state;
    const shared: BlockViewState = {
      isEditable: next.isEditable,
      goalOptions: sameJson(previous.goalOptions, next.goalOptions) ? previous.goalOptions : next.goalOptions,
      directionOptions: sameJson(previous.directionOptions, next.directionOptions) ? previous.directionOptions : next.directionOptions,
      warningsByBlockId: shareWarnings(previous.warningsByBlockId, next.warningsByBlockId),
      members: sameJson(previous.members, next.members) ? previous.members : next.members,
    };
    if (
      shared.isEditable === previous.isEditable &&
      shared.goalOptions === previous.goalOptions &&
      shared.directionOptions === previous.directionOptions &&
      shared.warningsByBlockId === previous.warningsByBlockId &&
      shared.members === previous.members
    ) {
      return;
    }
    this.state = shared;
    for (const listener of this.listeners) listener();
  }
}

/** The previous map when no block's warnings changed; otherwise a map that keeps each unchanged block's array. */
function shareWarnings(
  previous: ReadonlyMap<string, readonly PlanWarning[]>,
  next: ReadonlyMap<string, readonly PlanWarning[]>,
): ReadonlyMap<string, readonly PlanWarning[]> {
  let isSame = previous.size === next.size;
  const shared = new Map<string, readonly PlanWarning[]>();
  for (const [blockId, warnings] of next) {
    const before = previous.get(blockId);
    if (before !== undefined && sameJson(before, warnings)) {
      shared.set(blockId, before);
    } else {
      shared.set(blockId, warnings);
      isSame = false;
    }
  }
  return isSame ? previous : shared;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

const EMPTY_STORE = new BlockViewStore({ isEditable: false, goalOptions: [], directionOptions: [], warningsByBlockId: new Map(), members: [] });

/** Node views are portals inside EditorContent, so they see the provider placed around the editor. */
export const BlockViewContext = createContext<BlockViewStore>(EMPTY_STORE);

/**
 * One slice of the block view state; the view renders again only when that
 * slice changes. `select` must return a part of the state as it is (not a
 * new object or array), so that an unchanged slice compares equal.
 */
export function useBlockView<Slice>(select: (state: BlockViewState) => Slice): Slice {
  const store = useContext(BlockViewContext);
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

export const selectIsEditable = (state: BlockViewState): boolean => state.isEditable;
export const selectGoalOptions = (state: BlockViewState): readonly ReferenceOption[] => state.goalOptions;
export const selectDirectionOptions = (state: BlockViewState): readonly ReferenceOption[] => state.directionOptions;
export const selectMembers = (state: BlockViewState): readonly TeamMemberOption[] => state.members;

/** The warnings of one block (the same empty array for every block without any). */
export function useBlockWarnings(blockId: string): readonly PlanWarning[] {
  return useBlockView((state) => state.warningsByBlockId.get(blockId) ?? NO_WARNINGS);
}
