import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { DOCUMENT_SCHEMA_VERSION, readDocumentSchemaVersion, recordDocumentSchemaVersion } from '../../shared/documentSchema.js';
import type { InterventionDirectionBlock, Plan, RecommendationBlock, TypedBlock } from '../../shared/domain/Plan.js';
import { richTextFromPlainText } from '../../shared/domain/richText.js';
import { PLAN_META_FIELD } from '../../shared/planJson/planMetaField.js';
import { readContentFragment } from '../../shared/planJson/readContentFragment.js';
import { readPlanFromYDoc } from '../../shared/planJson/readPlanFromYDoc.js';
import { writePlanToYDoc } from '../../shared/planJson/writePlanToYDoc.js';
import { needsPlanDocumentUpgrade } from '../../server/plans/migrations/needsPlanDocumentUpgrade.js';
import { upgradePlanDocument } from '../../server/plans/migrations/upgradePlanDocument.js';
import { storedStateIsCurrent } from '../../server/plans/migrations/storedStateIsCurrent.js';
import { samplePlan } from '../shared/planTestDocuments.js';

/** Every field of an old direction, as the attribute-shaped schema (document schema 1) stored it. */
const OLD_DIRECTION = {
  id: 'KI-1.1',
  number: '1.1',
  title: 'Rozwój usług – zażółć gęślą jaźń',
  area: 'elderCare',
  targetGroups: ['familiesChildren'],
  goalRef: 'CS-1',
  serviceTypes: ['familyFosterCare'],
  description: 'Pierwszy akapit opisu\nDrugi akapit opisu',
  actions: [
    { id: 'a1', text: 'Działanie pierwsze' },
    { id: 'a2', text: 'Działanie drugie' },
  ],
  responsible: ['MOPS w Łęcznej', 'Starostwo'],
  partners: ['Fundacja Źdźbło'],
  timeframe: { start: '2026-01', end: '2027-12' },
  indicators: [{ name: 'Liczba osób', unit: 'os.', baseline: { value: 10, year: 2024 }, target: { value: 50, year: 2027 }, source: 'Sprawozdanie' }],
  estimatedCost: { amount: 125000, currency: 'PLN', note: 'Wkład własny gminy' },
  fundingSources: [{ code: 'EFS_PLUS_REGIONAL', amount: 100000 }],
  status: 'proposed',
};

const OLD_RECOMMENDATION = {
  id: 'R-01',
  kind: 'recommendation',
  title: 'Rekomendacja – Łódź',
  content: 'Treść jednym akapitem',
  rationale: 'Uzasadnienie\n\npo pustej linii',
  addressees: ['Wojewoda', 'Gminy'],
  status: 'draft',
  statusNote: '',
  proposedBy: '',
};

const OLD_GOAL = { id: 'CS-1', level: 'specific', parentId: null, number: '1', title: 'Cel szczegółowy', description: 'Opis celu' };
const OLD_INDICATOR = { id: 'W-01', name: 'Wskaźnik – ąęłńóśźż', kind: 'output', unit: 'szt.', source: 'GUS', responsible: 'ROPS', directionRefs: ['KI-1.1'] };

interface OldDocument {
  doc: Y.Doc;
  section: Y.XmlElement;
  blocks: Record<'goal' | 'interventionDirection' | 'recommendation' | 'indicator', Y.XmlElement>;
}

/** A plan document as the old code wrote it: typed blocks as atoms with every field an attribute (y-tiptap drops nulls). */
function oldShapeDocument(clientID: number): OldDocument {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const atom = (type: string, attributes: Record<string, unknown>): Y.XmlElement => {
    const element = new Y.XmlElement(type);
    for (const [name, value] of Object.entries(attributes)) if (value !== null) element.setAttribute(name, value as string);
    return element;
  };
  const blocks = {
    goal: atom('goal', OLD_GOAL),
    interventionDirection: atom('interventionDirection', OLD_DIRECTION),
    recommendation: atom('recommendation', OLD_RECOMMENDATION),
    indicator: atom('indicator', OLD_INDICATOR),
  };
  const section = new Y.XmlElement('planSection');
  doc.transact(() => {
    doc.getMap<unknown>(PLAN_META_FIELD).set('schemaVersion', 1);
    section.setAttribute('key', 'kierunki');
    section.setAttribute('title', 'Kierunki interwencji');
    section.setAttribute('status', 'draft');
    section.setAttribute('hint', '');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Wstęp sekcji')]);
    section.insert(0, [paragraph, blocks.goal, blocks.interventionDirection, blocks.recommendation, blocks.indicator]);
    doc.getXmlFragment(CONTENT_FIELD).insert(0, [section]);
  });
  return { doc, section, blocks };
}

function blocksOf(plan: Plan): TypedBlock[] {
  return plan.sections.flatMap((section) => section.blocks).filter((block): block is TypedBlock => block.type !== 'paragraph' && block.type !== 'richText');
}

function upgrade(doc: Y.Doc): void {
  doc.transact(() => upgradePlanDocument(doc));
}

describe('document schema 1 → 2: typed blocks converted in place', () => {
  it('maps every field, keeps the elements and the attributes that stay, and writes text as the editor does', () => {
    const { doc, section, blocks } = oldShapeDocument(1);
    const timeframeBefore = blocks.interventionDirection.getAttribute('timeframe') as unknown;
    expect(needsPlanDocumentUpgrade(doc)).toBe(true);

    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    upgrade(doc);
    expect(updates).toHaveLength(1);

    // The same elements, in the same place.
    expect(section.get(1)).toBe(blocks.goal);
    expect(section.get(2)).toBe(blocks.interventionDirection);
    expect(section.get(3)).toBe(blocks.recommendation);
    expect(section.get(4)).toBe(blocks.indicator);
    expect(doc.getXmlFragment(CONTENT_FIELD).get(0)).toBe(section);

    // Attributes: typed text left them, small values stayed (the object not rewritten), the cost lost its note.
    const direction = blocks.interventionDirection.getAttributes();
    for (const gone of ['title', 'description', 'actions', 'responsible', 'partners', 'indicators', 'fundingSources']) expect(direction).not.toHaveProperty(gone);
    expect(direction).toMatchObject({ id: 'KI-1.1', number: '1.1', area: 'elderCare', goalRef: 'CS-1', status: 'proposed' });
    expect(direction['timeframe']).toBe(timeframeBefore);
    expect(direction['estimatedCost']).toEqual({ amount: 125000, currency: 'PLN' });
    expect(blocks.recommendation.getAttributes()).not.toHaveProperty('content');
    expect(blocks.indicator.getAttributes()).not.toHaveProperty('name');

    // Every field reads back with its old meaning; strings became unformatted paragraphs, one per line.
    const plan = readPlanFromYDoc(doc).plan;
    const [goal, directionBlock, recommendation, indicator] = blocksOf(plan) as [TypedBlock, InterventionDirectionBlock, RecommendationBlock, TypedBlock];
    expect(directionBlock).toEqual({
      type: 'interventionDirection',
      ...OLD_DIRECTION,
      description: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Pierwszy akapit opisu' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Drugi akapit opisu' }] },
      ],
    });
    expect(recommendation).toMatchObject({
      ...OLD_RECOMMENDATION,
      content: richTextFromPlainText('Treść jednym akapitem'),
      rationale: [{ type: 'paragraph', content: [{ type: 'text', text: 'Uzasadnienie' }] }, { type: 'paragraph' }, { type: 'paragraph', content: [{ type: 'text', text: 'po pustej linii' }] }],
    });
    expect(goal).toMatchObject({ ...OLD_GOAL, description: richTextFromPlainText('Opis celu') });
    expect(indicator).toMatchObject(OLD_INDICATOR);
    expect(plan.schemaVersion).toBe(2);
    expect(doc.getMap<unknown>(PLAN_META_FIELD).get('schemaVersion')).toBe(2);
    expect(readDocumentSchemaVersion(doc)).toBe(DOCUMENT_SCHEMA_VERSION);
    expect(readPlanFromYDoc(doc).dropped).toEqual([]);

    // The Yjs structure is exactly what writing the same plan through y-tiptap gives.
    const written = new Y.Doc();
    writePlanToYDoc(written, plan);
    expect(readContentFragment(doc.getXmlFragment(CONTENT_FIELD))).toEqual(readContentFragment(written.getXmlFragment(CONTENT_FIELD)));
    const description = blocks.interventionDirection.get(1) as Y.XmlElement;
    expect(description.nodeName).toBe('blockRichText');
    expect(description.getAttribute('field')).toBe('description');
    expect(description.toArray().map((paragraph) => [(paragraph as Y.XmlElement).nodeName, (paragraph as Y.XmlElement).get(0)?.toString()])).toEqual([
      ['paragraph', 'Pierwszy akapit opisu'],
      ['paragraph', 'Drugi akapit opisu'],
    ]);
    expect((blocks.interventionDirection.get(0) as Y.XmlElement).get(0)).toBeInstanceOf(Y.XmlText);
  });

  it('is idempotent: a second run changes nothing', () => {
    const { doc } = oldShapeDocument(1);
    upgrade(doc);
    const stateVector = Y.encodeStateVector(doc);
    const content = readContentFragment(doc.getXmlFragment(CONTENT_FIELD));
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    expect(needsPlanDocumentUpgrade(doc)).toBe(false);
    upgrade(doc);
    // Even without the recorded version, blocks that have children are left alone.
    doc.getMap(PLAN_META_FIELD); // untouched
    const unmarked = new Y.Doc();
    Y.applyUpdate(unmarked, Y.encodeStateAsUpdate(doc));
    unmarked.transact(() => unmarked.getMap('documentSchema').delete('version'));
    const before = readContentFragment(unmarked.getXmlFragment(CONTENT_FIELD));
    upgrade(unmarked);
    expect(readContentFragment(unmarked.getXmlFragment(CONTENT_FIELD))).toEqual(before);
    expect(updates).toEqual([]);
    expect(Y.encodeStateVector(doc)).toEqual(stateVector);
    expect(readContentFragment(doc.getXmlFragment(CONTENT_FIELD))).toEqual(content);
  });

  it('merges with a concurrent change of an attribute that stays', () => {
    // The peer that converts has the higher client id: an attribute it rewrote would win the conflict.
    const { doc: converting } = oldShapeDocument(1);
    converting.clientID = 2 ** 30;
    const peer = new Y.Doc();
    peer.clientID = 7;
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(converting));
    const peerDirection = (peer.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement).get(2) as Y.XmlElement;
    peer.transact(() => {
      peerDirection.setAttribute('timeframe', { start: '2028-01', end: '2029-06' } as unknown as string);
      peerDirection.setAttribute('status', 'agreed');
    });
    upgrade(converting);
    Y.applyUpdate(converting, Y.encodeStateAsUpdate(peer));
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(converting));
    for (const doc of [converting, peer]) {
      const direction = blocksOf(readPlanFromYDoc(doc).plan)[1] as InterventionDirectionBlock;
      expect(direction.timeframe).toEqual({ start: '2028-01', end: '2029-06' });
      expect(direction.status).toBe('agreed');
      expect(direction.title).toBe(OLD_DIRECTION.title);
    }
  });

  it('recognises current stored bytes without applying them, and old ones as old', () => {
    const { doc } = oldShapeDocument(1);
    const oldState = Y.encodeStateAsUpdate(doc);
    expect(storedStateIsCurrent([oldState])).toBe(false);
    const before = Y.encodeStateVector(doc);
    upgrade(doc);
    expect(storedStateIsCurrent([oldState, Y.encodeStateAsUpdate(doc, before)])).toBe(true);
    expect(storedStateIsCurrent([Y.encodeStateAsUpdate(doc)])).toBe(true);
    expect(storedStateIsCurrent([Y.mergeUpdates([oldState, Y.encodeStateAsUpdate(doc, before)])])).toBe(true);
    // Recording the version again writes nothing, so the first item stays live.
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    recordDocumentSchemaVersion(doc);
    expect(updates).toEqual([]);
  });
});

describe('document schema 2 → 3: the formatting-suggestion mark, no content change', () => {
  function versionTwoDocument(): Y.Doc {
    const doc = new Y.Doc();
    writePlanToYDoc(doc, samplePlan());
    // As a build of schema 2 recorded it: the first item ever under the key.
    doc.getMap<unknown>('documentSchema').set('version', 2);
    return doc;
  }

  it('records 3 and changes nothing else', () => {
    const doc = versionTwoDocument();
    const content = readContentFragment(doc.getXmlFragment(CONTENT_FIELD));
    const meta = doc.getMap<unknown>(PLAN_META_FIELD).toJSON();
    expect(needsPlanDocumentUpgrade(doc)).toBe(true);
    upgrade(doc);
    expect(DOCUMENT_SCHEMA_VERSION).toBe(3);
    expect(readDocumentSchemaVersion(doc)).toBe(3);
    expect(needsPlanDocumentUpgrade(doc)).toBe(false);
    expect(readContentFragment(doc.getXmlFragment(CONTENT_FIELD))).toEqual(content);
    expect(doc.getMap<unknown>(PLAN_META_FIELD).toJSON()).toEqual(meta);
  });

  it('lets stored bytes of schema 2 and 3 be handed to clients as they are, before and after compaction, but not a record of 1', () => {
    const doc = versionTwoDocument();
    const versionTwo = Y.encodeStateAsUpdate(doc);
    expect(storedStateIsCurrent([versionTwo])).toBe(true);
    const before = Y.encodeStateVector(doc);
    upgrade(doc);
    const upgraded = Y.encodeStateAsUpdate(doc, before);
    expect(storedStateIsCurrent([versionTwo, upgraded])).toBe(true);
    // Compacted: the overwritten record of 2 is garbage-collected, the record of 3 names it instead of the key.
    const compacted = new Y.Doc();
    Y.applyUpdate(compacted, Y.mergeUpdates([versionTwo, upgraded]));
    const compactedState = Y.encodeStateAsUpdate(compacted);
    expect(readDocumentSchemaVersion(compacted)).toBe(3);
    expect(storedStateIsCurrent([compactedState])).toBe(true);
    // A new document records 3 as its first item.
    const fresh = new Y.Doc();
    writePlanToYDoc(fresh, samplePlan());
    fresh.transact(() => upgradePlanDocument(fresh));
    expect(storedStateIsCurrent([Y.encodeStateAsUpdate(fresh)])).toBe(true);
    // A record of a version whose content is older is not trusted.
    const forged = new Y.Doc();
    writePlanToYDoc(forged, samplePlan());
    forged.getMap<unknown>('documentSchema').set('version', 1);
    expect(storedStateIsCurrent([Y.encodeStateAsUpdate(forged)])).toBe(false);
  });
});
