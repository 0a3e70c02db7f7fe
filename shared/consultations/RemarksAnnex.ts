import type { ConsultationRemark } from './Consultation.js';

/** A remark as the annexed table keeps it: what the published table shows, never the submitter's contact. */
export type AnnexedRemark = Pick<
  ConsultationRemark,
  'number' | 'reference' | 'submitterName' | 'target' | 'quote' | 'remark' | 'proposedWording' | 'justification' | 'response' | 'responseJustification'
>;

/**
 * The remarks table of a closed consultation as an agreed version keeps it (issue 15): copied when the
 * version is frozen, so later changes to the responses never change what the agreed version annexes.
 */
export interface RemarksAnnex {
  consultationId: string;
  consultationNumber: number;
  startsOn: string;
  endsOn: string;
  /** The version the public was consulted on. */
  consultedVersionName: string;
  consultedAgreedNumber: number | null;
  remarks: AnnexedRemark[];
}
