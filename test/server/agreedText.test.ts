import { beforeAll, describe, expect, it } from 'vitest';
import { startSharedTestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { connectClient, waitForSync, type TestClient } from '../helpers/connectClient.js';
import { findBlock, findField, textOfElement } from '../helpers/findBlock.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { teamMember } from '../helpers/teamMember.js';
import { waitFor } from '../helpers/waitFor.js';
import { agreedBlockContent } from '../../shared/deliberation/agreedBlockContent.js';
import type { DecisionRecord, ProposalState } from '../../shared/deliberation/ProposalState.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';
import type { Plan, TypedBlock } from '../../shared/domain/Plan.js';
import type { OpenProposal, PlanVersion } from '../../shared/versions/PlanVersion.js';

let team: TeamFixture;
let planId: string;

const BLOCK = 'R-01';
const AGREED_TITLE = 'Powiązanie naborów EFS+ z planowaniem lokalnym';
/** A block card's status row in the Markdown export, naming the derived state. */
const CARD_SAYS_CHANGED = /^\| Status \| Zmieniony po uzgodnieniu \|$/m;

beforeAll(async () => {
  const { testServer, dispose } = await startSharedTestServer({ authenticate: 'sessions' });
  team = await createTeam(testServer, { chair: 'chair', anna: 'member', bartek: 'member' });
  const imported = await importSamplePlan(teamMember(team, 'chair'), team.workspaceId);
  if (imported.status !== 201) throw new Error(`import failed: ${imported.status}`);
  planId = imported.body.id;
  return dispose;
}, 60_000);

interface WatchedClient {
  client: TestClient;
  /** The latest proposal state of each block this client was told about live. */
  live: Map<string, ProposalState>;
}

function connect(person: string): WatchedClient {
  const client = connectClient(team.server.collabUrl, planId, { name: person, headers: { cookie: team.people[person]?.cookie ?? '' } });
  const live = new Map<string, ProposalState>();
  client.channel.onPlanEvent((event: PlanEvent) => {
    if (event.type === 'proposalChanged') live.set(event.proposal.blockId, event.proposal);
  });
  return { client, live };
}

const api = <T>(person: string, method: string, path: string, body?: unknown) => teamMember(team, person).request<T>(method, `/plans/${planId}${path}`, body);
const transition = (person: string, to: string, body: Record<string, unknown> = {}) =>
  api<{ proposal: ProposalState; error: { code: string } }>(person, 'POST', `/proposals/${BLOCK}/transitions`, { to, ...body });
const statusInApi = async (): Promise<string | undefined> =>
  (await api<{ proposals: ProposalState[] }>('chair', 'GET', '/proposals')).body.proposals.find((proposal) => proposal.blockId === BLOCK)?.status;

async function exportBytes(query: string): Promise<Buffer> {
  const response = await fetch(`${team.server.httpUrl}/api/plans/${planId}/export?${query}`, { headers: { cookie: team.people.chair?.cookie ?? '' } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

function blockOfPlan(plan: Plan, blockId: string): TypedBlock {
  const block = plan.sections.flatMap((section) => section.blocks).find((candidate) => 'id' in candidate && candidate.id === blockId);
  if (block === undefined || !('id' in block)) throw new Error(`no ${blockId} in the export`);
  return block as TypedBlock;
}

function titleText(client: TestClient) {
  return textOfElement(findField(findBlock(client, BLOCK), 'title'));
}

describe('agreed means this text', () => {
  it('one changed character makes an agreed block "changed since agreement" everywhere, blocks freezing, and a new round re-agrees it', async () => {
    const watchers = ['chair', 'anna', 'bartek'].map(connect);
    await Promise.all(watchers.map(({ client }) => waitForSync(client)));
    const [, anna] = watchers;
    if (!anna) throw new Error('no client');

    // The sample file brings R-01 as agreed: its agreement holds the file's text.
    const before = (await api<{ proposals: ProposalState[] }>('chair', 'GET', '/proposals')).body.proposals.find((proposal) => proposal.blockId === BLOCK);
    expect(before?.status).toBe('agreed');
    expect(before?.agreement?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(before?.agreement?.content ?? '{}')).toMatchObject({ title: AGREED_TITLE });

    // Anna changes one character of the title ("naborów" → "naborůw").
    const title = titleText(anna.client);
    const at = title.toString().indexOf('ó');
    expect(at).toBeGreaterThan(0);
    anna.client.doc.transact(() => {
      title.delete(at, 1);
      title.insert(at, 'ů');
    });
    await anna.client.channel.whenSaved();
    const changedTitle = title.toString();
    expect(changedTitle).not.toBe(AGREED_TITLE);

    for (const watcher of watchers) {
      await waitFor(() => watcher.live.get(BLOCK)?.status === 'changedSinceAgreement', { message: 'a client was not told the block changed' });
    }
    expect(await statusInApi()).toBe('changedSinceAgreement');
    // The agreement still holds the agreed text, so a diff can be shown.
    expect(JSON.parse(watchers[1]?.live.get(BLOCK)?.agreement?.content ?? '{}')).toMatchObject({ title: AGREED_TITLE });

    const open = await api<{ open: OpenProposal[] }>('chair', 'GET', '/agreement');
    expect(open.body.open.find((proposal) => proposal.blockId === BLOCK)?.status).toBe('changedSinceAgreement');
    const decision = { decisionDate: '2026-12-01', decisionReference: 'protokół nr 9 z 01.12.2026' };
    const refused = await api<{ error: { code: string; details: { changed: OpenProposal[]; open: OpenProposal[] } } }>('chair', 'POST', '/agreed-versions', decision);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('openProposals');
    expect(refused.body.error.details.changed.map((proposal) => proposal.blockId)).toEqual([BLOCK]);
    expect(refused.body.error.details.changed[0]?.title).toBe(changedTitle);

    // Voting is not open on a changed block, and it cannot be agreed again without a new round.
    expect((await transition('chair', 'agreed', { note: 'x', method: 'consensus' })).body.error.code).toBe('invalidTransition');
    expect((await transition('chair', 'underDiscussion')).body.proposal.status).toBe('underDiscussion');
    await api('anna', 'POST', `/proposals/${BLOCK}/votes`, { vote: 'for' });
    await api('bartek', 'POST', `/proposals/${BLOCK}/votes`, { vote: 'for' });
    const reagreed = await transition('chair', 'agreed', { note: 'protokół nr 9 z 01.12.2026', method: 'vote' });
    expect(reagreed.status).toBe(200);
    expect(reagreed.body.proposal.status).toBe('agreed');
    expect(JSON.parse(reagreed.body.proposal.agreement?.content ?? '{}')).toMatchObject({ title: changedTitle });
    for (const watcher of watchers) {
      await waitFor(() => watcher.live.get(BLOCK)?.status === 'agreed', { message: 'a client still shows the block as changed' });
    }
    expect(await statusInApi()).toBe('agreed');

    // Everything else decided, the agreed version freezes; it calls agreed exactly the agreed text.
    const remaining = (await api<{ open: OpenProposal[] }>('chair', 'GET', '/agreement')).body.open;
    expect(remaining.some((proposal) => proposal.blockId === BLOCK)).toBe(false);
    for (const proposal of remaining) {
      if (proposal.status === 'draft' || proposal.status === 'withdrawn') {
        await api('chair', 'POST', `/proposals/${proposal.blockId}/transitions`, { to: 'proposed' });
      }
      const decided = await api('chair', 'POST', `/proposals/${proposal.blockId}/transitions`, { to: 'agreed', note: 'protokół nr 9', method: 'consensus' });
      expect(decided.status).toBe(200);
    }
    const frozen = await api<{ version: PlanVersion }>('chair', 'POST', '/agreed-versions', decision);
    expect(frozen.status).toBe(201);
    const versionId = frozen.body.version.id;

    // Changed again after freezing: the working copy says so, the agreed version does not move.
    anna.client.doc.transact(() => titleText(anna.client).insert(0, 'Pilne: '));
    await anna.client.channel.whenSaved();
    await waitFor(() => anna.live.get(BLOCK)?.status === 'changedSinceAgreement', { message: 'the second change was not seen' });

    const agreedContent = reagreed.body.proposal.agreement?.content ?? '';
    const viewed = await api<{ plan: Plan }>('chair', 'GET', `/versions/${versionId}`);
    expect(agreedBlockContent(blockOfPlan(viewed.body.plan, BLOCK))).toBe(agreedContent);
    // The plan file writes plain rich text as a string: the agreed words, byte for byte.
    const agreed = JSON.parse(agreedContent) as { title: string; content: Array<{ content: Array<{ text: string }> }> };
    const fileBlock = blockOfPlan(JSON.parse((await exportBytes(`format=json&version=${versionId}`)).toString('utf8')) as Plan, BLOCK) as unknown as Record<string, unknown>;
    expect(Buffer.from(String(fileBlock['title']), 'utf8').equals(Buffer.from(agreed.title, 'utf8'))).toBe(true);
    expect(fileBlock['content']).toBe(agreed.content[0]?.content[0]?.text);
    const agreedHtml = await exportBytes(`format=html&version=${versionId}`);
    expect(agreedHtml.includes(Buffer.from(changedTitle, 'utf8'))).toBe(true);
    expect(agreedHtml.includes(Buffer.from(`Pilne: ${changedTitle}`, 'utf8'))).toBe(false);
    const agreedMarkdown = await exportBytes(`format=md&version=${versionId}`);
    expect(agreedMarkdown.includes(Buffer.from(changedTitle, 'utf8'))).toBe(true);
    // No card calls a block changed (the register may: R-01 was reopened because it had changed).
    expect(agreedMarkdown.toString('utf8')).not.toMatch(CARD_SAYS_CHANGED);
    expect(agreedMarkdown.toString('utf8')).toMatch(/Zmieniony po uzgodnieniu → W dyskusji/);

    // The draft's export names the state of the changed block.
    const draftMarkdown = (await exportBytes('format=md')).toString('utf8');
    expect(draftMarkdown).toContain(`Pilne: ${changedTitle}`);
    expect(draftMarkdown).toMatch(CARD_SAYS_CHANGED);

    // The register keeps what each decision was taken on.
    const register = (await api<{ decisions: DecisionRecord[] }>('chair', 'GET', `/decisions?blockId=${BLOCK}`)).body.decisions;
    const lastDecision = register.filter((record) => record.toStatus === 'agreed').at(-1);
    expect(lastDecision).toMatchObject({ method: 'vote', tally: { for: 2, against: 0, abstain: 0 }, contentHash: reagreed.body.proposal.agreement?.contentHash });
  });

  it('an edit back to the agreed text makes the block agreed again', async () => {
    const anna = connect('anna');
    await waitForSync(anna.client);
    const title = titleText(anna.client);
    const prefix = 'Pilne: ';
    expect(title.toString().startsWith(prefix)).toBe(true);
    expect(await statusInApi()).toBe('changedSinceAgreement');
    anna.client.doc.transact(() => title.delete(0, prefix.length));
    await anna.client.channel.whenSaved();
    await waitFor(() => anna.live.get(BLOCK)?.status === 'agreed', { message: 'the undone change was not seen' });
    expect(await statusInApi()).toBe('agreed');
  });
});
