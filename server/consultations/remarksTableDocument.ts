import type { Consultation, ConsultationRemark } from '../../shared/consultations/Consultation.js';
import type { AnnexedRemark } from '../../shared/consultations/RemarksAnnex.js';
import { remarkResponseLabel } from '../../shared/consultations/remarkResponseLabel.js';
import type { ExportBlock, ExportDocument } from '../export/ExportDocument.js';
import { HeadingNumbering } from '../export/HeadingNumbering.js';
import { formatLongDate } from '../export/polishFormats.js';

export const REMARKS_TABLE_TITLE = 'Zestawienie uwag zgłoszonych w ramach konsultacji';

export interface RemarksTableInput {
  planTitle: string;
  territory: string;
  consultation: Consultation;
  remarks: ConsultationRemark[];
  generatedAt: Date;
}

const NONE = '—';

/**
 * The remarks table as an export document, so the plan's own renderers write
 * it in every format: Lp., submitter, part of the plan, the remark (with the
 * submitter's justification), the proposed wording, the team's response and
 * its justification. Every value is plain text; the renderers escape it.
 */
export function remarksTableDocument({ planTitle, territory, consultation, remarks, generatedAt }: RemarksTableInput): ExportDocument {
  const numbering = new HeadingNumbering();
  const period = `Konsultacje od ${formatLongDate(consultation.startsOn)} do ${formatLongDate(consultation.endsOn)}`;
  const versionLine =
    consultation.agreedNumber === null ? `Konsultowana wersja: ${consultation.versionName}` : `Konsultowana wersja: wersja uzgodniona nr ${consultation.agreedNumber}`;
  const responded = remarks.filter((remark) => remark.response !== null).length;
  const body: ExportBlock[] = [numbering.unnumbered(1, REMARKS_TABLE_TITLE)];
  body.push(remarksTableBlock(remarks));
  return {
    language: 'pl-PL',
    properties: { title: `${REMARKS_TABLE_TITLE} – ${planTitle}`, author: territory, subject: REMARKS_TABLE_TITLE, description: period },
    titlePage: {
      annexLine: '',
      kindLabel: 'Konsultacje',
      title: REMARKS_TABLE_TITLE,
      territory: `Projekt dokumentu: ${planTitle}`,
      period,
      adoptingBody: versionLine,
      versionLines: [`Liczba zgłoszonych uwag: ${remarks.length}, w tym rozpatrzonych: ${responded}`, `Stan na dzień ${formatLongDate(generatedAt)}`],
      notes: [],
    },
    contentsTitle: 'Spis treści',
    body,
  };
}

/**
 * The table itself (or the sentence that no remarks came in): Lp., submitter, part of the plan, the
 * remark with its justification, the proposed wording, the team's response and its justification.
 * Also what an agreed version's annex shows (buildExportDocument).
 */
export function remarksTableBlock(remarks: readonly AnnexedRemark[]): ExportBlock {
  if (remarks.length === 0) return { kind: 'paragraph', runs: [{ text: 'W ramach konsultacji nie zgłoszono uwag.' }], variant: 'body' };
  return {
    kind: 'table',
    caption: REMARKS_TABLE_TITLE,
    header: ['Lp.', 'Zgłaszający', 'Część dokumentu', 'Treść uwagi', 'Proponowane brzmienie', 'Stanowisko zespołu', 'Uzasadnienie stanowiska'],
    rows: remarks.map((remark, index) => ({
      cells: [
        String(index + 1),
        orNone(remark.submitterName),
        orNone(targetText(remark)),
        orNone([remark.remark, remark.justification === '' ? '' : `Uzasadnienie uwagi: ${remark.justification}`].filter(Boolean).join('\n')),
        orNone(remark.proposedWording),
        remark.response === null ? 'Nie rozpatrzono' : remarkResponseLabel(remark.response, 'pl'),
        orNone(remark.responseJustification),
      ],
    })),
    hasRowHeaders: false,
    widths: [0.5, 1.5, 1.6, 2, 1.6, 1.5, 1.7],
    align: ['right', 'left', 'left', 'left', 'left', 'left', 'left'],
    // Seven columns of prose: on landscape pages (with the heading above it) they stay readable.
    orientation: 'landscape',
  };
}

function targetText(remark: AnnexedRemark): string {
  const lines = [remark.target.sectionTitle, remark.target.blockLabel];
  if (remark.quote !== '') lines.push(`Fragment: „${remark.quote}”`);
  return lines.filter(Boolean).join('\n');
}

function orNone(text: string): string {
  return text.trim() === '' ? NONE : text;
}
