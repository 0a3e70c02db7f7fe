import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSharedTestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { waitForSync } from '../helpers/connectClient.js';
import { findBlock } from '../helpers/findBlock.js';
import { setBlockLineText } from '../helpers/blockFieldNode.js';
import { teamMember } from '../helpers/teamMember.js';
import type { DecisionRecord, ProposalState } from '../../shared/deliberation/ProposalState.js';
import type { PlanVersion } from '../../shared/versions/PlanVersion.js';

let team: TeamFixture;

/** Blocks with a title field; KI-2's title is empty. */
const BLOCKS: Array<[type: string, id: string, title: string]> = [
  ['interventionDirection', 'KI-1', 'Mieszkania wspomagane'],
  ['recommendation', 'R-1', 'Koordynator usług w gminie'],
  ['interventionDirection', 'KI-2', ''],
];

beforeAll(async () => {
  const { testServer, dispose } = await startSharedTestServer({ authenticate: 'sessions' });
  team = await createTeam(testServer, { chair: 'chair', anna: 'member', bartek: 'member', celina: 'member' });
  const seed = new Y.Doc();
  const content = seed.getXmlFragment('content');
  const section = new Y.XmlElement('planSection');
  section.setAttribute('key', 'kierunki');
  section.setAttribute('title', 'Kierunki');
  content.insert(0, [section]);
  for (const [type, id, title] of BLOCKS) {
    const block = new Y.XmlElement(type);
    block.setAttribute('id', id);
    const line = new Y.XmlElement('blockLine');
    line.setAttribute('field', 'title');
    line.insert(0, [new Y.XmlText(title)]);
    block.insert(0, [line]);
    section.insert(section.length, [block]);
  }
  const document = await testServer.server.registry.acquire(`plan/${team.planId}`);
  document.applyServerUpdate(Y.encodeStateAsUpdate(seed), 'test seed');
  await document.whenPersisted();
  return dispose;
}, 60_000);

type Answer = { proposal: ProposalState; error: { code: string; details?: { field?: string } } };
const transition = (person: string, blockId: string, body: Record<string, unknown>) =>
  teamMember(team, person).request<Answer>('POST', `/plans/${team.planId}/proposals/${blockId}/transitions`, body);
const vote = (person: string, blockId: string, value: string) =>
  teamMember(team, person).request<Answer>('POST', `/plans/${team.planId}/proposals/${blockId}/votes`, { vote: value });

describe('how decisions were taken', () => {
  it('a proposal without a title cannot be proposed (400 naming the field) until it has one', async () => {
    const refused = await transition('anna', 'KI-2', { to: 'proposed' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('titleRequired');
    expect(refused.body.error.details?.field).toBe('title');
    const register = await teamMember(team, 'chair').request<{ decisions: DecisionRecord[] }>('GET', `/plans/${team.planId}/decisions?blockId=KI-2`);
    expect(register.body.decisions).toEqual([]);
    // Spaces are no title either.
    const anna = team.connect('anna');
    await waitForSync(anna);
    setBlockLineText(findBlock(anna, 'KI-2'), 'title', '   ');
    await anna.channel.whenSaved();
    expect((await transition('anna', 'KI-2', { to: 'proposed' })).body.error.code).toBe('titleRequired');
    setBlockLineText(findBlock(anna, 'KI-2'), 'title', 'Najpierw mieszkanie');
    await anna.channel.whenSaved();
    expect((await transition('anna', 'KI-2', { to: 'proposed' })).body.proposal.status).toBe('proposed');
  });

  it('a decision says consensus or vote; a vote is checked against the tally and recorded with it', async () => {
    expect((await transition('anna', 'KI-1', { to: 'proposed' })).status).toBe(200);
    const withoutMethod = await transition('chair', 'KI-1', { to: 'agreed', note: 'protokół nr 4' });
    expect(withoutMethod.status).toBe(400);
    expect(withoutMethod.body.error).toMatchObject({ code: 'methodRequired', details: { field: 'method' } });
    expect((await transition('chair', 'KI-1', { to: 'agreed', note: 'protokół nr 4', method: 'unanimous' })).status).toBe(400);
    // Agreeing "by vote" with no votes cast, or against the tally, is refused.
    expect((await transition('chair', 'KI-1', { to: 'agreed', note: 'protokół nr 4', method: 'vote' })).body.error.code).toBe('noVotes');
    await vote('anna', 'KI-1', 'for');
    await vote('bartek', 'KI-1', 'against');
    await vote('celina', 'KI-1', 'against');
    const contradicted = await transition('chair', 'KI-1', { to: 'agreed', note: 'protokół nr 4', method: 'vote' });
    expect(contradicted.status).toBe(409);
    expect(contradicted.body.error.code).toBe('tallyContradictsDecision');
    await vote('celina', 'KI-1', 'for');
    await vote('chair', 'KI-1', 'abstain');
    const agreed = await transition('chair', 'KI-1', { to: 'agreed', note: 'protokół nr 4', method: 'vote' });
    expect(agreed.status).toBe(200);
    expect(agreed.body.proposal).toMatchObject({ status: 'agreed', decisionMethod: 'vote', decisionTally: { for: 2, against: 1, abstain: 1 } });

    expect((await transition('anna', 'R-1', { to: 'proposed' })).status).toBe(200);
    const consensus = await transition('chair', 'R-1', { to: 'agreed', note: 'protokół nr 4', method: 'consensus' });
    expect(consensus.body.proposal).toMatchObject({ status: 'agreed', decisionMethod: 'consensus', decisionTally: null });
    expect((await transition('chair', 'KI-2', { to: 'rejected', note: 'protokół nr 4', method: 'consensus' })).body.proposal.status).toBe('rejected');

    const register = await teamMember(team, 'anna').request<{ decisions: DecisionRecord[] }>('GET', `/plans/${team.planId}/decisions`);
    const decisions = register.body.decisions.filter((record) => record.toStatus === 'agreed' || record.toStatus === 'rejected');
    expect(decisions.map((record) => [record.blockId, record.toStatus, record.method, record.tally ?? null])).toEqual([
      ['KI-1', 'agreed', 'vote', { for: 2, against: 1, abstain: 1 }],
      ['R-1', 'agreed', 'consensus', null],
      ['KI-2', 'rejected', 'consensus', null],
    ]);
    for (const record of decisions) expect(record.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the agreed version’s register says how each decision was taken (Markdown and HTML; every renderer draws the one register table)', async () => {
    const frozen = await teamMember(team, 'chair').request<{ version: PlanVersion }>('POST', `/plans/${team.planId}/agreed-versions`, {
      decisionDate: '2026-12-01',
      decisionReference: 'protokół nr 4',
    });
    expect(frozen.status).toBe(201);
    const exported = async (format: string): Promise<string> => {
      const response = await fetch(`${team.server.httpUrl}/api/plans/${team.planId}/export?format=${format}&version=${frozen.body.version.id}&rejected=annex`, {
        headers: { cookie: teamMember(team, 'chair').cookie ?? '' },
      });
      expect(response.status).toBe(200);
      return response.text();
    };
    for (const format of ['md', 'html']) {
      const text = await exported(format);
      expect(text).toContain('Zaproponowany → Uzgodniony, w głosowaniu: za – 2, przeciw – 1, wstrzymujących się – 1');
      expect(text).toContain('Zaproponowany → Uzgodniony, w drodze konsensusu');
      expect(text).toContain('Zaproponowany → Odrzucony, w drodze konsensusu');
    }
  });
});
