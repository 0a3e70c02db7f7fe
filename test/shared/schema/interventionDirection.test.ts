// @vitest-environment jsdom
import { INTERVENTION_DIRECTION_ID_PREFIX } from '../../../shared/schema/interventionDirection/index.js';
import {
  actionListField,
  fundingListField,
  indicatorListField,
  lineField,
  lineListField,
  planBlock,
  richField,
  samplePlan,
} from '../planTestDocuments.js';
import { typedBlockNodeContract } from './typedBlockNodeContract.js';

const { type: _type, title, description, actions, responsible, partners, indicators, fundingSources, estimatedCost, ...attributes } = planBlock(
  samplePlan(),
  'interventionDirection',
  'KI-3.1',
);
const { note, ...costAmount } = estimatedCost;
const link = { type: 'link', attrs: { href: 'https://example.org/', target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null } };

typedBlockNodeContract({
  type: 'interventionDirection',
  idPrefix: INTERVENTION_DIRECTION_ID_PREFIX,
  insert: (editor, given) => editor.commands.insertInterventionDirection(given),
  attributes: { ...attributes, estimatedCost: costAmount },
  fields: [
    lineField('title', title),
    richField('description', [
      ...description,
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'zobacz ' }, { type: 'text', text: 'opis', marks: [link] }] }] },
        ],
      },
    ]),
    actionListField(actions),
    lineListField('responsible', responsible),
    lineListField('partners', partners),
    indicatorListField(indicators),
    fundingListField(fundingSources),
    lineField('costNote', note === '' ? 'Koszt obejmuje remonty mieszkań.' : note),
  ],
  textFieldNames: ['title', 'description', 'actions', 'responsible', 'partners', 'indicators', 'fundingSources', 'costNote'],
});
