import { GOAL_ID_PREFIX } from '../../../shared/schema/goal/index.js';
import { typedBlockNodeContract } from './typedBlockNodeContract.js';

typedBlockNodeContract({
  type: 'goal',
  idPrefix: GOAL_ID_PREFIX,
  insert: (editor, attributes) => editor.commands.insertGoal(attributes),
  filled: {
    id: 'CS-1',
    level: 'specific',
    parentId: 'CG',
    number: '1',
    title: 'Dzieci wychowują się w rodzinach własnych lub zastępczych.',
    description: 'Obszar wsparcia rodziny i pieczy zastępczej.',
    area: 'childFamily',
  },
});
