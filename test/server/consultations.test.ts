import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSharedTestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { anonymousClient, registerUser, type ApiClient } from '../helpers/apiClient.js';
import { connectClient, waitForSync } from '../helpers/connectClient.js';
import { findBlock } from '../helpers/findBlock.js';
import { firstParagraphText, setBlockLineText } from '../helpers/blockFieldNode.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { teamMember } from '../helpers/teamMember.js';
import { waitFor } from '../helpers/waitFor.js';
import type { PlanVersion } from '../../shared/versions/PlanVersion.js';
import type { Consultation, ConsultationRemark, PublicConsultation } from '../../shared/consultations/Consultation.js';
import { polishDate } from '../../shared/consultations/consultationStatus.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';
import type { CommentThread } from '../../shared/deliberation/CommentThread.js';
import { agreeEveryProposal } from '../helpers/agreeEveryProposal.js';

const SAMPLE_TEAM = ['Anna Kowalczyk', 'Tomasz Wierzbicki', 'Karolina Nowak', 'Piotr Zieliński', 'Ewa Majewska', 'Marek Lis', 'Joanna Sikora', 'Halina Wróbel', 'Jan Kaczmarek', 'Barbara Pawlak'];
const CHAIR = 'Przewodnicząca Zespołu';
const MEMBER = 'Członek Zespołu';
const OBSERVER = 'Obserwatorka Zespołu';
const DAY = 24 * 60 * 60 * 1000;
const today = (): string => polishDate(Date.now());
const inDays = (days: number): string => polishDate(Date.now() + days * DAY);

let team: TeamFixture;
let planId: string;
let agreed: PlanVersion;
let chair: ApiClient;
let visitor: ApiClient;

beforeAll(async () => {
  // Behind a proxy, so each test can speak from its own address (X-Forwarded-For).
  const { testServer, dispose } = await startSharedTestServer({ authenticate: 'sessions', config: { trustProxy: true } });
  team = await createTeam(testServer, { 'Przewodnicząca Zespołu': 'chair', 'Członek Zespołu': 'member', 'Obserwatorka Zespołu': 'observer' });
  chair = teamMember(team, CHAIR);
  visitor = anonymousClient(testServer);
  planId = (await importSamplePlan(chair, team.workspaceId)).body.id;
  await agreeEveryProposal(chair, planId, { reject: ['R-05'] });
  const frozen = await chair.request<{ version: PlanVersion }>('POST', `/plans/${planId}/agreed-versions`, {
    name: 'Wersja do konsultacji',
    decisionDate: '2026-03-12',
    decisionReference: 'protokół nr 4',
  });
  expect(frozen.status).toBe(201);
  agreed = frozen.body.version;
  // Something of the workspace the public must never see: a comment.
  const thread = await chair.request('POST', `/plans/${planId}/threads`, {
    anchor: { kind: 'block', blockId: 'R-01', quote: 'R-01' },
    body: 'Poufna uwaga zespołu: KOMENTARZ-WEWNETRZNY',
  });
  expect(thread.status).toBe(201);
  return dispose;
}, 120_000);

async function openConsultation(startsOn = today(), endsOn = inDays(14)): Promise<Consultation> {
  const response = await chair.request<{ consultation: Consultation }>('POST', `/plans/${planId}/consultations`, { versionId: agreed.id, startsOn, endsOn });
  expect(response.status).toBe(201);
  return response.body.consultation;
}

async function closeAll(): Promise<void> {
  const { body } = await chair.request<{ consultations: Consultation[] }>('GET', `/plans/${planId}/consultations`);
  for (const consultation of body.consultations) await chair.request('POST', `/consultations/${consultation.id}/close`);
}

const remark = (overrides: Record<string, unknown> = {}) => ({
  submitterName: 'Stowarzyszenie Razem',
  contact: 'biuro@razem.example.pl',
  sectionKey: 'rekomendacje',
  blockId: 'R-01',
  quote: '',
  remark: 'Proponujemy doprecyzować termin.',
  proposedWording: 'do końca 2027 r.',
  justification: 'Termin jest zbyt ogólny.',
  ...overrides,
});

function submit(token: string, body: unknown, address = '198.51.100.1') {
  return visitor.request<{ receipt: { reference: string }; error: { code: string; message: string; details: unknown } }>(
    'POST',
    `/public/consultations/${token}/remarks`,
    body,
    { 'x-forwarded-for': address },
  );
}

describe('public consultation', () => {
  it('says when a consultation has not opened yet or is closed, and then shows neither the text nor a form', async () => {
    await closeAll();
    const scheduled = await openConsultation(inDays(1), inDays(10));
    expect(scheduled.status).toBe('scheduled');
    const before = await visitor.request<{ consultation: PublicConsultation }>('GET', `/public/consultations/${scheduled.publicToken}`);
    expect(before.status).toBe(200);
    expect(before.body.consultation.status).toBe('scheduled');
    expect(before.body.consultation.plan).toBeNull();
    const early = await submit(scheduled.publicToken, remark(), '198.51.100.10');
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('consultationNotOpen');

    expect((await teamMember(team, MEMBER).request('POST', `/consultations/${scheduled.id}/close`)).status).toBe(403);
    const closed = await chair.request<{ consultation: Consultation }>('POST', `/consultations/${scheduled.id}/close`);
    expect(closed.body.consultation.status).toBe('closed');
    const after = await visitor.request<{ consultation: PublicConsultation }>('GET', `/public/consultations/${scheduled.publicToken}`);
    expect(after.body.consultation.status).toBe('closed');
    expect(after.body.consultation.plan).toBeNull();
    expect((await submit(scheduled.publicToken, remark(), '198.51.100.10')).status).toBe(409);

    expect((await visitor.request('GET', '/public/consultations/not-a-real-consultation-token')).status).toBe(404);
  });

  it('only the chair opens one, on an agreed version, with sane dates', async () => {
    await closeAll();
    const member = teamMember(team, MEMBER);
    expect((await member.request('POST', `/plans/${planId}/consultations`, { versionId: agreed.id, startsOn: today(), endsOn: inDays(5) })).status).toBe(403);
    const named = await chair.request<{ version: PlanVersion }>('POST', `/plans/${planId}/versions`, { name: 'robocza' });
    const notAgreed = await chair.request<{ error: { code: string } }>('POST', `/plans/${planId}/consultations`, { versionId: named.body.version.id, startsOn: today(), endsOn: inDays(5) });
    expect(notAgreed.body.error.code).toBe('notAgreedVersion');
    const backwards = await chair.request<{ error: { message: string } }>('POST', `/plans/${planId}/consultations`, { versionId: agreed.id, startsOn: inDays(5), endsOn: inDays(1) });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toContain('endsOn');
    await openConsultation();
    const second = await chair.request<{ error: { code: string } }>('POST', `/plans/${planId}/consultations`, { versionId: agreed.id, startsOn: today(), endsOn: inDays(5) });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('consultationActive');
  });

  it('shows only the frozen version, never the working copy, and nothing else of the workspace', async () => {
    await closeAll();
    const consultation = await openConsultation();
    // The working copy moves on after freezing.
    const client = connectClient(team.server.collabUrl, planId, { name: 'chair', headers: { cookie: chair.cookie ?? '' } });
    await waitForSync(client);
    setBlockLineText(findBlock(client, 'R-01'), 'title', 'TEKST-Z-WERSJI-ROBOCZEJ');
    await waitFor(async () => {
      const draft = await chair.request<{ plan: unknown }>('GET', `/plans/${planId}/versions/draft`);
      return JSON.stringify(draft.body).includes('TEKST-Z-WERSJI-ROBOCZEJ');
    });

    const response = await visitor.request<{ consultation: PublicConsultation }>('GET', `/public/consultations/${consultation.publicToken}`);
    expect(response.status).toBe(200);
    const text = JSON.stringify(response.body);
    const view = response.body.consultation.plan;
    expect(view).not.toBeNull();
    expect(text).not.toContain('TEKST-Z-WERSJI-ROBOCZEJ');
    const frozen = await chair.request<{ plan: { sections: Array<{ blocks: Array<{ id?: string; title?: string }> }> } }>('GET', `/plans/${planId}/versions/${agreed.id}`);
    const frozenTitle = frozen.body.plan.sections.flatMap((section) => section.blocks).find((block) => block.id === 'R-01')?.title ?? '';
    expect(frozenTitle).not.toBe('');
    expect(text).toContain(frozenTitle);
    // A rejected proposal is not part of the agreed text.
    expect(view?.sections.flatMap((section) => section.parts.map((part) => part.blockId))).not.toContain('R-05');
    for (const name of [...SAMPLE_TEAM, CHAIR, MEMBER, OBSERVER]) expect(text).not.toContain(name);
    for (const secret of ['KOMENTARZ-WEWNETRZNY', 'protokół nr 5', team.workspaceId, planId, 'statusNote', 'register', '@example.pl']) expect(text).not.toContain(secret);
    client.destroy();
  });

  it('takes a remark without an account and tells the team live, linked to its block', async () => {
    await closeAll();
    const consultation = await openConsultation();
    const client = connectClient(team.server.collabUrl, planId, { name: 'member', headers: { cookie: teamMember(team, MEMBER).cookie ?? '' } });
    await waitForSync(client);
    const events: PlanEvent[] = [];
    client.channel.onPlanEvent((event) => events.push(event));

    const first = await submit(consultation.publicToken, remark(), '198.51.100.20');
    expect(first.status).toBe(201);
    expect(first.body.receipt.reference).toBe(`K${consultation.number}-001`);
    const second = await submit(consultation.publicToken, remark({ blockId: null, sectionKey: 'diagnoza', contact: '' }), '198.51.100.20');
    expect(second.body.receipt.reference).toBe(`K${consultation.number}-002`);
    await waitFor(() => events.filter((event) => event.type === 'remarkChanged').length >= 2);
    const live = events.find((event): event is Extract<PlanEvent, { type: 'remarkChanged' }> => event.type === 'remarkChanged');
    expect(live?.remark.target.blockId).toBe('R-01');
    expect(live?.remark.target.blockLabel).toContain('R-01');

    const unknownBlock = await submit(consultation.publicToken, remark({ blockId: 'R-05' }), '198.51.100.20');
    expect(unknownBlock.status).toBe(400);
    expect(unknownBlock.body.error.message).toContain('blockId');

    const listed = await teamMember(team, OBSERVER).request<{ remarks: ConsultationRemark[] }>('GET', `/consultations/${consultation.id}/remarks`);
    expect(listed.body.remarks.map((entry) => entry.reference)).toEqual([`K${consultation.number}-001`, `K${consultation.number}-002`]);
    expect(listed.body.remarks[1]?.target.sectionTitle).toContain('wnioski z diagnozy');
    const outsider = anonymousClient(team.server);
    expect((await outsider.request('GET', `/consultations/${consultation.id}/remarks`)).status).toBe(401);
    client.destroy();
  });

  it('refuses a field over its limit with 400 naming the field, and loses nothing else', async () => {
    await closeAll();
    const consultation = await openConsultation();
    for (const [field, limit] of [['remark', 5_000], ['submitterName', 200], ['proposedWording', 5_000], ['justification', 5_000], ['contact', 200], ['quote', 1_000]] as const) {
      const response = await submit(consultation.publicToken, remark({ [field]: 'x'.repeat(limit + 1) }), '198.51.100.30');
      expect(response.status, field).toBe(400);
      expect(response.body.error.message).toContain(field);
      expect(JSON.stringify(response.body.error.details)).toContain(field);
    }
    const missing = await submit(consultation.publicToken, remark({ remark: '   ' }), '198.51.100.31');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('remark');
    const atLimit = await submit(consultation.publicToken, remark({ remark: 'x'.repeat(5_000) }), '198.51.100.31');
    expect(atLimit.status).toBe(201);
    const { body } = await chair.request<{ remarks: ConsultationRemark[] }>('GET', `/consultations/${consultation.id}/remarks`);
    expect(body.remarks).toHaveLength(1);
  });

  it('answers 429 past the per-address limit, also when the requests arrive at once', async () => {
    await closeAll();
    const consultation = await openConsultation();
    const burst = await Promise.all(Array.from({ length: 35 }, (_, index) => submit(consultation.publicToken, remark({ remark: `uwaga ${index}` }), '198.51.100.40')));
    const statuses = burst.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    const refused = burst.find((response) => response.status === 429);
    expect(refused?.body.error.code).toBe('tooManyRemarks');
    // Another address is not affected.
    expect((await submit(consultation.publicToken, remark(), '198.51.100.41')).status).toBe(201);
    const { body } = await chair.request<{ remarks: ConsultationRemark[] }>('GET', `/consultations/${consultation.id}/remarks`);
    expect(body.remarks).toHaveLength(21);
    expect(new Set(body.remarks.map((entry) => entry.number)).size).toBe(21);
  });

  it('lets only deciding roles respond, and the consultation becomes "responded" once closed with every remark answered', async () => {
    await closeAll();
    const consultation = await openConsultation();
    await submit(consultation.publicToken, remark(), '198.51.100.50');
    await submit(consultation.publicToken, remark({ blockId: null, sectionKey: 'diagnoza' }), '198.51.100.50');
    const { body } = await chair.request<{ remarks: ConsultationRemark[] }>('GET', `/consultations/${consultation.id}/remarks`);
    const [onBlock, onSection] = body.remarks;
    if (!onBlock || !onSection) throw new Error('remarks missing');
    const path = (id: string) => `/consultations/${consultation.id}/remarks/${id}/response`;

    expect((await teamMember(team, MEMBER).request('POST', path(onBlock.id), { response: 'accepted', justification: 'tak' })).status).toBe(403);
    const noReason = await chair.request<{ error: { message: string } }>('POST', path(onBlock.id), { response: 'accepted', justification: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('justification');
    const answered = await chair.request<{ remark: ConsultationRemark }>('POST', path(onBlock.id), { response: 'partlyAccepted', justification: 'Termin doprecyzowano częściowo.' });
    expect(answered.status).toBe(200);
    expect(answered.body.remark).toMatchObject({ response: 'partlyAccepted', responseJustification: 'Termin doprecyzowano częściowo.', respondedByName: 'Przewodnicząca Zespołu' });

    // Discussed in a comment thread on its block.
    const discussed = await teamMember(team, MEMBER).request<{ remark: ConsultationRemark }>('POST', `/consultations/${consultation.id}/remarks/${onBlock.id}/thread`, { body: 'Omówmy to na posiedzeniu.' });
    expect(discussed.status).toBe(200);
    const threads = await chair.request<{ threads: Array<{ id: string; anchor: { blockId?: string }; comments: Array<{ body: string }> }> }>('GET', `/plans/${planId}/threads`);
    const thread = threads.body.threads.find((candidate) => candidate.id === discussed.body.remark.threadId);
    expect(thread?.anchor.blockId).toBe('R-01');
    expect(thread?.comments[0]?.body).toBe('Omówmy to na posiedzeniu.');

    await chair.request('POST', `/consultations/${consultation.id}/close`);
    const closed = await chair.request<{ consultations: Consultation[] }>('GET', `/plans/${planId}/consultations`);
    expect(closed.body.consultations.find((entry) => entry.id === consultation.id)?.status).toBe('closed');
    await chair.request('POST', path(onSection.id), { response: 'notApplicable', justification: 'Uwaga nie dotyczy treści planu.' });
    const responded = await chair.request<{ consultations: Consultation[] }>('GET', `/plans/${planId}/consultations`);
    expect(responded.body.consultations.find((entry) => entry.id === consultation.id)?.status).toBe('responded');
  });

  it('turns an accepted remark into suggestions of the decider in the working copy, once', async () => {
    await closeAll();
    const consultation = await openConsultation();
    const client = connectClient(team.server.collabUrl, planId, { name: 'chair', headers: { cookie: chair.cookie ?? '' } });
    await waitForSync(client);
    const content = firstParagraphText(findBlock(client, 'R-01'), 'content');
    const quote = content.toString().replace(/<[^>]*>/g, '').slice(0, 24);
    expect(quote.length).toBe(24);
    await submit(consultation.publicToken, remark({ quote, proposedWording: 'NOWE BRZMIENIE Z KONSULTACJI' }), '198.51.100.60');
    await submit(consultation.publicToken, remark({ proposedWording: 'inne' }), '198.51.100.60');
    const { body } = await chair.request<{ remarks: ConsultationRemark[] }>('GET', `/consultations/${consultation.id}/remarks`);
    const [accepted, pending] = body.remarks;
    if (!accepted || !pending) throw new Error('remarks missing');
    const suggestPath = (id: string) => `/consultations/${consultation.id}/remarks/${id}/suggestion`;

    expect((await chair.request<{ error: { code: string } }>('POST', suggestPath(pending.id))).body.error.code).toBe('remarkNotAccepted');
    await chair.request('POST', `/consultations/${consultation.id}/remarks/${accepted.id}/response`, { response: 'accepted', justification: 'Przyjęto.' });
    expect((await teamMember(team, MEMBER).request('POST', suggestPath(accepted.id))).status).toBe(403);
    const made = await chair.request<{ remark: ConsultationRemark; placement: string }>('POST', suggestPath(accepted.id));
    expect(made.status).toBe(200);
    expect(made.body.placement).toBe('replacesQuote');
    expect(made.body.remark.suggestionId).not.toBeNull();

    type Part = { insert?: unknown; attributes?: Record<string, { authorName?: string; suggestionId?: string }> };
    const parts = (): Part[] => firstParagraphText(findBlock(client, 'R-01'), 'content').toDelta() as Part[];
    await waitFor(() => parts().some((part) => part.insert === 'NOWE BRZMIENIE Z KONSULTACJI'));
    const inserted = parts().find((part) => part.insert === 'NOWE BRZMIENIE Z KONSULTACJI');
    const deleted = parts().find((part) => part.insert === quote);
    expect(inserted?.attributes?.['suggestionInsertion']).toMatchObject({ authorName: CHAIR, suggestionId: made.body.remark.suggestionId });
    expect(deleted?.attributes?.['suggestionDeletion']).toMatchObject({ authorName: CHAIR, suggestionId: made.body.remark.suggestionId });

    const again = await chair.request<{ placement: string }>('POST', suggestPath(accepted.id));
    expect(again.body.placement).toBe('already');
    expect(parts().filter((part) => part.insert === 'NOWE BRZMIENIE Z KONSULTACJI')).toHaveLength(1);
    client.destroy();
  });

  it('discusses a remark on a whole section in a thread on that section: replies, live to the team, written only by those who may comment', async () => {
    await closeAll();
    const consultation = await openConsultation();
    const observerClient = connectClient(team.server.collabUrl, planId, { name: 'observer', headers: { cookie: teamMember(team, OBSERVER).cookie ?? '' } });
    await waitForSync(observerClient);
    const seen: PlanEvent[] = [];
    observerClient.channel.onPlanEvent((event) => seen.push(event));
    await submit(consultation.publicToken, remark({ blockId: null, sectionKey: 'diagnoza', remark: 'Diagnoza pomija osoby w kryzysie bezdomności.' }), '198.51.100.70');
    const { body } = await chair.request<{ remarks: ConsultationRemark[] }>('GET', `/consultations/${consultation.id}/remarks`);
    const onSection = body.remarks[0];
    if (!onSection) throw new Error('remark missing');
    const threadPath = `/consultations/${consultation.id}/remarks/${onSection.id}/thread`;

    // Who may not comment on the plan may not start it either, and nothing is created for them.
    const stranger = await registerUser(team.server, 'Osoba spoza zespołu');
    expect((await stranger.request('POST', threadPath, { body: 'Wtrącam się.' })).status).toBe(404);
    expect((await anonymousClient(team.server).request('POST', threadPath, { body: 'Anonim.' })).status).toBe(401);
    expect((await teamMember(team, MEMBER).request<{ error: { message: string } }>('POST', threadPath, { body: '  ' })).status).toBe(400);

    const started = await teamMember(team, MEMBER).request<{ remark: ConsultationRemark }>('POST', threadPath, { body: 'Uzupełnijmy diagnozę o dane MOPS.' });
    expect(started.status).toBe(200);
    const threadId = started.body.remark.threadId;
    expect(threadId).not.toBeNull();
    // A second "start" (a card not yet showing the thread) joins the same thread: nothing typed is lost.
    const again = await chair.request<{ remark: ConsultationRemark }>('POST', threadPath, { body: 'Dołączam do wątku.' });
    expect(again.body.remark.threadId).toBe(threadId);

    const threads = (await chair.request<{ threads: CommentThread[] }>('GET', `/plans/${planId}/threads`)).body.threads;
    const thread = threads.find((candidate) => candidate.id === threadId);
    expect(thread?.anchor).toEqual({
      kind: 'section',
      sectionKey: 'diagnoza',
      sectionTitle: onSection.target.sectionTitle,
      quote: `Uwaga ${onSection.reference}: Diagnoza pomija osoby w kryzysie bezdomności.`,
    });
    expect(thread?.comments.map((comment) => comment.body)).toEqual(['Uzupełnijmy diagnozę o dane MOPS.', 'Dołączam do wątku.']);
    await waitFor(() => seen.some((event) => event.type === 'threadCreated' && event.thread.id === threadId));
    await waitFor(() => seen.some((event) => event.type === 'remarkChanged' && event.remark.id === onSection.id && event.remark.threadId === threadId));

    // Replies as in any thread: an observer may comment, an outsider may not, nobody changes another's comment.
    const reply = await teamMember(team, OBSERVER).request<{ comment: { id: string; body: string } }>('POST', `/threads/${threadId ?? ''}/comments`, { body: 'Dane są w raporcie z 2025 r.' });
    expect(reply.status).toBe(201);
    expect((await stranger.request('POST', `/threads/${threadId ?? ''}/comments`, { body: 'A ja?' })).status).toBe(404);
    const firstCommentId = thread?.comments[0]?.id ?? '';
    expect((await teamMember(team, OBSERVER).request('PATCH', `/comments/${firstCommentId}`, { body: 'Podmiana' })).status).toBe(403);
    const member = connectClient(team.server.collabUrl, planId, { name: 'member', headers: { cookie: teamMember(team, MEMBER).cookie ?? '' } });
    await waitForSync(member);
    const memberSeen: PlanEvent[] = [];
    member.channel.onPlanEvent((event) => memberSeen.push(event));
    expect((await chair.request('POST', `/threads/${threadId ?? ''}/resolve`)).status).toBe(200);
    await waitFor(() => memberSeen.some((event) => event.type === 'threadStatusChanged' && event.status.threadId === threadId));
    const after = (await chair.request<{ threads: CommentThread[] }>('GET', `/plans/${planId}/threads`)).body.threads.find((candidate) => candidate.id === threadId);
    expect(after?.comments.map((comment) => comment.body)).toEqual(['Uzupełnijmy diagnozę o dane MOPS.', 'Dołączam do wątku.', 'Dane są w raporcie z 2025 r.']);
    expect(after?.status).toBe('resolved');
    observerClient.destroy();
    member.destroy();
  });

  it('two members starting a remark’s thread at once get one thread with both comments', async () => {
    await closeAll();
    const consultation = await openConsultation();
    await submit(consultation.publicToken, remark({ blockId: null, sectionKey: 'diagnoza', remark: 'Uwaga omawiana naraz.' }), '198.51.100.75');
    const { body } = await chair.request<{ remarks: ConsultationRemark[] }>('GET', `/consultations/${consultation.id}/remarks`);
    const target = body.remarks[0];
    if (!target) throw new Error('remark missing');
    const threadPath = `/consultations/${consultation.id}/remarks/${target.id}/thread`;
    const bodies = ['Pierwsza myśl.', 'Druga myśl.', 'Trzecia myśl.'];
    const answers = await Promise.all(bodies.map((text, index) => teamMember(team, [CHAIR, MEMBER, OBSERVER][index] ?? CHAIR).request<{ remark: ConsultationRemark }>('POST', threadPath, { body: text })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const threadIds = new Set(answers.map((answer) => answer.body.remark.threadId));
    expect(threadIds.size).toBe(1);
    const threads = (await chair.request<{ threads: CommentThread[] }>('GET', `/plans/${planId}/threads`)).body.threads;
    const onRemark = threads.filter((candidate) => candidate.anchor.quote.startsWith(`Uwaga ${target.reference}:`));
    expect(onRemark).toHaveLength(1);
    expect(onRemark[0]?.comments.map((comment) => comment.body).sort()).toEqual([...bodies].sort());
  });

  it('discusses a remark on a block removed from the working copy since, on the block’s section', async () => {
    await closeAll();
    const consultation = await openConsultation();
    await submit(consultation.publicToken, remark({ blockId: 'R-07', remark: 'Rekomendacja R-07 jest zbędna.' }), '198.51.100.80');
    const { body } = await chair.request<{ remarks: ConsultationRemark[] }>('GET', `/consultations/${consultation.id}/remarks`);
    const onRemovedBlock = body.remarks[0];
    if (!onRemovedBlock) throw new Error('remark missing');
    const client = connectClient(team.server.collabUrl, planId, { name: 'chair', headers: { cookie: chair.cookie ?? '' } });
    await waitForSync(client);
    const block = findBlock(client, 'R-07');
    const parent = block.parent;
    if (!(parent instanceof Y.XmlElement)) throw new Error('R-07 has no parent element');
    parent.delete(parent.toArray().indexOf(block), 1);
    await client.channel.whenSaved();

    const started = await chair.request<{ remark: ConsultationRemark }>('POST', `/consultations/${consultation.id}/remarks/${onRemovedBlock.id}/thread`, { body: 'Usunęliśmy ją już.' });
    expect(started.status).toBe(200);
    const threads = (await chair.request<{ threads: CommentThread[] }>('GET', `/plans/${planId}/threads`)).body.threads;
    expect(threads.find((candidate) => candidate.id === started.body.remark.threadId)?.anchor).toMatchObject({ kind: 'section', sectionKey: 'rekomendacje' });
    client.destroy();
  });
});
