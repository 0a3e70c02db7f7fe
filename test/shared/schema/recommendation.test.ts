import { RECOMMENDATION_ID_PREFIX } from '../../../shared/schema/recommendation/index.js';
import { typedBlockNodeContract } from './typedBlockNodeContract.js';

typedBlockNodeContract({
  type: 'recommendation',
  idPrefix: RECOMMENDATION_ID_PREFIX,
  insert: (editor, attributes) => editor.commands.insertRecommendation(attributes),
  filled: {
    id: 'R-04',
    kind: 'model',
    title: 'DPS jako centrum usług środowiskowych',
    content: 'Model opisuje, jak dom pomocy społecznej może prowadzić dzienne pobyty.\nDrugi akapit.',
    rationale: 'Wykorzystanie istniejącej kadry obniża koszt.',
    addressees: ['powiaty', 'dyrektorzy DPS'],
    area: 'elderCare',
    targetGroups: ['olderPersons', 'dailyLivingSupport'],
    relatedDirections: ['KI-2.2'],
    status: 'underDiscussion',
    statusNote: 'Do uzgodnienia sposób finansowania.',
    proposedBy: 'm6',
  },
});
