import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { importPlan } from '../../shared/planJson/importPlan.js';
import { readPlanFromYDoc } from '../../shared/planJson/readPlanFromYDoc.js';
import { writePlanToYDoc } from '../../shared/planJson/writePlanToYDoc.js';
import { samplePlanJson, syncDocs } from './planTestDocuments.js';

/** The child element holding a typed block's field ('title', 'description'…). */
function fieldElement(block: Y.XmlElement, field: string): Y.XmlElement {
  const found = block.toArray().find((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.getAttribute('field') === field);
  if (found === undefined) throw new Error(`block has no field '${field}'`);
  return found;
}

/**
 * A client can send any Yjs update, not only what its editor would produce.
 * The server applies it to the shared Y.Doc; exporting must still work.
 */
function attackedDocument(): Y.Doc {
  const imported = importPlan(samplePlanJson());
  if (!imported.ok) throw new Error('sample must import');
  const server = new Y.Doc();
  writePlanToYDoc(server, imported.plan);

  const attacker = new Y.Doc();
  syncDocs(server, attacker);
  const content = attacker.getXmlFragment(CONTENT_FIELD);
  attacker.transact(() => {
    const script = new Y.XmlElement('script');
    script.setAttribute('src', 'https://evil.example/x.js');
    content.insert(0, [script]);

    const introduction = content.get(1) as Y.XmlElement;
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    introduction.insert(0, [paragraph, new Y.XmlElement('iframe'), new Y.XmlHook('hook') as unknown as Y.XmlElement]);
    text.insert(0, 'Kliknij tutaj');
    text.format(0, 7, { link: { href: 'javascript:alert(document.cookie)' } });
    text.insertEmbed(7, { image: 'x' });

    const directions = content.get(5) as Y.XmlElement;
    const direction = directions.get(2) as Y.XmlElement;
    direction.setAttribute('targetGroups', ['olderPersons', 'foo'] as unknown as string);
    direction.setAttribute('estimatedCost', 'lots');
    direction.setAttribute('status', 42 as unknown as string);
    direction.setAttribute('title', { nested: true } as unknown as string);
    direction.setAttribute('onclick', 'alert(1)');
    // The text fields are child nodes now: break them from the inside.
    const title = fieldElement(direction, 'title');
    const titleText = title.get(0) as Y.XmlText;
    titleText.format(0, 5, { link: { href: 'javascript:alert(1)' } });
    title.insert(title.length, [new Y.XmlElement('script')]);
    const description = fieldElement(direction, 'description');
    const descriptionHeading = new Y.XmlElement('heading');
    descriptionHeading.insert(0, [new Y.XmlText('Nagłówek w opisie')]);
    const linked = new Y.XmlElement('paragraph');
    const linkedText = new Y.XmlText();
    linked.insert(0, [linkedText]);
    description.insert(0, [descriptionHeading, linked]);
    linkedText.insert(0, 'Zobacz opis');
    linkedText.format(0, 6, { link: { href: 'javascript:alert(2)' } });
    const actions = direction.toArray().find((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === 'directionActionList');
    const strayAction = new Y.XmlElement('paragraph');
    strayAction.insert(0, [new Y.XmlText('nie działanie')]);
    actions?.insert(0, [strayAction]);
    (actions?.get(1) as Y.XmlElement | undefined)?.setAttribute('id', { evil: true } as unknown as string);
    direction.delete(direction.toArray().findIndex((child) => child instanceof Y.XmlElement && child.getAttribute('field') === 'costNote'), 1);

    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 'javascript:' as unknown as string);
    heading.insert(0, [new Y.XmlText('Nagłówek')]);
    directions.insert(0, [heading]);

    attacker.getMap('meta').set('kind', 'evil');
    attacker.getMap('meta').set('period', 'forever');
  });
  const received = new Y.Doc();
  Y.applyUpdate(received, Y.encodeStateAsUpdate(server));
  Y.applyUpdate(received, Y.encodeStateAsUpdate(attacker, Y.encodeStateVector(server)));
  return received;
}

describe('exporting a Y.Doc with content no editor would write', () => {
  it('does not throw, drops the unsafe parts and reports them', () => {
    const doc = attackedDocument();
    let result: ReturnType<typeof readPlanFromYDoc> | undefined;
    expect(() => (result = readPlanFromYDoc(doc))).not.toThrow();
    if (result === undefined) return;
    const { plan, dropped } = result;

    expect(JSON.stringify(plan)).not.toMatch(/javascript:|evil\.example|onclick|"script"|iframe/);
    expect(dropped).toEqual(
      expect.arrayContaining([
        { path: 'content[0]', reason: "node 'script' outside a section" },
        { path: 'content[1].content[0].content[0][1]', reason: 'embedded object in text' },
        { path: 'content[1].content[2]', reason: 'not an element or text' },
        { path: 'content[1].content[0].content[0].marks[0]', reason: "link to a disallowed address 'javascript:alert(document.cookie)'" },
        { path: 'content[1].content[1]', reason: "node type 'iframe' is not allowed here" },
        { path: 'content[5].content[0].attrs.level', reason: 'heading level javascript: is not allowed; 2 used' },
        expect.objectContaining({ path: 'content[5].content[3].attrs.targetGroups[1]', reason: "unknown code 'foo'" }),
        expect.objectContaining({ path: 'content[5].content[3].attrs.estimatedCost' }),
        expect.objectContaining({ path: 'content[5].content[3].attrs.status' }),
        // The old shape's title attribute is no attribute of the new one.
        { path: 'content[5].content[3].attrs.title', reason: 'unknown attribute' },
        { path: 'content[5].content[3].attrs.onclick', reason: 'unknown attribute' },
        { path: 'content[5].content[3].content[1].content[0]', reason: "'heading' is not allowed in a block field" },
        { path: 'content[5].content[3].content[1].content[1].content[0].marks[0]', reason: "link to a disallowed address 'javascript:alert(2)'" },
        // Single-line fields hold plain text only; a list holds only its own entries.
        { path: 'content[5].content[3].content[0].content[0].marks', reason: 'a single-line field has no formatting' },
        { path: 'content[5].content[3].content[0].content[2]', reason: 'only text belongs in a single-line field' },
        { path: 'content[5].content[3].content[2].content[0]', reason: "'paragraph' is not a directionAction" },
        expect.objectContaining({ path: 'meta.kind' }),
        expect.objectContaining({ path: 'meta.period' }),
      ]),
    );

    const introduction = plan.sections[0];
    expect(introduction?.key).toBe('wstep');
    // The link mark is gone, the text stays; the paragraph is now plain text.
    expect(introduction?.blocks[0]).toEqual({ type: 'paragraph', text: 'Kliknij tutaj' });
    expect(introduction?.blocks).toHaveLength(4);

    const directions = plan.sections[4];
    expect(directions?.blocks[0]).toEqual({
      type: 'richText',
      node: { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Nagłówek' }] },
    });
    const attacked = directions?.blocks[3];
    expect(attacked).toMatchObject({
      type: 'interventionDirection',
      id: 'KI-1.2',
      // The title's text survives its bad link mark and the element pushed into it.
      title: 'Wczesne wsparcie rodzin w kryzysie, aby zapobiegać umieszczaniu dzieci poza rodziną',
      status: 'draft',
      targetGroups: ['olderPersons'],
      // The amount attribute was broken and the cost note's child deleted: defaults.
      estimatedCost: { amount: 0, currency: 'PLN', note: '' },
      goalRef: 'CS-1',
    });
    if (attacked?.type !== 'interventionDirection') throw new Error('KI-1.2 lost');
    // The heading inside the description is gone, the paragraph stays without its link.
    expect(attacked.description[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Zobacz opis' }] });
    expect(attacked.description).toHaveLength(2);
    // A node that is no action is skipped; an action whose id is not a string keeps its text.
    expect(attacked.actions.map((action) => action.id)).toEqual(['', 'KI-1.2.b', 'KI-1.2.c']);
    expect(attacked.actions[0]?.text).toMatch(/^Zwiększenie liczby asystentów/);
    expect(plan.kind).toBe('regional');
    expect(plan.sections).toHaveLength(9);
  });

  it('reports nothing for a document written by the editor', () => {
    const imported = importPlan(samplePlanJson());
    if (!imported.ok) throw new Error('sample must import');
    const doc = new Y.Doc();
    writePlanToYDoc(doc, imported.plan);
    expect(readPlanFromYDoc(doc).dropped).toEqual([]);
  });
});
