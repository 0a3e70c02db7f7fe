/**
 * A public consultation of an agreed version: the team's side (status,
 * remarks, responses) and what the public page may see of it.
 */
export type ConsultationStatus = 'scheduled' | 'open' | 'closed' | 'responded';

export const REMARK_RESPONSES = ['accepted', 'partlyAccepted', 'rejected', 'notApplicable'] as const;
export type RemarkResponse = (typeof REMARK_RESPONSES)[number];

/** Maximum lengths (characters) of what the public submits; the server refuses longer input naming the field. */
export const REMARK_LIMITS = {
  submitterName: 200,
  contact: 200,
  quote: 1_000,
  remark: 5_000,
  proposedWording: 5_000,
  justification: 5_000,
} as const;
export type RemarkField = keyof typeof REMARK_LIMITS;

export const RESPONSE_JUSTIFICATION_LIMIT = 5_000;

export interface Consultation {
  id: string;
  planId: string;
  /** 1, 2, … per plan; part of every remark's reference. */
  number: number;
  versionId: string;
  versionName: string;
  agreedNumber: number | null;
  /** Both inclusive, calendar days in Poland (YYYY-MM-DD). */
  startsOn: string;
  endsOn: string;
  /** Set when the chair ended it before its end date. */
  closedAt: number | null;
  status: ConsultationStatus;
  /** The unguessable part of the public address (/konsultacje/<token>). */
  publicToken: string;
  remarkCount: number;
  respondedCount: number;
  createdAt: number;
}

/** Where a remark points: a section of the frozen version, optionally one of its typed blocks. */
export interface RemarkTarget {
  sectionKey: string;
  sectionTitle: string;
  blockId: string | null;
  blockLabel: string;
}

export interface ConsultationRemark {
  id: string;
  consultationId: string;
  number: number;
  /** What the submitter is given: "K1-007". */
  reference: string;
  submitterName: string;
  contact: string;
  target: RemarkTarget;
  /** Text the submitter selected on the page, if any. */
  quote: string;
  remark: string;
  proposedWording: string;
  justification: string;
  submittedAt: number;
  response: RemarkResponse | null;
  responseJustification: string;
  respondedBy: string | null;
  respondedByName: string | null;
  respondedAt: number | null;
  /** The comment thread the team discusses it in, once started. */
  threadId: string | null;
  /** The suggestion its proposed wording became in the working copy, once accepted and sent there. */
  suggestionId: string | null;
}

/** One typed block or the running text of a section, as the public page shows it. */
export interface PublicPlanPart {
  /** The typed block's id, or null for a section's running text. */
  blockId: string | null;
  /** "Rekomendacja R-01. Tytuł"; empty for running text. */
  label: string;
  content: PublicContentBlock[];
}

export interface PublicPlanSection {
  key: string;
  number: string;
  title: string;
  parts: PublicPlanPart[];
}

/** The frozen version, presentation-ready; nothing of the workspace (members, comments, register). */
export interface PublicPlanView {
  title: string;
  kindLabel: string;
  territory: string;
  period: string;
  versionLine: string;
  sections: PublicPlanSection[];
}

/** What the public page receives: the document only while the consultation is open. */
export interface PublicConsultation {
  status: ConsultationStatus;
  startsOn: string;
  endsOn: string;
  planTitle: string;
  plan: PublicPlanView | null;
  limits: typeof REMARK_LIMITS;
}

/**
 * The presentation-ready text of the public page: the shape of the server's
 * export blocks (server/export/ExportDocument.ts), so the page reads exactly
 * what the published files say. Plain text only; the page renders it as text.
 */
export type PublicContentBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; number: string; text: string }
  | { kind: 'paragraph'; runs: PublicRun[]; variant: 'body' | 'quote' | 'note' | 'code' }
  | { kind: 'list'; ordered: boolean; items: Array<{ runs: PublicRun[]; children: PublicContentBlock[] }> }
  | { kind: 'table'; caption: string; header: string[]; rows: Array<{ cells: string[]; isTotal?: boolean }>; hasRowHeaders: boolean };

export interface PublicRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  href?: string;
}
