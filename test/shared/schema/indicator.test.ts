import { INDICATOR_ID_PREFIX } from '../../../shared/schema/indicator/index.js';
import { typedBlockNodeContract } from './typedBlockNodeContract.js';

typedBlockNodeContract({
  type: 'indicator',
  idPrefix: INDICATOR_ID_PREFIX,
  insert: (editor, attributes) => editor.commands.insertIndicator(attributes),
  filled: {
    id: 'W-03',
    name: 'Liczba miejsc w mieszkaniach treningowych i wspomaganych',
    kind: 'output',
    unit: 'miejsca',
    baseline: { value: 240, year: 2024 },
    target: { value: 400, year: 2028 },
    source: 'dane ROPS',
    frequency: 'annual',
    responsible: 'ROPS',
    goalRef: 'CS-3',
    directionRefs: ['KI-3.1', 'KI-4.1'],
  },
});
