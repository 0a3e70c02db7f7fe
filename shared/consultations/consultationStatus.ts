import type { ConsultationStatus } from './Consultation.js';

export interface ConsultationTiming {
  startsOn: string;
  endsOn: string;
  closedAt: number | null;
  remarkCount: number;
  respondedCount: number;
}

/** Today's calendar date in Poland (YYYY-MM-DD): a consultation runs from its first to its last day there. */
export function polishDate(at: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Derived, never stored: the dates and the chair's early close decide it, and every remark answered makes it "responded". */
export function consultationStatus(timing: ConsultationTiming, now: number): ConsultationStatus {
  const today = polishDate(now);
  if (timing.closedAt !== null || today > timing.endsOn) {
    return timing.remarkCount > 0 && timing.respondedCount === timing.remarkCount ? 'responded' : 'closed';
  }
  return today < timing.startsOn ? 'scheduled' : 'open';
}
