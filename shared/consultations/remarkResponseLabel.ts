import type { RemarkResponse } from './Consultation.js';

const LABELS: Record<'pl' | 'en', Record<RemarkResponse, string>> = {
  // The wording of Polish consultation reports ("uwaga uwzględniona / nieuwzględniona").
  pl: { accepted: 'Uwzględniona', partlyAccepted: 'Uwzględniona częściowo', rejected: 'Nieuwzględniona', notApplicable: 'Nie dotyczy' },
  en: { accepted: 'Accepted', partlyAccepted: 'Partly accepted', rejected: 'Rejected', notApplicable: 'Not applicable' },
};

export function remarkResponseLabel(response: RemarkResponse, language: 'pl' | 'en'): string {
  return LABELS[language][response];
}
