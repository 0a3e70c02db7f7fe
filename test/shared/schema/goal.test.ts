// @vitest-environment jsdom
import { GOAL_ID_PREFIX } from '../../../shared/schema/goal/index.js';
import { lineField, richField } from '../planTestDocuments.js';
import { typedBlockNodeContract } from './typedBlockNodeContract.js';

typedBlockNodeContract({
  type: 'goal',
  idPrefix: GOAL_ID_PREFIX,
  insert: (editor, attributes) => editor.commands.insertGoal(attributes),
  attributes: { id: 'CS-1', level: 'specific', parentId: 'CG', number: '1', area: 'childFamily' },
  fields: [
    lineField('title', 'Dzieci wychowują się w rodzinach własnych lub zastępczych.'),
    richField('description', [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Obszar ' },
          { type: 'text', text: 'wsparcia rodziny', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' i pieczy zastępczej.' },
        ],
      },
    ]),
  ],
  textFieldNames: ['title', 'description'],
});
