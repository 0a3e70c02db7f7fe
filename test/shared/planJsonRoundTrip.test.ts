import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Plan } from '../../shared/domain/Plan.js';
import { importPlan } from '../../shared/planJson/importPlan.js';
import { proseMirrorToPlan } from '../../shared/planJson/proseMirrorToPlan.js';
import { readPlanFromYDoc } from '../../shared/planJson/readPlanFromYDoc.js';
import { readPlanMeta } from '../../shared/planJson/readPlanMeta.js';
import { writePlanMeta } from '../../shared/planJson/writePlanMeta.js';
import { writePlanToYDoc } from '../../shared/planJson/writePlanToYDoc.js';
import { samplePlanJson } from './planTestDocuments.js';

function importOrThrow(json: unknown): Plan {
  const result = importPlan(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

/** Through a Y.Doc and the wire, as a second client or the server after a restart would see it. */
function throughYDoc(plan: Plan): ReturnType<typeof readPlanFromYDoc> {
  const doc = new Y.Doc();
  writePlanToYDoc(doc, plan);
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  return readPlanFromYDoc(replica);
}

describe('plan JSON ⇄ Y.Doc', () => {
  it('imports the sample plan without errors or warnings, unchanged', () => {
    const result = importPlan(samplePlanJson());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.plan).toEqual(samplePlanJson());
    expect(result.doc.content).toHaveLength(9);
  });

  it('exports exactly the imported sample: same sections, blocks, fields and order', () => {
    const exported = throughYDoc(importOrThrow(samplePlanJson()));
    expect(exported.dropped).toEqual([]);
    expect(exported.plan).toStrictEqual(samplePlanJson());
    expect(JSON.stringify(exported.plan)).toBe(JSON.stringify(samplePlanJson()));
  });

  it('round-trips formatting, line breaks, empty sections and workflow fields', () => {
    const plan = samplePlanJson();
    plan.sections[0]!.blocks.push(
      { type: 'paragraph', text: 'Pierwsza linia\nDruga linia\n' },
      { type: 'paragraph', text: '' },
      {
        type: 'richText',
        node: { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Podrozdział' }] },
      },
      {
        type: 'richText',
        node: {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Zobacz ' },
            { type: 'text', text: 'stronę', marks: [{ type: 'link', attrs: { href: 'https://example.org/', target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } }] },
            { type: 'text', text: ' i ', marks: [{ type: 'bold' }] },
          ],
        },
      },
      {
        type: 'richText',
        node: { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'punkt' }] }] }] },
      },
    );
    plan.sections.push({ key: 'zalaczniki', title: 'Załączniki', status: 'ready', responsibleUserId: 'user-1', hint: 'Wskazówka', blocks: [] });
    const imported = importOrThrow(plan);
    expect(imported).toEqual(plan);
    const exported = throughYDoc(imported);
    expect(exported.dropped).toEqual([]);
    expect(exported.plan).toEqual(plan);
  });

  it('gives the canonical form: default workflow fields left out, editor JSON with every attribute', () => {
    const plan = samplePlanJson();
    Object.assign(plan.sections[0]!, { status: 'draft', responsibleUserId: null, hint: '' });
    expect(importOrThrow(plan)).toEqual(samplePlanJson());

    const withShortLink = samplePlanJson();
    const link = { type: 'text', text: 'a', marks: [{ type: 'link', attrs: { href: 'mailto:rops@example.org' } }] };
    withShortLink.sections[0]!.blocks.push({ type: 'richText', node: { type: 'paragraph', content: [link] } });
    const canonical = importOrThrow(withShortLink);
    expect(canonical.sections[0]!.blocks.at(-1)).toEqual({
      type: 'richText',
      node: {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'a',
            marks: [
              {
                type: 'link',
                attrs: { href: 'mailto:rops@example.org', target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null },
              },
            ],
          },
        ],
      },
    });
    expect(throughYDoc(canonical).plan).toEqual(canonical);
  });

  it('writes and reads the plan-level fields as one key each in the meta map', () => {
    const { sections: _sections, ...meta } = importOrThrow(samplePlanJson());
    const doc = new Y.Doc();
    writePlanMeta(doc, meta);
    expect([...doc.getMap('meta').keys()].sort()).toEqual(Object.keys(meta).sort());
    expect(readPlanMeta(doc)).toEqual({ meta, dropped: [] });
    let updates = 0;
    doc.on('update', () => (updates += 1));
    writePlanMeta(doc, meta);
    expect(updates).toBe(0);
  });

  it('reads an empty Y.Doc as an empty plan with default fields', () => {
    const { plan, dropped } = readPlanFromYDoc(new Y.Doc());
    expect(dropped).toEqual([]);
    expect(plan).toMatchObject({ schemaVersion: 1, kind: 'regional', status: 'draft', sections: [], team: [] });
  });

  it('converts editor JSON to a plan without the Y.Doc as well', () => {
    const result = importPlan(samplePlanJson());
    if (!result.ok) throw new Error('sample must import');
    const { sections: _sections, ...meta } = result.plan;
    expect(proseMirrorToPlan(result.doc, meta)).toEqual({ plan: samplePlanJson(), dropped: [] });
  });
});
