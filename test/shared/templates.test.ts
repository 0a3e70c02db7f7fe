import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PLAN_KINDS } from '../../shared/domain/taxonomy.js';
import { importPlan } from '../../shared/planJson/importPlan.js';
import { readPlanFromYDoc } from '../../shared/planJson/readPlanFromYDoc.js';
import { writePlanToYDoc } from '../../shared/planJson/writePlanToYDoc.js';
import { planSchema } from '../../shared/schema/planExtensions.js';
import { createPlanContent, createPlanSections } from '../../shared/templates/createPlanContent.js';
import { PLAN_TEMPLATES } from '../../shared/templates/planTemplates.js';
import { samplePlan } from './planTestDocuments.js';

describe('plan templates', () => {
  it('gives each kind its canonical sections (README §1.1–1.3)', () => {
    expect(PLAN_TEMPLATES.regional.map((section) => section.key)).toEqual([
      'wstep', 'podstawy', 'zasady', 'diagnoza', 'cele', 'kierunki', 'rekomendacje', 'realizacja', 'finansowanie', 'monitoring', 'konsultacje', 'zalaczniki',
    ]);
    expect(PLAN_TEMPLATES.local.map((section) => section.key)).toEqual([
      'wstep', 'charakterystyka', 'zasoby', 'potrzeby', 'cele', 'dzialania', 'rekomendacje', 'koszty', 'monitoring', 'zalaczniki',
    ]);
    expect(PLAN_TEMPLATES.cusProgram.map((section) => section.key)).toEqual([
      'wstep', 'diagnoza', 'adresaci', 'uslugi', 'cele', 'realizacja', 'finansowanie', 'monitoring',
    ]);
    for (const kind of PLAN_KINDS) {
      for (const section of PLAN_TEMPLATES[kind]) {
        expect(section.title.pl).not.toBe('');
        expect(section.title.en).not.toBe('');
        expect(section.hint.pl).not.toBe('');
        expect(section.hint.en).not.toBe('');
      }
    }
  });

  it('creates a valid empty document in the requested language', () => {
    for (const kind of PLAN_KINDS) {
      for (const language of ['pl', 'en'] as const) {
        const content = createPlanContent(kind, language);
        expect(() => planSchema.nodeFromJSON(content).check()).not.toThrow();
        expect(content.content).toHaveLength(PLAN_TEMPLATES[kind].length);
        expect(content.content?.[0]).toEqual({
          type: 'planSection',
          attrs: {
            key: 'wstep',
            title: PLAN_TEMPLATES[kind][0]?.title[language],
            status: 'draft',
            responsibleUserId: null,
            hint: PLAN_TEMPLATES[kind][0]?.hint[language],
          },
          content: [{ type: 'paragraph' }],
        });
      }
    }
    expect(createPlanContent('local', 'pl').content?.[1]?.attrs?.['title']).toBe('Charakterystyka gminy / powiatu');
    expect(createPlanContent('local', 'en').content?.[1]?.attrs?.['title']).toBe('Profile of the municipality / county');
  });

  it('makes a new plan that imports, goes through a Y.Doc and comes back unchanged', () => {
    const { sections: _sections, ...meta } = samplePlan();
    const plan = { ...meta, id: 'lpdi-test', kind: 'local' as const, team: [], sections: createPlanSections('local', 'pl') };
    const imported = importPlan(plan);
    expect(imported.ok).toBe(true);
    const doc = new Y.Doc();
    if (imported.ok) writePlanToYDoc(doc, imported.plan);
    expect(readPlanFromYDoc(doc)).toEqual({ plan, dropped: [] });
  });
});
