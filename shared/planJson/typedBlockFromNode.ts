import {
  directionIndicatorAttributeFields,
  fundingShareAttributeFields,
  TYPED_BLOCK_ATTRIBUTE_FIELDS,
  type DirectionAction,
  type DirectionIndicator,
  type FundingShare,
} from '../domain/blockFields.js';
import type { TypedBlock, TypedBlockType } from '../domain/Plan.js';
import { RICH_TEXT_BLOCK_TYPES, richTextFromPlainText, type RichText } from '../domain/richText.js';
import { coerceBlockAttributes } from './coerceBlockAttributes.js';
import type { DroppedContent } from './DroppedContent.js';
import { isPlainObject } from './isPlainObject.js';
import { sanitizeRichTextNode } from './sanitizeRichTextNode.js';

/**
 * A typed block read from untrusted editor JSON (the layout typedBlockToNode
 * writes): never throws; what does not fit is defaulted and listed in `dropped`.
 */
export function typedBlockFromNode(type: TypedBlockType, node: Record<string, unknown>, path: string, dropped: DroppedContent[]): TypedBlock {
  const fields = new BlockChildren(node, path, dropped);
  const attrsPath = `${path}.attrs`;
  switch (type) {
    case 'goal': {
      const { area, ...attrs } = coerceBlockAttributes(TYPED_BLOCK_ATTRIBUTE_FIELDS.goal, node['attrs'], attrsPath, dropped);
      const block = { type, ...attrs, title: fields.line('title'), description: fields.richText('description') };
      return area === null ? block : { ...block, area };
    }
    case 'interventionDirection': {
      const { estimatedCost, ...attrs } = coerceBlockAttributes(TYPED_BLOCK_ATTRIBUTE_FIELDS.interventionDirection, node['attrs'], attrsPath, dropped);
      return {
        type,
        id: attrs.id,
        number: attrs.number,
        title: fields.line('title'),
        area: attrs.area,
        targetGroups: attrs.targetGroups,
        goalRef: attrs.goalRef,
        serviceTypes: attrs.serviceTypes,
        description: fields.richText('description'),
        actions: fields.actions(),
        responsible: fields.lineList('responsible'),
        partners: fields.lineList('partners'),
        timeframe: attrs.timeframe,
        indicators: fields.indicators(),
        estimatedCost: { ...estimatedCost, note: fields.line('costNote') },
        fundingSources: fields.fundingShares(),
        status: attrs.status,
      };
    }
    case 'recommendation': {
      const attrs = coerceBlockAttributes(TYPED_BLOCK_ATTRIBUTE_FIELDS.recommendation, node['attrs'], attrsPath, dropped);
      return {
        type,
        id: attrs.id,
        kind: attrs.kind,
        title: fields.line('title'),
        content: fields.richText('content'),
        rationale: fields.richText('rationale'),
        addressees: fields.lineList('addressees'),
        area: attrs.area,
        targetGroups: attrs.targetGroups,
        relatedDirections: attrs.relatedDirections,
        status: attrs.status,
        statusNote: attrs.statusNote,
        proposedBy: attrs.proposedBy,
      };
    }
    case 'indicator': {
      const attrs = coerceBlockAttributes(TYPED_BLOCK_ATTRIBUTE_FIELDS.indicator, node['attrs'], attrsPath, dropped);
      return {
        type,
        id: attrs.id,
        name: fields.line('name'),
        kind: attrs.kind,
        unit: attrs.unit,
        baseline: attrs.baseline,
        target: attrs.target,
        source: fields.line('source'),
        frequency: attrs.frequency,
        responsible: fields.line('responsible'),
        goalRef: attrs.goalRef,
        directionRefs: attrs.directionRefs,
      };
    }
  }
}

/** The child field nodes of one block, looked up by their `field` attribute or node type. */
class BlockChildren {
  private readonly children: { node: Record<string, unknown>; path: string }[] = [];

  constructor(
    node: Record<string, unknown>,
    private readonly path: string,
    private readonly dropped: DroppedContent[],
  ) {
    this.children = childrenOf(node, path, dropped);
  }

  line(field: string): string {
    const child = this.find('blockLine', field);
    return child === undefined ? '' : inlineText(child.node, child.path, this.dropped);
  }

  richText(field: string): RichText {
    const child = this.find('blockRichText', field);
    if (child === undefined) return richTextFromPlainText('');
    const blocks: RichText = [];
    for (const { node, path } of childrenOf(child.node, child.path, this.dropped)) {
      if (!(RICH_TEXT_BLOCK_TYPES as readonly unknown[]).includes(node['type'])) {
        this.dropped.push({ path, reason: `'${String(node['type'])}' is not allowed in a block field` });
        continue;
      }
      const sanitized = sanitizeRichTextNode(node, path, this.dropped);
      if (sanitized !== null) blocks.push(sanitized);
    }
    return blocks.length > 0 ? blocks : richTextFromPlainText('');
  }

  lineList(field: string): string[] {
    const child = this.find('blockLineList', field);
    if (child === undefined) return [];
    return childrenOf(child.node, child.path, this.dropped)
      .filter((entry) => this.isOfType(entry, 'blockLineItem'))
      .map(({ node, path }) => inlineText(node, path, this.dropped));
  }

  actions(): DirectionAction[] {
    const child = this.find('directionActionList');
    if (child === undefined) return [];
    return childrenOf(child.node, child.path, this.dropped)
      .filter((entry) => this.isOfType(entry, 'directionAction'))
      .map(({ node, path }) => {
        const attrs = isPlainObject(node['attrs']) ? node['attrs'] : {};
        return { id: typeof attrs['id'] === 'string' ? attrs['id'] : '', text: inlineText(node, path, this.dropped) };
      });
  }

  indicators(): DirectionIndicator[] {
    const child = this.find('directionIndicatorList');
    if (child === undefined) return [];
    return childrenOf(child.node, child.path, this.dropped)
      .filter((entry) => this.isOfType(entry, 'directionIndicator'))
      .map(({ node, path }) => {
        const attrs = coerceBlockAttributes(directionIndicatorAttributeFields, node['attrs'], `${path}.attrs`, this.dropped);
        const row = new BlockChildren(node, path, this.dropped);
        return { name: row.line('name'), unit: attrs.unit, baseline: attrs.baseline, target: attrs.target, source: row.line('source') };
      });
  }

  fundingShares(): FundingShare[] {
    const child = this.find('fundingShareList');
    if (child === undefined) return [];
    return childrenOf(child.node, child.path, this.dropped)
      .filter((entry) => this.isOfType(entry, 'fundingShare'))
      .map(({ node, path }) => coerceBlockAttributes(fundingShareAttributeFields, node['attrs'], `${path}.attrs`, this.dropped));
  }

  /** Entries of a list that are not of the list's entry type are left out, and said so. */
  private isOfType({ node, path }: { node: Record<string, unknown>; path: string }, type: string): boolean {
    if (node['type'] === type) return true;
    this.dropped.push({ path, reason: `'${String(node['type'])}' is not a ${type}` });
    return false;
  }

  private find(type: string, field?: string): { node: Record<string, unknown>; path: string } | undefined {
    return this.children.find(({ node }) => node['type'] === type && (field === undefined || fieldOf(node) === field));
  }
}

function fieldOf(node: Record<string, unknown>): unknown {
  return isPlainObject(node['attrs']) ? node['attrs']['field'] : undefined;
}

function childrenOf(node: Record<string, unknown>, path: string, dropped: DroppedContent[]): { node: Record<string, unknown>; path: string }[] {
  const content = node['content'];
  if (content === undefined) return [];
  if (!Array.isArray(content)) {
    dropped.push({ path: `${path}.content`, reason: 'not a list of nodes' });
    return [];
  }
  const children: { node: Record<string, unknown>; path: string }[] = [];
  content.forEach((child: unknown, index) => {
    const childPath = `${path}.content[${index}]`;
    if (isPlainObject(child)) children.push({ node: child, path: childPath });
    else dropped.push({ path: childPath, reason: 'not a node' });
  });
  return children;
}

/** The text of a single-line field: marks and anything but text are left out (the schema allows neither) and said so. */
function inlineText(node: Record<string, unknown>, path: string, dropped: DroppedContent[]): string {
  const content = node['content'];
  if (content === undefined) return '';
  if (!Array.isArray(content)) {
    dropped.push({ path: `${path}.content`, reason: 'not a list of nodes' });
    return '';
  }
  let text = '';
  content.forEach((child: unknown, index) => {
    if (isPlainObject(child) && child['type'] === 'text' && typeof child['text'] === 'string') {
      text += child['text'];
      if (Array.isArray(child['marks']) && child['marks'].length > 0) dropped.push({ path: `${path}.content[${index}].marks`, reason: 'a single-line field has no formatting' });
    } else {
      dropped.push({ path: `${path}.content[${index}]`, reason: 'only text belongs in a single-line field' });
    }
  });
  return text;
}
