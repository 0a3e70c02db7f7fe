// @vitest-environment jsdom
import { INDICATOR_ID_PREFIX } from '../../../shared/schema/indicator/index.js';
import { lineField } from '../planTestDocuments.js';
import { typedBlockNodeContract } from './typedBlockNodeContract.js';

typedBlockNodeContract({
  type: 'indicator',
  idPrefix: INDICATOR_ID_PREFIX,
  insert: (editor, attributes) => editor.commands.insertIndicator(attributes),
  attributes: {
    id: 'W-03',
    kind: 'output',
    unit: 'miejsca',
    baseline: { value: 240, year: 2024 },
    target: { value: 400, year: 2028 },
    frequency: 'annual',
    goalRef: 'CS-3',
    directionRefs: ['KI-3.1', 'KI-4.1'],
  },
  fields: [lineField('name', 'Liczba miejsc w mieszkaniach treningowych i wspomaganych'), lineField('source', 'dane ROPS'), lineField('responsible', 'ROPS')],
  textFieldNames: ['name', 'source', 'responsible'],
});
