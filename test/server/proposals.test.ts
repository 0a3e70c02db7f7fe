import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSharedTestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { waitForSync } from '../helpers/connectClient.js';
import { waitFor } from '../helpers/waitFor.js';
import type { DecisionRecord, ProposalState } from '../../shared/deliberation/ProposalState.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';

let team: TeamFixture;

beforeAll(async () => {
  const { testServer, dispose } = await startSharedTestServer({ authenticate: 'sessions' });
  team = await createTeam(testServer, { chair: 'chair', anna: 'member', bartek: 'member', olga: 'observer' });
  const seed = new Y.Doc();
  for (const [type, id] of [['interventionDirection', 'KI-1.1'], ['recommendation', 'R-01'], ['goal', 'CS-1'], ['interventionDirection', 'KI-2.1']]) {
    const block = new Y.XmlElement(type);
    block.setAttribute('id', id ?? '');
    block.setAttribute('status', 'draft');
    // A proposal needs a title (a single-line field, text in a child node).
    const title = new Y.XmlElement('blockLine');
    title.setAttribute('field', 'title');
    title.insert(0, [new Y.XmlText(`Tytuł ${id ?? ''}`)]);
    block.insert(0, [title]);
    seed.getXmlFragment('content').insert(seed.getXmlFragment('content').length, [block]);
  }
  const document = await testServer.server.registry.acquire(`plan/${team.planId}`);
  document.applyServerUpdate(Y.encodeStateAsUpdate(seed), 'test seed');
  await document.whenPersisted();
  return dispose;
}, 60_000);

const transition = (person: string, blockId: string, to: string, note = '', method?: 'consensus' | 'vote') =>
  team.people[person]?.request<{ proposal: ProposalState; error: { code: string } }>('POST', `/plans/${team.planId}/proposals/${blockId}/transitions`, {
    to,
    note,
    ...(method === undefined ? {} : { method }),
  });
const vote = (person: string, blockId: string, value: string) =>
  team.people[person]?.request<{ proposal: ProposalState; error: { code: string } }>('POST', `/plans/${team.planId}/proposals/${blockId}/votes`, { vote: value });

describe('proposal lifecycle', () => {
  it('goes from draft through votes to agreed, live for everyone, and the register lists it in order', async () => {
    const olga = team.connect('olga');
    await waitForSync(olga);
    const seen: PlanEvent[] = [];
    olga.channel.onPlanEvent((event) => seen.push(event));

    expect((await transition('anna', 'KI-1.1', 'proposed'))?.status).toBe(200);
    expect((await transition('anna', 'KI-1.1', 'underDiscussion'))?.status).toBe(200);
    expect((await vote('anna', 'KI-1.1', 'for'))?.status).toBe(200);
    expect((await vote('bartek', 'KI-1.1', 'against'))?.status).toBe(200);
    expect((await vote('bartek', 'KI-1.1', 'for'))?.body.proposal.tally).toEqual({ for: 2, against: 0, abstain: 0 });
    expect((await vote('olga', 'KI-1.1', 'for'))?.status).toBe(403);
    expect((await transition('anna', 'KI-1.1', 'agreed', 'protokół nr 4', 'consensus'))?.status).toBe(403);
    expect((await transition('chair', 'KI-1.1', 'agreed'))?.body.error.code).toBe('noteRequired');
    const agreed = await transition('chair', 'KI-1.1', 'agreed', 'protokół nr 4 z 12.03.2026', 'vote');
    expect(agreed?.body.proposal.status).toBe('agreed');
    expect(agreed?.body.proposal.decisionNote).toBe('protokół nr 4 z 12.03.2026');
    await waitFor(() => seen.some((event) => event.type === 'proposalChanged' && event.proposal.status === 'agreed'), {
      message: 'observer never saw the decision',
    });

    const register = await team.people.olga?.request<{ decisions: DecisionRecord[] }>('GET', `/plans/${team.planId}/decisions?blockId=KI-1.1`);
    expect(
      register?.body.decisions.map((record) => [record.kind, record.toStatus ?? record.vote, record.actorName]),
    ).toEqual([
      ['status', 'proposed', 'anna'],
      ['status', 'underDiscussion', 'anna'],
      ['vote', 'for', 'anna'],
      ['vote', 'against', 'bartek'],
      ['vote', 'for', 'bartek'],
      ['status', 'agreed', 'chair'],
    ]);
    const seqs = register?.body.decisions.map((record) => record.seq) ?? [];
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it('refuses invalid transitions, non-proposal blocks and withdrawal by someone else', async () => {
    expect((await transition('anna', 'R-01', 'agreed', 'x', 'consensus'))?.body.error.code).toBe('invalidTransition');
    expect((await transition('anna', 'CS-1', 'proposed'))?.body.error.code).toBe('notAProposal');
    expect((await transition('anna', 'NOPE', 'proposed'))?.body.error.code).toBe('unknownBlock');
    expect((await transition('olga', 'R-01', 'proposed'))?.status).toBe(403);
    expect((await transition('anna', 'R-01', 'proposed'))?.status).toBe(200);
    expect((await transition('bartek', 'R-01', 'withdrawn'))?.status).toBe(403);
    expect((await transition('anna', 'R-01', 'withdrawn'))?.body.proposal.status).toBe('withdrawn');
    expect((await vote('anna', 'R-01', 'for'))?.body.error.code).toBe('votingClosed');
  });

  it('an editor cannot forge a decision through the CRDT: the recorded status stays', async () => {
    expect((await transition('anna', 'KI-2.1', 'proposed'))?.status).toBe(200);
    // Anna's own client edits the block's status attribute to 'agreed' with a valid Yjs update.
    const anna = team.connect('anna');
    await waitForSync(anna);
    const block = anna.content.toArray().find((node) => node instanceof Y.XmlElement && node.getAttribute('id') === 'KI-2.1');
    if (!(block instanceof Y.XmlElement)) throw new Error('block missing');
    block.setAttribute('status', 'agreed');
    await anna.channel.whenSaved();
    const proposals = await team.people.chair?.request<{ proposals: ProposalState[] }>('GET', `/plans/${team.planId}/proposals`);
    expect(proposals?.body.proposals.find((proposal) => proposal.blockId === 'KI-2.1')?.status).toBe('proposed');
    const register = await team.people.chair?.request<{ decisions: DecisionRecord[] }>('GET', `/plans/${team.planId}/decisions?blockId=KI-2.1`);
    expect(register?.body.decisions.map((record) => record.toStatus)).toEqual(['proposed']);
  });
});
