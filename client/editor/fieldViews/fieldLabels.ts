import { plainLabel } from '../../i18n/plainLabel.js';

/**
 * The i18n key of each text field by its `field` name; the names are unique
 * across block types except `responsible`, a list in a direction and a single
 * line in an indicator.
 */
const LABEL_KEYS = {
  title: 'blocks.common.title',
  description: 'blocks.common.description',
  costNote: 'blocks.direction.costNote',
  responsible: 'blocks.direction.responsible',
  partners: 'blocks.direction.partners',
  actions: 'blocks.direction.actions',
  indicators: 'blocks.direction.indicators',
  fundingSources: 'blocks.direction.fundingSources',
  content: 'blocks.recommendation.content',
  rationale: 'blocks.recommendation.rationale',
  addressees: 'blocks.recommendation.addressees',
  name: 'blocks.indicator.name',
  source: 'blocks.indicator.source',
} as const;

const LINE_LABEL_KEYS = { responsible: 'blocks.indicator.responsible' } as const;

const ADD_LABEL_KEYS = {
  responsible: 'blocks.direction.addResponsible',
  partners: 'blocks.direction.addPartner',
  addressees: 'blocks.recommendation.addAddressee',
  actions: 'blocks.direction.addAction',
  indicators: 'blocks.direction.addIndicator',
  fundingSources: 'blocks.direction.addFunding',
} as const;

/** The label of a field in the current language (`isLine`: a single-line field rather than a list). */
export function fieldLabel(field: string, isLine = false): string {
  const key = (isLine ? lookup(LINE_LABEL_KEYS, field) : undefined) ?? lookup(LABEL_KEYS, field);
  return key === undefined ? field : plainLabel(key);
}

/** The label of a list's add button, e.g. "Dodaj działanie". */
export function addLabel(field: string): string {
  const key = lookup(ADD_LABEL_KEYS, field);
  return key === undefined ? field : plainLabel(key);
}

function lookup<Keys extends Record<string, string>>(keys: Keys, field: string): Keys[keyof Keys] | undefined {
  return Object.hasOwn(keys, field) ? keys[field as keyof Keys] : undefined;
}
