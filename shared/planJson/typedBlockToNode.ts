import type { DirectionAction, DirectionIndicator, FundingShare } from '../domain/blockFields.js';
import type { TypedBlock, TypedBlockType } from '../domain/Plan.js';
import type { ProseMirrorNodeJson } from '../domain/ProseMirrorNodeJson.js';
import { richTextFromPlainText, type RichText } from '../domain/richText.js';

/**
 * How a typed block sits in the editor document: its small values as
 * attributes, every text a person types in a child node
 * (shared/schema/fields/). planToProseMirror, the insert commands and the
 * migration of old documents write blocks through here; typedBlockFromNode
 * reads them back.
 */
export function typedBlockToNode(block: TypedBlock): ProseMirrorNodeJson {
  switch (block.type) {
    case 'goal': {
      const { type, title, description, area, ...attrs } = block;
      return { type, attrs: { ...attrs, area: area ?? null }, content: [lineNode('title', title), richTextNode('description', description)] };
    }
    case 'interventionDirection': {
      const { type, title, description, actions, responsible, partners, indicators, fundingSources, estimatedCost, ...attrs } = block;
      return {
        type,
        attrs: { ...structuredClone(attrs), estimatedCost: { amount: estimatedCost.amount, currency: estimatedCost.currency } },
        content: [
          lineNode('title', title),
          richTextNode('description', description),
          { type: 'directionActionList', content: actions.map(actionNode) },
          lineListNode('responsible', responsible),
          lineListNode('partners', partners),
          { type: 'directionIndicatorList', content: indicators.map(indicatorRowNode) },
          { type: 'fundingShareList', content: fundingSources.map(fundingShareNode) },
          lineNode('costNote', estimatedCost.note),
        ],
      };
    }
    case 'recommendation': {
      const { type, title, content, rationale, addressees, ...attrs } = block;
      return {
        type,
        attrs: structuredClone(attrs),
        content: [lineNode('title', title), richTextNode('content', content), richTextNode('rationale', rationale), lineListNode('addressees', addressees)],
      };
    }
    case 'indicator': {
      const { type, name, source, responsible, ...attrs } = block;
      return { type, attrs: structuredClone(attrs), content: [lineNode('name', name), lineNode('source', source), lineNode('responsible', responsible)] };
    }
  }
}

/** The content of a freshly inserted block of this type, with the given attributes (e.g. its id). */
export function emptyTypedBlockContent(type: TypedBlockType): ProseMirrorNodeJson[] {
  switch (type) {
    case 'goal':
      return [lineNode('title', ''), richTextNode('description', richTextFromPlainText(''))];
    case 'interventionDirection':
      return [
        lineNode('title', ''),
        richTextNode('description', richTextFromPlainText('')),
        { type: 'directionActionList' },
        lineListNode('responsible', []),
        lineListNode('partners', []),
        { type: 'directionIndicatorList' },
        { type: 'fundingShareList' },
        lineNode('costNote', ''),
      ];
    case 'recommendation':
      return [lineNode('title', ''), richTextNode('content', richTextFromPlainText('')), richTextNode('rationale', richTextFromPlainText('')), lineListNode('addressees', [])];
    case 'indicator':
      return [lineNode('name', ''), lineNode('source', ''), lineNode('responsible', '')];
  }
}

function textContent(text: string): ProseMirrorNodeJson[] | undefined {
  return text === '' ? undefined : [{ type: 'text', text }];
}

function withContent(node: ProseMirrorNodeJson, content: ProseMirrorNodeJson[] | undefined): ProseMirrorNodeJson {
  return content === undefined ? node : { ...node, content };
}

function lineNode(field: string, text: string): ProseMirrorNodeJson {
  return withContent({ type: 'blockLine', attrs: { field } }, textContent(text));
}

function richTextNode(field: string, richText: RichText): ProseMirrorNodeJson {
  return { type: 'blockRichText', attrs: { field }, content: richText.length > 0 ? structuredClone(richText) : [{ type: 'paragraph' }] };
}

function lineListNode(field: string, items: readonly string[]): ProseMirrorNodeJson {
  return { type: 'blockLineList', attrs: { field }, content: items.map((item) => withContent({ type: 'blockLineItem' }, textContent(item))) };
}

function actionNode(action: DirectionAction): ProseMirrorNodeJson {
  return withContent({ type: 'directionAction', attrs: { id: action.id } }, textContent(action.text));
}

function indicatorRowNode(indicator: DirectionIndicator): ProseMirrorNodeJson {
  const { name, source, ...attrs } = indicator;
  return { type: 'directionIndicator', attrs: structuredClone(attrs), content: [lineNode('name', name), lineNode('source', source)] };
}

function fundingShareNode(share: FundingShare): ProseMirrorNodeJson {
  return { type: 'fundingShare', attrs: { ...share } };
}

