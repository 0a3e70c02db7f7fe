import type { TFunction } from 'i18next';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../shared/deliberation/ProposalState.js';
import type { BlockChange } from '../../shared/versions/comparePlans.js';
import type { FieldChange } from '../../shared/versions/diffFields.js';
import type { TextPart } from '../../shared/versions/TextPart.js';
import { describeField } from './describeField.js';
import { formatFieldValue } from './formatFieldValue.js';

export interface BlockChangeDescription {
  /** "Dodano kierunek KI-2.3 „…”", "Zmieniono KI-1.1 „…”", "Status KI-1.1 „…”: w dyskusji → uzgodniony". */
  summary: string;
  /** One line per changed field. */
  details: BlockChangeDetail[];
}

/**
 * An attribute as a sentence ("wskaźniki[1] wartość docelowa: 120 → 150"), or
 * typed text as its label ("opis: ") followed by the change word by word.
 */
export type BlockChangeDetail =
  | { kind: 'value'; text: string }
  | { kind: 'text'; label: string; parts: TextPart[]; note: string | null };

const BLOCK_TYPES = ['interventionDirection', 'recommendation', 'goal', 'indicator'] as const;
type KnownBlockType = (typeof BLOCK_TYPES)[number];
const isKnownBlockType = (type: string): type is KnownBlockType => (BLOCK_TYPES as readonly string[]).includes(type);
const isStatus = (status: string): status is ProposalStatus => (PROPOSAL_STATUSES as readonly string[]).includes(status);

/** One structured change of a comparison in words, in the UI language. */
export function describeBlockChange(change: BlockChange, language: string, t: TFunction): BlockChangeDescription {
  const names = { id: change.blockId, title: change.title };
  switch (change.kind) {
    case 'added':
    case 'removed': {
      const type = isKnownBlockType(change.blockType) ? t(`versions.blockType.${change.blockType}`) : change.blockType;
      return { summary: t(`versions.change.${change.kind}`, { ...names, type }), details: [] };
    }
    case 'changed':
      return {
        summary: t('versions.change.changed', names),
        details: change.changes.map((field) => describeFieldChange(field, language, t)),
      };
    case 'statusChanged': {
      const status = (value: string): string => (isStatus(value) ? t(`versions.status.${value}`) : value);
      return { summary: t('versions.change.statusChanged', { ...names, from: status(change.from), to: status(change.to) }), details: [] };
    }
  }
}

function describeFieldChange(change: FieldChange, language: string, t: TFunction): BlockChangeDetail {
  const field = describeField(change.field, t);
  if (change.parts !== undefined) {
    const note = change.formattingChanged === true ? t('versions.change.formattingChanged') : null;
    return { kind: 'text', label: t('versions.change.textField', { field }), parts: change.parts, note };
  }
  return {
    kind: 'value',
    text: t('versions.change.field', { field, from: formatFieldValue(change.from, language, t), to: formatFieldValue(change.to, language, t) }),
  };
}
