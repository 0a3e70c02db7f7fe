import type { Consultation, ConsultationRemark, PublicConsultation, RemarkResponse } from '../../shared/consultations/Consultation.js';
import { apiRequest } from '../api/apiRequest.js';

// The formats the server renders the remarks table in (server/consultations/remarksTableRenderers.ts).
export const REMARKS_TABLE_FORMATS = ['docx', 'odt', 'pdf', 'html'] as const;

const byId = (consultationId: string): string => `/consultations/${encodeURIComponent(consultationId)}`;

export async function listConsultations(planId: string): Promise<Consultation[]> {
  return (await apiRequest<{ consultations: Consultation[] }>('GET', `/plans/${encodeURIComponent(planId)}/consultations`)).consultations;
}

export async function openConsultation(planId: string, input: { versionId: string; startsOn: string; endsOn: string }): Promise<Consultation> {
  return (await apiRequest<{ consultation: Consultation }>('POST', `/plans/${encodeURIComponent(planId)}/consultations`, input)).consultation;
}

export async function closeConsultation(consultationId: string): Promise<Consultation> {
  return (await apiRequest<{ consultation: Consultation }>('POST', `${byId(consultationId)}/close`)).consultation;
}

export async function listRemarks(consultationId: string): Promise<ConsultationRemark[]> {
  return (await apiRequest<{ remarks: ConsultationRemark[] }>('GET', `${byId(consultationId)}/remarks`)).remarks;
}

export async function respondToRemark(consultationId: string, remarkId: string, input: { response: RemarkResponse; justification: string }): Promise<ConsultationRemark> {
  return (await apiRequest<{ remark: ConsultationRemark }>('POST', `${byId(consultationId)}/remarks/${encodeURIComponent(remarkId)}/response`, input)).remark;
}

export async function discussRemark(consultationId: string, remarkId: string, body: string): Promise<ConsultationRemark> {
  return (await apiRequest<{ remark: ConsultationRemark }>('POST', `${byId(consultationId)}/remarks/${encodeURIComponent(remarkId)}/thread`, { body })).remark;
}

export async function suggestRemarkWording(consultationId: string, remarkId: string): Promise<ConsultationRemark> {
  return (await apiRequest<{ remark: ConsultationRemark }>('POST', `${byId(consultationId)}/remarks/${encodeURIComponent(remarkId)}/suggestion`)).remark;
}

export function remarksTableUrl(consultationId: string, format: string): string {
  return `/api${byId(consultationId)}/remarks-table?format=${encodeURIComponent(format)}`;
}

export async function fetchPublicConsultation(token: string): Promise<PublicConsultation> {
  return (await apiRequest<{ consultation: PublicConsultation }>('GET', `/public/consultations/${encodeURIComponent(token)}`)).consultation;
}

export interface RemarkSubmission {
  submitterName: string;
  contact: string;
  sectionKey: string;
  blockId: string | null;
  quote: string;
  remark: string;
  proposedWording: string;
  justification: string;
}

export async function submitRemark(token: string, input: RemarkSubmission): Promise<{ reference: string; submittedAt: number }> {
  return (await apiRequest<{ receipt: { reference: string; submittedAt: number } }>('POST', `/public/consultations/${encodeURIComponent(token)}/remarks`, input)).receipt;
}
