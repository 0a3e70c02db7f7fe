// @vitest-environment jsdom
import { RECOMMENDATION_ID_PREFIX } from '../../../shared/schema/recommendation/index.js';
import { lineField, lineListField, richField } from '../planTestDocuments.js';
import { typedBlockNodeContract } from './typedBlockNodeContract.js';

typedBlockNodeContract({
  type: 'recommendation',
  idPrefix: RECOMMENDATION_ID_PREFIX,
  insert: (editor, attributes) => editor.commands.insertRecommendation(attributes),
  attributes: {
    id: 'R-04',
    kind: 'model',
    area: 'elderCare',
    targetGroups: ['olderPersons', 'dailyLivingSupport'],
    relatedDirections: ['KI-2.2'],
    status: 'underDiscussion',
    statusNote: 'Do uzgodnienia sposób finansowania.',
    proposedBy: 'm6',
  },
  fields: [
    lineField('title', 'DPS jako centrum usług środowiskowych'),
    richField('content', [
      'Model opisuje, jak dom pomocy społecznej może prowadzić dzienne pobyty.',
      {
        type: 'orderedList',
        attrs: { start: 1, type: null },
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Drugi akapit.', marks: [{ type: 'italic' }] }] }] }],
      },
    ]),
    richField('rationale', ['Wykorzystanie istniejącej kadry obniża koszt.']),
    lineListField('addressees', ['powiaty', 'dyrektorzy DPS']),
  ],
  textFieldNames: ['title', 'content', 'rationale', 'addressees'],
});
