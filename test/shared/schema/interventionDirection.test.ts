import { INTERVENTION_DIRECTION_ID_PREFIX } from '../../../shared/schema/interventionDirection/index.js';
import { samplePlanJson } from '../planTestDocuments.js';
import { typedBlockNodeContract } from './typedBlockNodeContract.js';

const direction = samplePlanJson()
  .sections.flatMap((section) => section.blocks)
  .find((block) => block.type === 'interventionDirection' && block.id === 'KI-3.1');
if (direction?.type !== 'interventionDirection') throw new Error('sample plan lost KI-3.1');
const { type: _type, ...filled } = direction;

typedBlockNodeContract({
  type: 'interventionDirection',
  idPrefix: INTERVENTION_DIRECTION_ID_PREFIX,
  insert: (editor, attributes) => editor.commands.insertInterventionDirection(attributes),
  filled,
});
