/**
 * The line at the top right of the title page that makes the plan an annex
 * to the adopting body's resolution: "Załącznik do Uchwały Nr … Zarządu
 * Województwa Opolskiego z dnia …". The body must be in the genitive; only
 * the bodies that adopt these plans by resolution are declined, and any
 * other body is named after a colon, where the nominative is correct, so the
 * line is never wrongly declined.
 */

// Head words of the bodies that adopt these plans (domain note §0 and §4), nominative → genitive.
// What follows the head ("Opolskiego", "w Starym Borze", "Stary Bór") is already in the right case.
const GENITIVE_HEADS: ReadonlyArray<[RegExp, string]> = [
  [/^Zarząd Województwa(?=\s|$)/, 'Zarządu Województwa'],
  [/^Sejmik Województwa(?=\s|$)/, 'Sejmiku Województwa'],
  [/^Rada Miejska(?=\s|$)/, 'Rady Miejskiej'],
  [/^Rada Miasta(?=\s|$)/, 'Rady Miasta'],
  [/^Rada Gminy(?=\s|$)/, 'Rady Gminy'],
  [/^Rada Powiatu(?=\s|$)/, 'Rady Powiatu'],
];

/**
 * "Zarząd Województwa Opolskiego" → "Zarządu Województwa Opolskiego"; null
 * for a body this does not know how to decline. "Rada Gminy / Rada Powiatu"
 * (the template's default) declines each alternative; a trailing "(uchwała)"
 * is dropped.
 */
export function adoptingBodyGenitive(body: string): string | null {
  const alternatives = withoutParenthesis(body).split(/\s+\/\s+/);
  const declined = alternatives.map(declineOne);
  return declined.every((entry): entry is string => entry !== null) ? declined.join(' / ') : null;
}

export function annexLine(body: string, resolutionNumber: string, resolutionDate: string): string {
  const bodyName = withoutParenthesis(body);
  if (bodyName === '') return `Załącznik do Uchwały Nr ${resolutionNumber} z dnia ${resolutionDate}`;
  const genitive = adoptingBodyGenitive(bodyName);
  if (genitive !== null) return `Załącznik do Uchwały Nr ${resolutionNumber} ${genitive} z dnia ${resolutionDate}`;
  return `Załącznik do uchwały organu: ${bodyName}, Nr ${resolutionNumber} z dnia ${resolutionDate}`;
}

function declineOne(body: string): string | null {
  const trimmed = body.trim().replace(/\s+/g, ' ');
  for (const [head, genitive] of GENITIVE_HEADS) {
    if (head.test(trimmed)) return trimmed.replace(head, genitive);
  }
  return null;
}

function withoutParenthesis(body: string): string {
  return body.replace(/\s*\([^)]*\)\s*$/, '').trim();
}
