import type { GoalBlock, IndicatorBlock, InterventionDirectionBlock, Plan, PlanBlock, RecommendationBlock } from '../../shared/domain/Plan.js';
import { adoptingBody } from '../../shared/domain/taxonomy.js';
import type { DecisionRecord } from '../../shared/deliberation/ProposalState.js';
import type { ExportInput } from './ExportFormat.js';
import type { ExportBlock, ExportDocument, ExportTable, ExportTableRow, TitlePage } from './ExportDocument.js';
import { EXPORT_LABELS as L, VOTE_LABELS } from './exportLabels.js';
import { HeadingNumbering } from './HeadingNumbering.js';
import { annexLine } from './annexLine.js';
import { documentStatusLine } from './documentStatusLine.js';
import { formatLongDate, formatPeriod, formatShortDate } from './polishFormats.js';
import { registerEntries } from './registerEntries.js';
import { decisionMethodText } from './decisionMethodText.js';
import { richTextToExportBlocks } from './richTextToExportBlocks.js';
import { textParagraphs } from './textParagraphs.js';
import {
  codeLabel,
  directionBlocks,
  financingTable,
  goalsTable,
  indicatorsTable,
  recommendationBlocks,
  statusLabel,
  type BlockExportContext,
} from './typedBlockExport.js';
import { finiteNumberOf, listOf, recordOf, textOf } from './untrustedValues.js';
import { REMARKS_TABLE_TITLE, remarksTableBlock } from '../consultations/remarksTableDocument.js';
import type { RemarksAnnex } from '../../shared/consultations/RemarksAnnex.js';

type ProposalBlock = InterventionDirectionBlock | RecommendationBlock;

// Sections where the plan-wide financing summary belongs (regional and local templates).
const FINANCING_SECTION_KEYS = new Set(['finansowanie', 'koszty']);

/**
 * The one export document of a snapshot (see ExportDocument). Statuses are
 * the recorded ones; in an agreed version rejected proposals leave the text
 * and, on request, move to an annex, and the decision register is annexed.
 */
export function buildExportDocument({ snapshot, options, generatedAt }: ExportInput): ExportDocument {
  const plan = snapshot.plan;
  const version = snapshot.version;
  const isAgreed = version?.kind === 'agreed';
  const statuses = recordOf(snapshot.statuses);
  const statusOf = (blockId: string): string => textOf(statuses[blockId]) || 'draft';
  const sections = listOf<unknown>(plan.sections).map(recordOf);
  const allBlocks = sections.flatMap((section) => listOf<PlanBlock>(section['blocks']).map(recordOf) as unknown as PlanBlock[]);
  const isLeftOut = (block: PlanBlock): block is ProposalBlock =>
    isAgreed && isProposal(block) && statusOf(textOf(block.id)) === 'rejected';

  const register = listOf<DecisionRecord>(snapshot.register);
  const entries = registerEntries(register);
  const numbering = new HeadingNumbering();
  const context = (inAnnex: boolean): BlockExportContext => ({
    statusOf,
    goalTitle: (id) => titleOf(allBlocks, 'goal', id),
    directionTitle: (id) => titleOf(allBlocks, 'interventionDirection', id),
    memberName: (id) => {
      const member = listOf<unknown>(plan.team).map(recordOf).find((entry) => entry['id'] === id);
      return member === undefined ? null : textOf(member['name']) || null;
    },
    registerEntryOf: (blockId) => entries.get(blockId) ?? { proposer: null, decisionNote: null },
    heading: (level, text) => (inAnnex ? numbering.unnumbered(level, text) : numbering.numbered(level, text)),
  });
  const textContext = context(false);

  const includedDirections = allBlocks.filter(
    (block): block is InterventionDirectionBlock => block.type === 'interventionDirection' && !isLeftOut(block),
  );
  const summary = financingSummary(includedDirections);
  let isSummaryPlaced = summary === null;

  const body: ExportBlock[] = [];
  for (const section of sections) {
    body.push(numbering.numbered(1, sectionTitle(section['title'])));
    const blocks = listOf<PlanBlock>(section['blocks']).map(recordOf) as unknown as PlanBlock[];
    const sectionBody = blocksToExport(blocks.filter((block) => !isLeftOut(block)), textContext, numbering);
    body.push(...(sectionBody.length > 0 ? sectionBody : [note(L.emptySection)]));
    if (!isSummaryPlaced && summary !== null && FINANCING_SECTION_KEYS.has(textOf(section['key']))) {
      body.push(numbering.numbered(2, L.financingSummary), summary);
      isSummaryPlaced = true;
    }
  }
  if (!isSummaryPlaced && summary !== null) body.push(numbering.numbered(1, L.financingSummary), summary);

  let annexNumber = 0;
  const rejected = allBlocks.filter(isLeftOut);
  if (isAgreed && options.rejected === 'annex' && rejected.length > 0) {
    annexNumber += 1;
    body.push(numbering.unnumbered(1, `Załącznik nr ${annexNumber}. ${L.rejectedAnnex}`), note(L.rejectedAnnexNote));
    body.push(...blocksToExport(rejected, context(true), numbering));
  }
  if (isAgreed) {
    annexNumber += 1;
    body.push(numbering.unnumbered(1, `Załącznik nr ${annexNumber}. ${L.registerAnnex}`), note(L.registerNote));
    // A proposal left out of the text is named by its id only, so its wording does not come back through the register.
    const namedBlocks = options.rejected === 'annex' ? allBlocks : allBlocks.filter((block) => !isLeftOut(block));
    body.push(registerTable(register, namedBlocks));
  }
  const remarksAnnex = isAgreed ? (snapshot.remarksAnnex ?? null) : null;
  if (remarksAnnex !== null) {
    annexNumber += 1;
    body.push(numbering.unnumbered(1, `Załącznik nr ${annexNumber}. ${REMARKS_TABLE_TITLE}`), note(remarksAnnexNote(remarksAnnex)), remarksTableBlock(remarksAnnex.remarks));
  }

  const title = textOf(plan.title) || 'Plan';
  const titlePage = buildTitlePage(plan, snapshot.version, generatedAt);
  return {
    language: 'pl-PL',
    properties: {
      title,
      author: textOf(recordOf(plan.adoption)['body']) || textOf(recordOf(plan.territory)['name']),
      subject: titlePage.kindLabel,
      description: [titlePage.period, ...titlePage.versionLines].join('; '),
      keywords: [titlePage.kindLabel, titlePage.territory, L.keywordServices, L.keywordDeinstitutionalisation].filter((word) => word !== ''),
    },
    titlePage,
    contentsTitle: L.contents,
    body,
  };
}

/** Which consultation the annexed table comes from: its number, dates, the version consulted and how many remarks. */
function remarksAnnexNote(annex: RemarksAnnex): string {
  const version = annex.consultedAgreedNumber === null ? annex.consultedVersionName : `wersji uzgodnionej nr ${annex.consultedAgreedNumber}`;
  return `Konsultacje nr ${annex.consultationNumber} od ${formatLongDate(annex.startsOn)} do ${formatLongDate(annex.endsOn)}, dotyczące ${version}; liczba zgłoszonych uwag: ${annex.remarks.length}. Stanowiska zespołu jak w dniu uzgodnienia tej wersji.`;
}

function blocksToExport(blocks: PlanBlock[], context: BlockExportContext, numbering: HeadingNumbering): ExportBlock[] {
  const result: ExportBlock[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    if (block === undefined) continue;
    switch (block.type) {
      case 'paragraph':
        result.push(...textParagraphs(textOf(block.text)));
        break;
      case 'richText':
        result.push(...richTextToExportBlocks(block.node, numbering));
        break;
      case 'interventionDirection':
        result.push(...directionBlocks(block, context));
        break;
      case 'recommendation':
        result.push(...recommendationBlocks(block, context));
        break;
      case 'goal':
      case 'indicator': {
        // Neighbouring goals (indicators) read best as one table, as plans print them.
        const run: PlanBlock[] = [block];
        while (blocks[index + 1]?.type === block.type) run.push(blocks[++index] as PlanBlock);
        result.push(
          block.type === 'goal'
            ? goalsTable(run as GoalBlock[], L.goalsTable)
            : indicatorsTable(run as IndicatorBlock[], L.monitoringTable),
        );
        break;
      }
      default:
        break;
    }
  }
  return result;
}

function buildTitlePage(plan: Plan, version: ExportInput['snapshot']['version'], generatedAt: Date): TitlePage {
  const adoption = recordOf(plan.adoption);
  const kind = textOf(plan.kind);
  const body = textOf(adoption['body']) || adoptingBody(kind as Plan['kind'], 'pl');
  const resolution = textOf(adoption['resolutionNumber']) || '…';
  const resolutionDate = textOf(adoption['date']);
  const versionLines: string[] = [];
  if (version?.kind === 'agreed' && version.agreed !== null) {
    const reference = textOf(version.agreed.decisionReference);
    versionLines.push(
      `Wersja uzgodniona nr ${version.agreed.number}, decyzja zespołu z dnia ${formatLongDate(textOf(version.agreed.decisionDate))}${reference === '' ? '' : ` (${reference})`}`,
      `Suma kontrolna SHA-256: ${textOf(version.contentHash)}`,
    );
  } else if (version !== null) {
    versionLines.push(`Wersja „${textOf(version.name)}” z dnia ${formatLongDate(version.createdAt)}`);
    if (textOf(version.note) !== '') versionLines.push(textOf(version.note));
  } else {
    versionLines.push(`Wersja robocza z dnia ${formatLongDate(generatedAt)}`);
  }
  const info = recordOf(plan.meta);
  const notes = [
    `${L.documentStatus}: ${documentStatusLine(plan, version)}`,
    ...(info['illustrative'] === true ? [textOf(info['note']) || 'Przykład fikcyjny.'] : []),
  ];
  const period = recordOf(plan.period);
  return {
    annexLine: annexLine(body, resolution, resolutionDate === '' ? '…' : formatLongDate(resolutionDate)),
    kindLabel: codeLabel('planKinds', kind),
    title: textOf(plan.title) || 'Plan',
    territory: textOf(recordOf(plan.territory)['name']),
    period: formatPeriod(period['from'], period['to']),
    adoptingBody: `${L.adoptingBody}: ${body || '…'}`,
    versionLines,
    notes,
  };
}

function financingSummary(directions: InterventionDirectionBlock[]): ExportTable | null {
  const bySource = new Map<string, number>();
  for (const direction of directions) {
    for (const share of listOf<unknown>(direction.fundingSources).map(recordOf)) {
      const code = textOf(share['code']);
      bySource.set(code, (bySource.get(code) ?? 0) + (finiteNumberOf(share['amount']) ?? 0));
    }
  }
  if (bySource.size === 0) return null;
  return financingTable(L.financingSummary, [...bySource.entries()].sort((a, b) => b[1] - a[1]));
}

function registerTable(register: DecisionRecord[], blocks: PlanBlock[]): ExportTable {
  // Numbered from 1 in the order of recording: the stored sequence is shared by every plan on the server.
  const rows: ExportTableRow[] = register.map(recordOf).map((record, index) => {
    const blockId = textOf(record['blockId']);
    const title = titleOf(blocks, record['blockType'] === 'recommendation' ? 'recommendation' : 'interventionDirection', blockId);
    const from = textOf(record['fromStatus']);
    const to = textOf(record['toStatus']);
    const event =
      record['kind'] === 'vote'
        ? `${L.vote}: ${VOTE_LABELS[textOf(record['vote'])] ?? textOf(record['vote'])}`
        : [`${L.statusChange}: ${from === '' ? '' : `${statusLabel(from)} → `}${to === '' ? L.none : statusLabel(to)}`, decisionMethodText(record)]
            .filter(Boolean)
            .join(', ');
    const createdAt = finiteNumberOf(record['createdAt']);
    const note = textOf(record['note']);
    // A decision a plan file brought: the file's date and person, never the moment and person of the import.
    const imported = record['imported'] === undefined ? null : recordOf(record['imported']);
    const date = imported === null ? (createdAt === null ? '' : formatShortDate(createdAt)) : textOf(imported['decidedOn']) === '' ? '' : formatShortDate(textOf(imported['decidedOn']));
    const person = imported === null ? textOf(record['actorName']) : textOf(imported['decidedBy']) || L.importedDecider;
    return {
      cells: [
        String(index + 1),
        date || L.none,
        title === null ? blockId || L.none : `${blockId} – ${title}`,
        event,
        imported === null ? note || L.none : [note, L.importedDecision].filter(Boolean).join(' – '),
        person || L.none,
      ],
    };
  });
  return {
    kind: 'table',
    caption: L.registerAnnex,
    header: [L.registerSeq, L.registerDate, L.registerBlock, L.registerEvent, L.registerNoteColumn, L.registerActor],
    rows,
    hasRowHeaders: false,
    widths: [0.6, 1.3, 3, 2.4, 2.2, 1.5],
    align: ['right', 'left', 'left', 'left', 'left', 'left'],
  };
}

function isProposal(block: PlanBlock): block is ProposalBlock {
  return block.type === 'interventionDirection' || block.type === 'recommendation';
}

function titleOf(blocks: PlanBlock[], type: PlanBlock['type'], id: string): string | null {
  const found = blocks.find((block) => block.type === type && 'id' in block && block.id === id);
  return found !== undefined && 'title' in found ? textOf(found.title) || null : null;
}

/** Section titles in plan files often carry their own number ("5. Cele"); the export numbers them itself. */
function sectionTitle(value: unknown): string {
  const title = textOf(value).replace(/^\s*\d+(\.\d+)*\.?\s+/, '').trim();
  return title === '' ? 'Bez tytułu' : title;
}

function note(text: string): ExportBlock {
  return { kind: 'paragraph', runs: [{ text }], variant: 'note' };
}

