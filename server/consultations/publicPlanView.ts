import type { GoalBlock, IndicatorBlock, PlanBlock } from '../../shared/domain/Plan.js';
import type { PublicPlanPart, PublicPlanSection, PublicPlanView } from '../../shared/consultations/Consultation.js';
import type { ExportBlock, ExportTable } from '../export/ExportDocument.js';
import { EXPORT_LABELS as L } from '../export/exportLabels.js';
import { HeadingNumbering } from '../export/HeadingNumbering.js';
import { formatLongDate, formatPeriod } from '../export/polishFormats.js';
import { richTextToExportBlocks } from '../export/richTextToExportBlocks.js';
import { textParagraphs } from '../export/textParagraphs.js';
import { codeLabel, directionBlocks, goalsTable, indicatorsTable, recommendationBlocks, type BlockExportContext } from '../export/typedBlockExport.js';
import { listOf, recordOf, textOf } from '../export/untrustedValues.js';
import type { VersionSnapshot } from '../versions/VersionService.js';

// Rows of a block card that speak of the team (who proposed, the decision's note), not of the plan.
const TEAM_ROWS = new Set<string>([L.proposedBy, L.statusNote]);

/**
 * The agreed version as the public reads it: the export's own wording, by
 * section and typed block, so a remark can point at either. Rejected
 * proposals are not part of the agreed text and the team (members, decision
 * register, comments) is never read, so none of it can reach the page.
 */
export function publicPlanView(snapshot: VersionSnapshot): PublicPlanView {
  const plan = snapshot.plan;
  const statuses = recordOf(snapshot.statuses);
  const statusOf = (blockId: string): string => textOf(statuses[blockId]) || 'draft';
  const sections = listOf<unknown>(plan.sections).map(recordOf);
  const allBlocks = sections.flatMap((section) => listOf<unknown>(section['blocks']).map(recordOf) as unknown as PlanBlock[]);
  const isRejectedProposal = (block: PlanBlock): boolean =>
    (block.type === 'interventionDirection' || block.type === 'recommendation') && statusOf(textOf(block.id)) === 'rejected';
  const titleOf = (type: string, id: string): string | null => {
    const found = allBlocks.find((block) => block.type === type && 'id' in block && block.id === id);
    return found !== undefined && 'title' in found ? textOf(found.title) || null : null;
  };
  const numbering = new HeadingNumbering();
  const context: BlockExportContext = {
    statusOf,
    goalTitle: (id) => titleOf('goal', id),
    directionTitle: (id) => titleOf('interventionDirection', id),
    memberName: () => null,
    registerEntryOf: () => ({ proposer: '', decisionNote: '' }),
    heading: (level, text) => numbering.numbered(level, text),
  };

  const result: PublicPlanSection[] = [];
  const usedKeys = new Set<string>();
  sections.forEach((section, index) => {
    const heading = numbering.numbered(1, sectionTitle(section['title']));
    // Keys identify the section a remark concerns; one missing or repeated still gets its own.
    let key = textOf(section['key']) || `section-${index + 1}`;
    if (usedKeys.has(key)) key = `${key}-${index + 1}`;
    usedKeys.add(key);
    const blocks = (listOf<unknown>(section['blocks']).map(recordOf) as unknown as PlanBlock[]).filter((block) => !isRejectedProposal(block));
    result.push({ key, number: heading.number, title: heading.text, parts: sectionParts(blocks, context, numbering) });
  });

  const version = snapshot.version;
  const period = recordOf(plan.period);
  return {
    title: textOf(plan.title) || 'Plan',
    kindLabel: codeLabel('planKinds', plan.kind),
    territory: textOf(recordOf(plan.territory)['name']),
    period: formatPeriod(period['from'], period['to']),
    versionLine:
      version?.agreed
        ? `Wersja uzgodniona nr ${version.agreed.number}, decyzja zespołu z dnia ${formatLongDate(textOf(version.agreed.decisionDate))}`
        : '',
    sections: result,
  };
}

function sectionParts(blocks: PlanBlock[], context: BlockExportContext, numbering: HeadingNumbering): PublicPlanPart[] {
  const parts: PublicPlanPart[] = [];
  const runningText = (content: ExportBlock[]): void => {
    const last = parts[parts.length - 1];
    if (last !== undefined && last.blockId === null) last.content.push(...content);
    else parts.push({ blockId: null, label: '', content });
  };
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        runningText(textParagraphs(textOf(block.text)));
        break;
      case 'richText':
        runningText(richTextToExportBlocks(block.node, numbering));
        break;
      case 'interventionDirection':
      case 'recommendation': {
        const content = (block.type === 'interventionDirection' ? directionBlocks(block, context) : recommendationBlocks(block, context)).map(withoutTeamRows);
        const [heading] = content;
        parts.push({ blockId: textOf(block.id), label: heading?.kind === 'heading' ? `${heading.number} ${heading.text}` : textOf(block.id), content });
        break;
      }
      case 'goal':
      case 'indicator': {
        const table = block.type === 'goal' ? goalsTable([block as GoalBlock], L.goalsTable) : indicatorsTable([block as IndicatorBlock], L.monitoringTable);
        const name = block.type === 'goal' ? textOf(block.title) : textOf(block.name);
        parts.push({ blockId: textOf(block.id), label: [textOf(block.id), name].filter(Boolean).join(' – '), content: [table] });
        break;
      }
      default:
        break;
    }
  }
  return parts.filter((part) => part.content.length > 0 || part.blockId !== null);
}

function withoutTeamRows(block: ExportBlock): ExportBlock {
  if (block.kind !== 'table' || !block.hasRowHeaders) return block;
  const table: ExportTable = { ...block, rows: block.rows.filter((row) => !TEAM_ROWS.has(row.cells[0] ?? '')) };
  return table;
}

function sectionTitle(value: unknown): string {
  const title = textOf(value).replace(/^\s*\d+(\.\d+)*\.?\s+/, '').trim();
  return title === '' ? 'Bez tytułu' : title;
}
