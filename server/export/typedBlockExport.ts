import type { GoalBlock, IndicatorBlock, InterventionDirectionBlock, RecommendationBlock } from '../../shared/domain/Plan.js';
import { label, type TaxonomyListName } from '../../shared/domain/taxonomy.js';
import type { ExportBlock, ExportHeading, ExportTable, ExportTableRow } from './ExportDocument.js';
import { proposalStatusLabel } from '../../shared/deliberation/proposalStatusLabel.js';
import { EXPORT_LABELS as L } from './exportLabels.js';
import { formatAmount, formatMoney, formatMonth, formatNumber, toGrosze } from './polishFormats.js';
import { richTextFieldBlocks, richTextFieldPlainText } from './richTextFieldExport.js';
import { finiteNumberOf, listOf, recordOf, textListOf, textOf } from './untrustedValues.js';

/** What the block tables need to know about the rest of the plan. */
export interface BlockExportContext {
  /** The recorded status (not the block attribute). */
  statusOf(blockId: string): string;
  goalTitle(goalId: string): string | null;
  directionTitle(directionId: string): string | null;
  memberName(memberId: string): string | null;
  /** What the decision register says about a proposal: who proposed it and the note of the decision on it. */
  registerEntryOf(blockId: string): RegisterEntry;
  /** The heading for a block: numbered in the plan text, unnumbered in an annex. */
  heading(level: 2 | 3, text: string): ExportHeading;
}

export interface RegisterEntry {
  proposer: string | null;
  /** The note of the latest agreed/rejected decision while that is the recorded status. */
  decisionNote: string | null;
}

export function codeLabel(list: TaxonomyListName, code: unknown): string {
  const text = textOf(code);
  return text === '' ? L.none : label(list, text, 'pl');
}

export function statusLabel(status: string): string {
  return status === '' ? L.none : proposalStatusLabel(status, 'pl');
}

function lines(values: string[]): string {
  return values.length === 0 ? L.none : values.join('\n');
}

function orDash(text: string): string {
  return text === '' ? L.none : text;
}

function definitionTable(caption: string, rows: Array<[string, string]>): ExportTable {
  return {
    kind: 'table',
    caption,
    header: [L.field, L.value],
    rows: rows.map(([field, value]) => ({ cells: [field, orDash(value)] })),
    hasRowHeaders: true,
    widths: [1, 3],
    align: ['left', 'left'],
  };
}

function measured(value: unknown): string {
  const { value: amount, year } = recordOf(value);
  const number = finiteNumberOf(amount);
  const yearNumber = finiteNumberOf(year);
  if (number === null && yearNumber === null) return L.none;
  return `${formatNumber(number)}${yearNumber === null ? '' : ` (${yearNumber})`}`;
}

function directionName(block: InterventionDirectionBlock): string {
  const number = textOf(block.number) || textOf(block.id);
  return number === '' ? L.direction : `${L.direction} ${number}`;
}

export function directionBlocks(block: InterventionDirectionBlock, context: BlockExportContext): ExportBlock[] {
  const name = directionName(block);
  const title = textOf(block.title);
  const goalRef = textOf(block.goalRef);
  const goalTitle = goalRef === '' ? null : context.goalTitle(goalRef);
  const cost = recordOf(block.estimatedCost);
  const costAmount = finiteNumberOf(cost['amount']);
  const costNote = textOf(cost['note']);
  const currency = textOf(cost['currency']) || 'PLN';
  const timeframe = recordOf(block.timeframe);
  const start = formatMonth(textOf(timeframe['start']));
  const end = formatMonth(textOf(timeframe['end']));
  const blocks: ExportBlock[] = [context.heading(2, title === '' ? name : `${name}. ${title}`)];
  blocks.push(...richTextFieldBlocks(block.description));
  blocks.push(
    definitionTable(`${name} – karta kierunku`, [
      [L.direction, [textOf(block.id), title].filter(Boolean).join(' – ')],
      [L.area, codeLabel('areas', block.area)],
      [L.targetGroups, lines(textListOf(block.targetGroups).map((code) => codeLabel('targetGroups', code)))],
      [L.goal, goalRef === '' ? '' : goalTitle === null ? goalRef : `${goalRef} – ${goalTitle}`],
      [L.serviceTypes, lines(textListOf(block.serviceTypes).map((code) => codeLabel('serviceTypes', code)))],
      [L.responsible, lines(textListOf(block.responsible))],
      [L.partners, lines(textListOf(block.partners))],
      [L.timeframe, start === L.none && end === L.none ? '' : `${start} – ${end}`],
      [L.estimatedCost, costAmount === null ? '' : `${formatMoney(costAmount, currency)}${costNote === '' ? '' : `\n${costNote}`}`],
      [L.status, statusLabel(context.statusOf(textOf(block.id)))],
      ...decisionRows(context, textOf(block.id), '', ''),
    ]),
  );
  const actions = listOf<unknown>(block.actions).map((action) => textOf(recordOf(action)['text'])).filter(Boolean);
  if (actions.length > 0) {
    blocks.push({ kind: 'paragraph', runs: [{ text: `${L.actions}:`, bold: true }], variant: 'body' });
    blocks.push({ kind: 'list', ordered: false, items: actions.map((text) => ({ runs: [{ text }], children: [] })) });
  }
  const indicators = listOf<unknown>(block.indicators).map(recordOf);
  if (indicators.length > 0) {
    blocks.push({
      kind: 'table',
      caption: `${L.indicators} – ${name.toLowerCase()}`,
      header: [L.indicatorName, L.unit, L.baseline, L.target, L.source],
      rows: indicators.map((indicator) => ({
        cells: [orDash(textOf(indicator['name'])), orDash(textOf(indicator['unit'])), measured(indicator['baseline']), measured(indicator['target']), orDash(textOf(indicator['source']))],
      })),
      hasRowHeaders: false,
      widths: [3.2, 1.2, 1.4, 1.4, 1.8],
      align: ['left', 'left', 'right', 'right', 'left'],
    });
  }
  const shares = listOf<unknown>(block.fundingSources).map(recordOf);
  if (shares.length > 0) {
    blocks.push(financingTable(`${L.fundingSources} – ${name.toLowerCase()}`, shares.map((share) => [textOf(share['code']), finiteNumberOf(share['amount'])])));
  }
  return blocks;
}

/**
 * The card rows a proposal owes the reader: the decision note and the proposer, as the register records them
 * (the block's own statusNote / proposedBy only where the register has nothing).
 */
function decisionRows(context: BlockExportContext, id: string, statusNote: string, proposedBy: string): Array<[string, string]> {
  const entry = context.registerEntryOf(id);
  const proposer = entry.proposer ?? (proposedBy === '' ? '' : (context.memberName(proposedBy) ?? proposedBy));
  return [
    [L.statusNote, entry.decisionNote ?? statusNote],
    [L.proposedBy, proposer],
  ];
}

/** Source → amount rows with a total; amounts that are not numbers show as a dash and count as nothing. */
export function financingTable(caption: string, shares: Array<[string, number | null]>): ExportTable {
  // Summed in whole grosze, so the total is exact.
  const total = shares.reduce((sum, [, amount]) => sum + (amount === null ? 0 : toGrosze(amount)), 0) / 100;
  const rows: ExportTableRow[] = shares.map(([code, amount]) => ({ cells: [codeLabel('fundingSources', code), formatAmount(amount)] }));
  rows.push({ cells: [L.total, formatAmount(total)], isTotal: true });
  return { kind: 'table', caption, header: [L.fundingSource, L.amountPln], rows, hasRowHeaders: false, widths: [3, 1], align: ['left', 'right'] };
}

export function recommendationBlocks(block: RecommendationBlock, context: BlockExportContext): ExportBlock[] {
  const kind = codeLabel('recommendationKinds', block.kind);
  const id = textOf(block.id);
  const title = textOf(block.title);
  const name = [kind === L.none ? 'Rekomendacja' : kind, id].filter(Boolean).join(' ');
  const proposedBy = textOf(block.proposedBy);
  const related = textListOf(block.relatedDirections).map((directionId) => {
    const directionTitle = context.directionTitle(directionId);
    return directionTitle === null ? directionId : `${directionId} – ${directionTitle}`;
  });
  const blocks: ExportBlock[] = [context.heading(2, title === '' ? name : `${name}. ${title}`)];
  blocks.push(...richTextFieldBlocks(block.content));
  // The rationale is prose with its own formatting, so it follows the content instead of sitting in a plain table cell.
  const rationale = richTextFieldBlocks(block.rationale);
  if (rationale.length > 0) blocks.push({ kind: 'paragraph', runs: [{ text: `${L.rationale}:`, bold: true }], variant: 'body' }, ...rationale);
  blocks.push(
    definitionTable(`${name} – karta rekomendacji`, [
      [L.kind, kind],
      [L.addressees, lines(textListOf(block.addressees))],
      [L.area, codeLabel('areas', block.area)],
      [L.targetGroups, lines(textListOf(block.targetGroups).map((code) => codeLabel('targetGroups', code)))],
      [L.relatedDirections, lines(related)],
      [L.status, statusLabel(context.statusOf(id))],
      ...decisionRows(context, id, textOf(block.statusNote), proposedBy),
    ]),
  );
  return blocks;
}

export function goalsTable(goals: GoalBlock[], caption: string): ExportTable {
  return {
    kind: 'table',
    caption,
    header: [L.goalId, L.goalLevel, L.goal, L.area],
    rows: goals.map((goal) => {
      const title = textOf(goal.title);
      // A cell holds plain text: the description's lists keep their markers, its marks are dropped.
      const description = richTextFieldPlainText(goal.description);
      const id = textOf(goal.id);
      const number = textOf(goal.number);
      return {
        cells: [
          orDash([id, number === '' ? '' : `(${number})`].filter(Boolean).join(' ')),
          codeLabel('goalLevels', goal.level),
          orDash([title, description].filter(Boolean).join('\n')),
          goal.area === undefined ? L.none : codeLabel('areas', goal.area),
        ],
      };
    }),
    hasRowHeaders: false,
    widths: [1, 1.3, 4.2, 1.8],
    align: ['left', 'left', 'left', 'left'],
  };
}

export function indicatorsTable(indicators: IndicatorBlock[], caption: string): ExportTable {
  return {
    kind: 'table',
    caption,
    header: [L.indicatorName, L.indicatorKind, L.unit, L.baseline, L.target, `${L.source} / ${L.indicatorResponsible.toLowerCase()}`, L.frequency],
    rows: indicators.map((indicator) => ({
      cells: [
        orDash([textOf(indicator.id), textOf(indicator.name)].filter(Boolean).join(' ')),
        codeLabel('indicatorKinds', indicator.kind),
        orDash(textOf(indicator.unit)),
        measured(indicator.baseline),
        measured(indicator.target),
        orDash([textOf(indicator.source), textOf(indicator.responsible)].filter(Boolean).join('\n')),
        codeLabel('indicatorFrequencies', indicator.frequency),
      ],
    })),
    hasRowHeaders: false,
    widths: [3, 1.4, 1.1, 1.3, 1.3, 1.9, 1.2],
    align: ['left', 'left', 'left', 'right', 'right', 'left', 'left'],
    // Seven columns break words ("Wskaźni/k") on an upright page.
    orientation: 'landscape',
  };
}
