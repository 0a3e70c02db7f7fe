import { describe, expect, it } from 'vitest';
import {
  adoptingBody,
  isTaxonomyCode,
  label,
  TAXONOMY_CODES,
  taxonomyEntries,
  taxonomyFileCodes,
  type TaxonomyListName,
} from '../../shared/domain/taxonomy.js';

describe('taxonomy', () => {
  it('types exactly the codes of taxonomy.json', () => {
    const fileCodes = taxonomyFileCodes();
    expect(Object.keys(fileCodes).sort()).toEqual(
      [
        'planKinds', 'targetGroups', 'areas', 'serviceTypes', 'fundingSources', 'blockStatuses',
        'documentStatuses', 'recommendationKinds', 'goalLevels', 'indicatorKinds', 'teamRoles',
      ].sort(),
    );
    for (const [list, codes] of Object.entries(fileCodes)) {
      expect(codes).toEqual([...TAXONOMY_CODES[list as TaxonomyListName]]);
    }
  });

  it('labels a code in Polish and English, telling lists with shared codes apart', () => {
    expect(label('targetGroups', 'mentalHealth', 'pl')).toBe('Osoby w kryzysie zdrowia psychicznego');
    expect(label('areas', 'mentalHealth', 'en')).toBe('Support for people in mental health crisis');
    expect(label('blockStatuses', 'draft', 'pl')).toBe('Szkic');
    expect(label('documentStatuses', 'draft', 'pl')).toBe('Projekt roboczy');
    expect(label('sectionStatuses', 'inReview', 'en')).toBe('In review');
    expect(label('fundingSources', 'UNKNOWN', 'pl')).toBe('UNKNOWN');
    expect(adoptingBody('cusProgram', 'pl')).toBe('Rada Gminy (uchwała – akt prawa miejscowego)');
  });

  it('lists entries with labels for every list and checks codes', () => {
    for (const list of Object.keys(TAXONOMY_CODES) as TaxonomyListName[]) {
      for (const entry of taxonomyEntries(list)) {
        expect(entry.pl).not.toBe(entry.code === entry.pl ? '' : entry.code);
        expect(entry.en).not.toBe('');
      }
    }
    expect(taxonomyEntries('recommendationKinds').map((entry) => entry.pl)).toEqual(['Rekomendacja', 'Model', 'Wytyczna']);
    expect(isTaxonomyCode('serviceTypes', 'housingFirst')).toBe(true);
    expect(isTaxonomyCode('serviceTypes', 'mentalHealth')).toBe(false);
    expect(isTaxonomyCode('areas', 7)).toBe(false);
  });
});
