import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSharedTestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { waitForSync, type TestClient } from '../helpers/connectClient.js';
import { agreeEveryProposal } from '../helpers/agreeEveryProposal.js';
import type { PlanVersion } from '../../shared/versions/PlanVersion.js';

/**
 * Only a member who may edit is a section's responsible person (issue 15, item 6), held by the
 * server where the plan goes out as agreed: freezing the agreed version answers 409 naming every
 * section whose responsible person may not edit, whoever's client wrote the attribute and whether
 * the person never could edit or lost the right afterwards (a role change, the chair's suggest-only setting).
 */

let team: TeamFixture;
const DECISION = { decisionDate: '2026-03-12', decisionReference: 'uchwała nr 7/2026' };

beforeAll(async () => {
  const { testServer, dispose } = await startSharedTestServer({ authenticate: 'sessions' });
  team = await createTeam(testServer, { chair: 'chair', anna: 'member', olga: 'observer', edward: 'expert' });
  return dispose;
}, 60_000);

const userId = (name: string): string => team.people[name]?.userId ?? '';

function sections(client: TestClient): Y.XmlElement[] {
  return client.content.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'planSection');
}

async function setResponsible(client: TestClient, index: number, responsibleUserId: string | null): Promise<string> {
  const section = sections(client)[index];
  if (!section) throw new Error(`no section ${index}`);
  // What the section view's select writes: an attribute of the section element.
  section.setAttribute('responsibleUserId', responsibleUserId as unknown as string);
  await client.channel.whenSaved();
  return String(section.getAttribute('title') ?? '');
}

async function freeze(): Promise<{ status: number; body: { version?: PlanVersion; error?: { code: string; message: string; details: { sections: Array<{ sectionKey: string; sectionTitle: string; responsibleUserId: string }> } } } }> {
  const chair = team.people.chair;
  if (!chair) throw new Error('no chair');
  return chair.request('POST', `/plans/${team.planId}/agreed-versions`, DECISION);
}

describe('a section’s responsible person', () => {
  it('freezing refuses an observer, a demoted member and a suggest-only expert as responsible, naming the sections; a member who edits passes', async () => {
    const chair = team.people.chair;
    if (!chair) throw new Error('no chair');
    await agreeEveryProposal(chair, team.planId);
    const anna = team.connect('anna');
    await waitForSync(anna);
    expect(sections(anna).length).toBeGreaterThanOrEqual(2);

    // An observer written in by a member's client (the UI never offers one).
    await setResponsible(anna, 0, userId('olga'));
    const refused = await freeze();
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('ineligibleResponsible');
    expect(refused.body.error?.details.sections).toEqual([expect.objectContaining({ responsibleUserId: userId('olga') })]);
    expect(refused.body.error?.message).toContain('may not edit the plan');

    // A member who edits, and an expert while experts edit: accepted.
    await setResponsible(anna, 0, userId('anna'));
    await setResponsible(anna, 1, userId('edward'));
    const first = await freeze();
    expect(first.status).toBe(201);
    expect(first.body.version?.agreed?.number).toBe(1);

    // The chair lets experts only suggest: Edward no longer edits, so he is no longer eligible.
    expect((await chair.request('PATCH', `/workspaces/${team.workspaceId}`, { advisorsSuggestOnly: true })).status).toBe(200);
    const suggestOnly = await freeze();
    expect(suggestOnly.status).toBe(409);
    expect(suggestOnly.body.error?.details.sections.map((section) => section.responsibleUserId)).toEqual([userId('edward')]);
    expect((await chair.request('PATCH', `/workspaces/${team.workspaceId}`, { advisorsSuggestOnly: false })).status).toBe(200);

    // Anna becomes an observer after being made responsible: her section is named, Edward's (experts edit again) is not.
    expect((await chair.request('PATCH', `/workspaces/${team.workspaceId}/members/${userId('anna')}`, { role: 'observer' })).status).toBe(200);
    const demoted = await freeze();
    expect(demoted.status).toBe(409);
    expect(demoted.body.error?.details.sections.map((section) => section.responsibleUserId)).toEqual([userId('anna')]);

    // Clearing it (no responsible person) is always allowed.
    const chairClient = team.connect('chair');
    await waitForSync(chairClient);
    await setResponsible(chairClient, 0, null);
    const second = await freeze();
    expect(second.status).toBe(201);
    expect(second.body.version?.agreed?.number).toBe(2);
    anna.destroy();
    chairClient.destroy();
  });
});
