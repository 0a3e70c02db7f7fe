const SUBJECTS = [
  'Regionalny Ośrodek Polityki Społecznej',
  'Zespół ds. deinstytucjonalizacji',
  'Centrum usług społecznych',
  'Powiatowe centrum pomocy rodzinie',
  'Gminny ośrodek pomocy społecznej',
  'Organizacja pozarządowa',
  'Samorząd województwa',
  'Zarząd Województwa',
];
const VERBS = [
  'koordynuje',
  'rozwija',
  'monitoruje',
  'finansuje',
  'wdraża',
  'upowszechnia',
  'przygotowuje',
  'wspiera',
];
const OBJECTS = [
  'mieszkania wspomagane i treningowe',
  'usługi opiekuńcze w miejscu zamieszkania',
  'wsparcie dla osób z niepełnosprawnościami',
  'rodzinną pieczę zastępczą',
  'centra opiekuńczo-mieszkalne',
  'usługi asystencji osobistej',
  'opiekę wytchnieniową dla opiekunów faktycznych',
  'środowiskowe domy samopomocy',
  'dzienne domy pomocy dla osób starszych',
  'diagnozę potrzeb i potencjału wspólnoty samorządowej',
];
const QUALIFIERS = [
  'w latach 2026–2028',
  'zgodnie z wytycznymi Strategii Rozwoju Usług Społecznych',
  'we współpracy z jednostkami samorządu terytorialnego',
  'ze środków EFS+ i budżetu państwa',
  'na obszarach wiejskich i w małych miastach',
  'z udziałem mieszkańców i opiekunów',
];

/** A plausible sentence from a Polish deinstitutionalisation plan, from a seeded random source. */
export function polishSentence(random: () => number): string {
  const pick = (words: readonly string[]): string => words[Math.floor(random() * words.length)] ?? '';
  return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(QUALIFIERS)}.`;
}
