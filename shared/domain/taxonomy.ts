import taxonomyJson from './taxonomy.json';

/**
 * The code lists of the domain (README §2) with Polish and English labels.
 * Codes are typed here so the compiler checks every use; the labels come from
 * taxonomy.json (a copy of the domain note's file) and test/shared/taxonomy.test.ts
 * checks that both list exactly the same codes.
 */
export const LANGUAGES = ['pl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const PLAN_KINDS = ['regional', 'local', 'cusProgram'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const TARGET_GROUPS = [
  'familiesChildren',
  'dailyLivingSupport',
  'disabilities',
  'olderPersons',
  'mentalHealth',
  'homelessness',
  'migrants',
  'otherAtRisk',
  'fosterCareYouth',
  'informalCarers',
  'addictionViolence',
] as const;
export type TargetGroupCode = (typeof TARGET_GROUPS)[number];

export const AREAS = [
  'childFamily',
  'elderCare',
  'independentLiving',
  'mentalHealth',
  'homelessness',
  'coordination',
] as const;
export type AreaCode = (typeof AREAS)[number];

export const SERVICE_TYPES = [
  'personalAssistance',
  'respiteCare',
  'neighbourhoodServices',
  'careServices',
  'trainingHousing',
  'assistedHousing',
  'careHousingCentre',
  'familyCareHome',
  'supportCentre',
  'dpsOpening',
  'dps',
  'cus',
  'familyFosterCare',
  'institutionalCare',
  'familyAssistant',
  'leavingCare',
  'transport',
  'housingFirst',
  'streetwork',
  'communityMentalHealth',
  'socialEconomy',
  'telecare',
  'communityOrganising',
] as const;
export type ServiceTypeCode = (typeof SERVICE_TYPES)[number];

export const FUNDING_SOURCES = [
  'EFS_PLUS_REGIONAL',
  'EFRR_REGIONAL',
  'FERS',
  'STATE_BUDGET',
  'SOLIDARITY_FUND',
  'PFRON',
  'JST_BUDGET',
  'NFZ',
  'OTHER',
] as const;
export type FundingSourceCode = (typeof FUNDING_SOURCES)[number];

export const BLOCK_STATUSES = ['draft', 'proposed', 'underDiscussion', 'agreed', 'rejected'] as const;
export type BlockStatus = (typeof BLOCK_STATUSES)[number];

export const DOCUMENT_STATUSES = [
  'draft',
  'teamAgreed',
  'inConsultation',
  'afterConsultation',
  'adopted',
  'superseded',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const RECOMMENDATION_KINDS = ['recommendation', 'model', 'guideline'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export const GOAL_LEVELS = ['main', 'specific', 'operational'] as const;
export type GoalLevel = (typeof GOAL_LEVELS)[number];

export const INDICATOR_KINDS = ['output', 'result', 'impact', 'context'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const TEAM_ROLES = ['chair', 'deputyChair', 'secretary', 'member', 'expert', 'observer'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

// The lists below are the editor's own (not in the domain taxonomy file).
export const SECTION_STATUSES = ['draft', 'inReview', 'ready'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

export const INDICATOR_FREQUENCIES = ['monthly', 'quarterly', 'semiannual', 'annual', 'once'] as const;
export type IndicatorFrequency = (typeof INDICATOR_FREQUENCIES)[number];

export const TERRITORY_LEVELS = ['voivodeship', 'county', 'municipality'] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

export interface LabeledCode<Code extends string = string> {
  code: Code;
  pl: string;
  en: string;
}

const APP_LISTS = {
  sectionStatuses: [
    { code: 'draft', pl: 'Szkic', en: 'Draft' },
    { code: 'inReview', pl: 'Do przeglądu', en: 'In review' },
    { code: 'ready', pl: 'Gotowa', en: 'Ready' },
  ],
  indicatorFrequencies: [
    { code: 'monthly', pl: 'Co miesiąc', en: 'Monthly' },
    { code: 'quarterly', pl: 'Co kwartał', en: 'Quarterly' },
    { code: 'semiannual', pl: 'Co pół roku', en: 'Every six months' },
    { code: 'annual', pl: 'Co roku', en: 'Annual' },
    { code: 'once', pl: 'Jednorazowo', en: 'Once' },
  ],
  territoryLevels: [
    { code: 'voivodeship', pl: 'Województwo', en: 'Voivodeship' },
    { code: 'county', pl: 'Powiat', en: 'County (powiat)' },
    { code: 'municipality', pl: 'Gmina', en: 'Municipality (gmina)' },
  ],
  languages: [
    { code: 'pl', pl: 'polski', en: 'Polish' },
    { code: 'en', pl: 'angielski', en: 'English' },
  ],
} satisfies Record<string, LabeledCode[]>;

/** Every code list by name, with the code type each one holds. */
export interface TaxonomyCodes {
  planKinds: PlanKind;
  targetGroups: TargetGroupCode;
  areas: AreaCode;
  serviceTypes: ServiceTypeCode;
  fundingSources: FundingSourceCode;
  blockStatuses: BlockStatus;
  documentStatuses: DocumentStatus;
  recommendationKinds: RecommendationKind;
  goalLevels: GoalLevel;
  indicatorKinds: IndicatorKind;
  teamRoles: TeamRole;
  sectionStatuses: SectionStatus;
  indicatorFrequencies: IndicatorFrequency;
  territoryLevels: TerritoryLevel;
  languages: Language;
}
export type TaxonomyListName = keyof TaxonomyCodes;

export const TAXONOMY_CODES: { readonly [List in TaxonomyListName]: readonly TaxonomyCodes[List][] } = {
  planKinds: PLAN_KINDS,
  targetGroups: TARGET_GROUPS,
  areas: AREAS,
  serviceTypes: SERVICE_TYPES,
  fundingSources: FUNDING_SOURCES,
  blockStatuses: BLOCK_STATUSES,
  documentStatuses: DOCUMENT_STATUSES,
  recommendationKinds: RECOMMENDATION_KINDS,
  goalLevels: GOAL_LEVELS,
  indicatorKinds: INDICATOR_KINDS,
  teamRoles: TEAM_ROLES,
  sectionStatuses: SECTION_STATUSES,
  indicatorFrequencies: INDICATOR_FREQUENCIES,
  territoryLevels: TERRITORY_LEVELS,
  languages: LANGUAGES,
};

const LABELED_LISTS: Record<TaxonomyListName, readonly LabeledCode[]> = {
  planKinds: taxonomyJson.planKinds,
  targetGroups: taxonomyJson.targetGroups,
  areas: taxonomyJson.areas,
  serviceTypes: taxonomyJson.serviceTypes,
  fundingSources: taxonomyJson.fundingSources,
  blockStatuses: taxonomyJson.blockStatuses,
  documentStatuses: taxonomyJson.documentStatuses,
  recommendationKinds: taxonomyJson.recommendationKinds,
  goalLevels: taxonomyJson.goalLevels,
  indicatorKinds: taxonomyJson.indicatorKinds,
  teamRoles: taxonomyJson.teamRoles,
  ...APP_LISTS,
};

const LABEL_INDEX = new Map<TaxonomyListName, Map<string, LabeledCode>>(
  (Object.keys(LABELED_LISTS) as TaxonomyListName[]).map((list) => [
    list,
    new Map(LABELED_LISTS[list].map((entry) => [entry.code, entry])),
  ]),
);

/** The entries of one list in taxonomy order, e.g. for a select box. */
export function taxonomyEntries<List extends TaxonomyListName>(
  list: List,
): readonly LabeledCode<TaxonomyCodes[List]>[] {
  return TAXONOMY_CODES[list].map((code) => {
    const entry = LABEL_INDEX.get(list)?.get(code);
    return { code, pl: entry?.pl ?? code, en: entry?.en ?? code };
  });
}

/**
 * The label of a code. Lists share some codes with different meanings
 * ('mentalHealth' is a target group and an area; 'draft' a block and a
 * document status), so the list is part of the key. Unknown codes label as
 * themselves, so a stale document still renders.
 */
export function label(list: TaxonomyListName, code: string, language: Language): string {
  const entry = LABEL_INDEX.get(list)?.get(code);
  return entry === undefined ? code : entry[language];
}

export function isTaxonomyCode<List extends TaxonomyListName>(
  list: List,
  value: unknown,
): value is TaxonomyCodes[List] {
  return typeof value === 'string' && (TAXONOMY_CODES[list] as readonly string[]).includes(value);
}

/** Who adopts a plan of this kind (README §0), e.g. for the title page. */
export function adoptingBody(kind: PlanKind, language: Language): string {
  const entry = taxonomyJson.planKinds.find((planKind) => planKind.code === kind);
  return entry === undefined ? '' : entry.adoptedBy[language];
}

/** The codes of each list as written in taxonomy.json (for the consistency test). */
export function taxonomyFileCodes(): Partial<Record<TaxonomyListName, string[]>> {
  const lists = Object.keys(TAXONOMY_CODES) as TaxonomyListName[];
  const fileLists: Partial<Record<TaxonomyListName, string[]>> = {};
  for (const list of lists) {
    const entries: unknown = (taxonomyJson as Record<string, unknown>)[list];
    if (Array.isArray(entries)) {
      fileLists[list] = entries.map((entry: { code: string }) => entry.code);
    }
  }
  return fileLists;
}
