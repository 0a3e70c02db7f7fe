import { describe, expect, it } from 'vitest';
import type { ProposalState } from '../../shared/deliberation/ProposalState.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';
import { proposalActions } from '../../client/proposals/proposalActions.js';
import { ProposalStore } from '../../client/proposals/ProposalStore.js';
import { filterInsertItems } from '../../client/editor/insertItems.js';

const labels = (actions: ReturnType<typeof proposalActions>): string[] =>
  actions.map((action) => (action.kind === 'vote' ? `vote:${action.vote}` : `to:${action.to}`));

function proposal(blockId: string, status: ProposalState['status'], updatedAt: number): ProposalState {
  return {
    planId: 'p',
    blockId,
    blockType: 'interventionDirection',
    status,
    proposedBy: 'u-member',
    votes: [],
    tally: { for: 0, against: 0, abstain: 0 },
    decisionNote: null,
    decisionMethod: null,
    decisionTally: null,
    agreement: null,
    updatedAt,
  };
}

describe('proposal actions offered by role', () => {
  it('a member may propose a draft, vote on it once proposed, and withdraw only their own', () => {
    expect(labels(proposalActions({ status: 'draft', proposedBy: null }, 'member', 'u-member'))).toEqual(['to:proposed']);
    expect(labels(proposalActions({ status: 'proposed', proposedBy: 'u-member' }, 'member', 'u-member'))).toEqual([
      'to:underDiscussion',
      'to:withdrawn',
      'vote:for',
      'vote:against',
      'vote:abstain',
    ]);
    expect(labels(proposalActions({ status: 'proposed', proposedBy: 'u-other' }, 'member', 'u-member'))).toEqual(['vote:for', 'vote:against', 'vote:abstain']);
  });

  it('the chair decides (with a note) and reopens; observers and secretaries get no votes', () => {
    const chair = proposalActions({ status: 'underDiscussion', proposedBy: 'u-member' }, 'chair', 'u-chair');
    expect(chair.filter((action) => action.kind === 'transition').map((action) => action.kind === 'transition' && [action.to, action.needsNote])).toEqual([
      ['agreed', true],
      ['rejected', true],
    ]);
    expect(labels(proposalActions({ status: 'agreed', proposedBy: 'u-member' }, 'chair', 'u-chair'))).toEqual(['to:underDiscussion']);
    expect(proposalActions({ status: 'proposed', proposedBy: 'u-member' }, 'observer', 'u-obs')).toEqual([]);
    expect(labels(proposalActions({ status: 'proposed', proposedBy: 'u-member' }, 'secretary', 'u-sec'))).toEqual([]);
    expect(proposalActions({ status: 'proposed', proposedBy: null }, null, 'u')).toEqual([]);
  });
});

describe('ProposalStore', () => {
  it('keeps a live event that overtook the initial load, and applies later events', async () => {
    let emit: (event: PlanEvent) => void = () => undefined;
    let resolveLoad: (proposals: ProposalState[]) => void = () => undefined;
    const store = new ProposalStore({
      load: () => new Promise((resolve) => (resolveLoad = resolve)),
      onPlanEvent: (listener) => {
        emit = listener;
        return () => (emit = () => undefined);
      },
    });
    const stop = store.start();
    emit({ type: 'proposalChanged', proposal: proposal('KI-1', 'underDiscussion', 200) });
    resolveLoad([proposal('KI-1', 'proposed', 100), proposal('R-1', 'agreed', 50)]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getSnapshot().status).toBe('ready');
    expect(store.getSnapshot().byBlockId.get('KI-1')?.status).toBe('underDiscussion');
    expect(store.getSnapshot().byBlockId.get('R-1')?.status).toBe('agreed');
    emit({ type: 'proposalChanged', proposal: proposal('KI-1', 'agreed', 300) });
    expect(store.getSnapshot().byBlockId.get('KI-1')?.status).toBe('agreed');
    stop();
    emit({ type: 'proposalChanged', proposal: proposal('KI-1', 'rejected', 400) });
    expect(store.getSnapshot().byBlockId.get('KI-1')?.status).toBe('agreed');
  });
});

describe('slash menu filtering', () => {
  it('matches Polish and English words, ignoring case and diacritics', () => {
    expect(filterInsertItems('kier').map((item) => item.id)).toEqual(['interventionDirection']);
    expect(filterInsertItems('WSKAZNIK').map((item) => item.id)).toEqual(['indicator']);
    expect(filterInsertItems('indicator').map((item) => item.id)).toEqual(['indicator']);
    expect(filterInsertItems('').length).toBe(9);
    expect(filterInsertItems('xyz')).toEqual([]);
  });
});
