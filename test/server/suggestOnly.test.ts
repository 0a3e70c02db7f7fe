import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { startSharedTestServer, type TestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { waitForSync, type TestClient } from '../helpers/connectClient.js';
import { RawCollabSocket } from '../helpers/RawCollabSocket.js';
import { waitFor } from '../helpers/waitFor.js';
import { deletionBy, formatBy, handMadeUpdate, insertionBy, paragraphText } from '../helpers/suggestionEdits.js';
import { MessageType } from '../../shared/protocol/messageType.js';
import { CONTENT_FIELD } from '../../shared/documentName.js';

let server: TestServer;
let dispose: () => Promise<void>;
let team: TeamFixture;
let member: TestClient;
let memberId: string;
let expertId: string;

beforeAll(async () => {
  ({ testServer: server, dispose } = await startSharedTestServer({ authenticate: 'sessions' }));
  team = await createTeam(server, { Chair: 'chair', Member: 'member', Expert: 'expert', Observer: 'observer' });
  memberId = team.people['Member']?.userId ?? '';
  expertId = team.people['Expert']?.userId ?? '';
  const setting = await team.people['Chair']?.request('PATCH', `/workspaces/${team.workspaceId}`, { advisorsSuggestOnly: true });
  expect(setting?.status).toBe(200);
}, 60_000);

afterAll(() => dispose());

/** The member's paragraph 'Wspólny tekst' and, after it, the member's own suggested insertion ' do uzgodnienia'. */
async function freshMemberText(): Promise<void> {
  member = team.connect('Member');
  await waitForSync(member);
  member.doc.transact(() => {
    member.content.delete(0, member.content.length);
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    member.content.insert(0, [paragraph]);
    text.insert(0, 'Wspólny tekst');
    text.insert(text.length, ' do uzgodnienia', insertionBy(memberId));
  });
  await waitFor(async () => (await storedDelta()).length === 2, { message: 'member text not stored' });
}

async function storedDelta(): Promise<unknown[]> {
  const name = `plan/${team.planId}`;
  await (await server.server.registry.peek(name))?.whenPersisted();
  const stored = await server.server.store.load(name);
  const doc = new Y.Doc();
  if (stored) Y.applyUpdate(doc, stored);
  const paragraph = doc.getXmlFragment(CONTENT_FIELD).get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  return text instanceof Y.XmlText ? text.toDelta() : [];
}

async function expertSocket(): Promise<RawCollabSocket> {
  const { client } = await RawCollabSocket.open(`${server.collabUrl}/${team.planId}`, { cookie: team.people['Expert']?.cookie ?? '' });
  if (client === null) throw new Error('expert could not connect');
  await client.waitForMessage(() => true, { messageType: MessageType.AccessMode });
  return client;
}

function accessModeOf(socket: RawCollabSocket): string {
  const frame = socket.messages.find((message) => message[0] === MessageType.AccessMode);
  const decoder = decoding.createDecoder(frame ?? new Uint8Array());
  decoding.readVarUint(decoder);
  return decoding.readVarString(decoder);
}

async function expectRefusedAndNotStored(edit: (content: Y.XmlFragment) => void): Promise<void> {
  await freshMemberText();
  const before = await storedDelta();
  const expert = await expertSocket();
  const received: Uint8Array[] = [];
  member.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === member.provider) received.push(update);
  });
  expert.sendUpdate(handMadeUpdate(member.doc, edit));
  const refusal = await expert.waitForMessage(() => true, { messageType: MessageType.WriteRefused });
  const decoder = decoding.createDecoder(refusal);
  decoding.readVarUint(decoder);
  expect(decoding.readVarString(decoder)).toBe('suggestions-only');
  // A later write by the member is stored and broadcast; the refused one never is.
  paragraphText(member.content).insert(0, '» ');
  await waitFor(async () => JSON.stringify(await storedDelta()).includes('» '), { message: 'member edit after the refusal not stored' });
  const after = (await storedDelta()) as { insert: string }[];
  expect(after.map((run) => run.insert).join('')).toBe(`» ${(before as { insert: string }[]).map((run) => run.insert).join('')}`);
  expect(JSON.stringify(after)).toBe(JSON.stringify(before).replace('"Wspólny tekst', '"» Wspólny tekst'));
  expect(received).toEqual([]);
  expect(expert.isOpen).toBe(true);
}

describe('suggest-only members (experts and observers, when the chair allows it)', () => {
  it('are told they may only suggest, live when the chair changes the setting', async () => {
    const expert = await expertSocket();
    expect(accessModeOf(expert)).toBe('suggest-only');
    const observer = team.connect('Observer');
    await waitFor(() => observer.channel.state.accessMode === 'suggest-only', { message: 'observer not suggest-only' });
    await team.people['Chair']?.request('PATCH', `/workspaces/${team.workspaceId}`, { advisorsSuggestOnly: false });
    await waitFor(() => observer.channel.state.accessMode === 'read-only', { message: 'observer not read-only again' });
    await team.people['Chair']?.request('PATCH', `/workspaces/${team.workspaceId}`, { advisorsSuggestOnly: true });
    await waitFor(() => observer.channel.state.accessMode === 'suggest-only', { message: 'observer not suggest-only again' });
  });

  it('may not change the setting themselves', async () => {
    const response = await team.people['Expert']?.request('PATCH', `/workspaces/${team.workspaceId}`, { advisorsSuggestOnly: false });
    expect(response?.status).toBe(403);
  });

  it('refuse an insertion without the author’s insertion mark', async () => {
    await expectRefusedAndNotStored((content) => paragraphText(content).insert(7, ' nowy'));
  });

  it('refuse an insertion carrying another member’s insertion mark', async () => {
    await expectRefusedAndNotStored((content) => paragraphText(content).insert(7, ' nowy', insertionBy(memberId)));
  });

  it('refuse deleting another member’s text', async () => {
    await expectRefusedAndNotStored((content) => paragraphText(content).delete(0, 8));
  });

  it('refuse deleting text inside another member’s suggestion', async () => {
    await expectRefusedAndNotStored((content) => paragraphText(content).delete(16, 4));
  });

  it('refuse taking over or removing another member’s suggestion mark', async () => {
    await expectRefusedAndNotStored((content) => paragraphText(content).format(13, 15, insertionBy(expertId)));
  });

  it('refuse formatting, and structural changes such as a new paragraph', async () => {
    await expectRefusedAndNotStored((content) => paragraphText(content).format(0, 8, { bold: {} }));
    await expectRefusedAndNotStored((content) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('nowy akapit')]);
      content.insert(1, [paragraph]);
    });
  });

  it('accept their own suggested insertion and deletion, also inside another member’s suggestion, and their withdrawal', async () => {
    await freshMemberText();
    const expert = await expertSocket();
    expert.sendUpdate(
      handMadeUpdate(member.doc, (content) => {
        const text = paragraphText(content);
        text.format(0, 8, deletionBy(expertId));
        text.insert(13, ' i ważny', insertionBy(expertId));
        text.insert(text.length - 3, 'X', insertionBy(expertId, 'inside'));
      }),
    );
    await waitFor(() => JSON.stringify(paragraphText(member.content).toDelta()).includes(' i ważny'), { message: 'member never received the suggestion' });
    const stored = JSON.stringify(await storedDelta());
    expect(stored).toContain(`"suggestionDeletion":{"suggestionId":"s-${expertId}"`);
    expect(stored).toContain('" i ważny"');
    expect(stored).toContain('"X"');
    expect(expert.messages.some((frame) => frame[0] === MessageType.WriteRefused)).toBe(false);

    // Withdrawing: the expert removes their own insertion and their deletion mark.
    expert.sendUpdate(
      handMadeUpdate(member.doc, (content) => {
        const text = paragraphText(content);
        text.delete(13, ' i ważny'.length);
        text.format(0, 8, { suggestionDeletion: null });
      }),
    );
    await waitFor(() => !JSON.stringify(paragraphText(member.content).toDelta()).includes(' i ważny'), { message: 'withdrawal never arrived' });
    expect(JSON.stringify(await storedDelta())).not.toContain('suggestionDeletion');
    expect(expert.messages.some((frame) => frame[0] === MessageType.WriteRefused)).toBe(false);
  });

  it('accept a formatting suggestion: bold on existing text with their own mark recording it, and its withdrawal', async () => {
    await freshMemberText();
    const expert = await expertSocket();
    expert.sendUpdate(handMadeUpdate(member.doc, (content) => paragraphText(content).format(0, 7, { bold: {}, ...formatBy(expertId, { added: ['bold'] }) })));
    await waitFor(() => JSON.stringify(paragraphText(member.content).toDelta()).includes('suggestionFormat'), { message: 'member never received the formatting suggestion' });
    await waitFor(async () => JSON.stringify(await storedDelta()).includes('suggestionFormat'), { message: 'formatting suggestion not stored' });
    const stored = (await storedDelta()) as { insert: string; attributes?: Record<string, { authorId?: string; added?: string[] }> }[];
    expect(stored[0]?.insert).toBe('Wspólny');
    expect(stored[0]?.attributes?.['bold']).toEqual({});
    expect(stored[0]?.attributes?.['suggestionFormat']).toMatchObject({ authorId: expertId, added: ['bold'], removed: [] });
    expect(expert.messages.some((frame) => frame[0] === MessageType.WriteRefused)).toBe(false);

    expert.sendUpdate(handMadeUpdate(member.doc, (content) => paragraphText(content).format(0, 7, { bold: null, suggestionFormat: null })));
    await waitFor(async () => !JSON.stringify(await storedDelta()).includes('suggestionFormat'), { message: 'withdrawal not stored' });
    expect(JSON.stringify(await storedDelta())).not.toContain('"bold"');
    expect(expert.messages.some((frame) => frame[0] === MessageType.WriteRefused)).toBe(false);
  });

  it('refuse bold without their formatting mark, or with one that records another change', async () => {
    await expectRefusedAndNotStored((content) => paragraphText(content).format(0, 7, { bold: {} }));
    await expectRefusedAndNotStored((content) => paragraphText(content).format(0, 7, { bold: {}, ...formatBy(expertId, { added: ['italic'] }) }));
    // A mark alone, claiming a change that did not happen.
    await expectRefusedAndNotStored((content) => paragraphText(content).format(0, 7, formatBy(expertId, { removed: ['bold'] })));
  });

  it('refuse a formatting mark claiming another author, and formats other than bold and italic', async () => {
    await expectRefusedAndNotStored((content) => paragraphText(content).format(0, 7, { bold: {}, ...formatBy(memberId, { added: ['bold'] }) }));
    await expectRefusedAndNotStored((content) => paragraphText(content).format(0, 7, { strike: {}, ...formatBy(expertId, { added: ['bold'] }) }));
  });

  it('accept keystrokes sent one frame each, every one building on the previous', async () => {
    await freshMemberText();
    const expert = await expertSocket();
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(member.doc));
    [...'abc'].forEach((letter, index) => {
      const before = Y.encodeStateVector(local);
      paragraphText(local.getXmlFragment(CONTENT_FIELD)).insert('Wspólny tekst'.length + index, letter, insertionBy(expertId, 'typing'));
      expert.sendUpdate(Y.encodeStateAsUpdate(local, before));
    });
    const plain = (): string => (paragraphText(member.content).toDelta() as { insert: string }[]).map((run) => run.insert).join('');
    await waitFor(() => plain() === 'Wspólny tekstabc do uzgodnienia', { message: 'keystrokes not all applied' });
    expect(expert.messages.some((frame) => frame[0] === MessageType.WriteRefused)).toBe(false);
  });

  it('have an update typed before their sync step 2 arrived held and judged after it, not refused', async () => {
    await freshMemberText();
    const expert = await expertSocket();
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(member.doc));
    const typedOffline = lettersAfter(local, 'Wspólny tekst'.length, 'od', insertionBy(expertId, 'offline'));
    const typedAfterReconnect = lettersAfter(local, 'Wspólny tekst'.length + 2, 'ak', insertionBy(expertId, 'offline'));
    const typedPlain = lettersAfter(local, 0, '!', {});
    // The keystroke arrives first; what it builds on comes in the client's sync step 2.
    expert.sendUpdate(typedAfterReconnect);
    expert.sendUpdate(typedPlain);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(expert.messages.some((frame) => frame[0] === MessageType.WriteRefused)).toBe(false);
    expert.sendBinary(syncStep2Frame(typedOffline));

    const plain = (): string => (paragraphText(member.content).toDelta() as { insert: string }[]).map((run) => run.insert).join('');
    await waitFor(() => plain() === 'Wspólny tekstodak do uzgodnienia', { message: 'the held keystroke was not applied after the step 2' });
    // The plain insertion was held too, then judged like any other: refused, never stored.
    const refusal = await expert.waitForMessage(() => true, { messageType: MessageType.WriteRefused });
    expect(refusal).toBeDefined();
    const stored = (await storedDelta()) as { insert: string }[];
    expect(stored.map((run) => run.insert).join('')).toBe('Wspólny tekstodak do uzgodnienia');
    expect(expert.isOpen).toBe(true);
  });
});

/** The update that inserts `letters` at `index` of the first paragraph of `local` (applied to it). */
function lettersAfter(local: Y.Doc, index: number, letters: string, attributes: Record<string, unknown>): Uint8Array {
  const before = Y.encodeStateVector(local);
  paragraphText(local.getXmlFragment(CONTENT_FIELD)).insert(index, letters, attributes);
  return Y.encodeStateAsUpdate(local, before);
}

function syncStep2Frame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

