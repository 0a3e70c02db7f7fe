import type { Language, PlanKind } from '../domain/taxonomy.js';

export interface SectionTemplate {
  key: string;
  title: Record<Language, string>;
  /** What the section is for, shown to the writers as guidance. */
  hint: Record<Language, string>;
}

/**
 * The default sections of each plan kind (README §1.1–1.3). The title page
 * ("metryka") is not a section: its fields are the plan-level fields.
 */
export const PLAN_TEMPLATES: Record<PlanKind, readonly SectionTemplate[]> = {
  regional: [
    {
      key: 'wstep',
      title: { pl: 'Wprowadzenie', en: 'Introduction' },
      hint: {
        pl: 'Po co powstaje plan, jaki okres obejmuje i jak był przygotowany (zespół, konsultacje).',
        en: 'Why the plan exists, the period it covers and how it was prepared (team, consultation).',
      },
    },
    {
      key: 'podstawy',
      title: { pl: 'Podstawy prawne i powiązania strategiczne', en: 'Legal basis and strategic links' },
      hint: {
        pl: 'Uchwała nr 135 Rady Ministrów (Strategia rozwoju usług społecznych), strategia województwa, program regionalny FE, wytyczne UE.',
        en: 'Council of Ministers resolution 135 (social services strategy), the regional strategy, the regional EU-funds programme, EU guidelines.',
      },
    },
    {
      key: 'zasady',
      title: { pl: 'Deinstytucjonalizacja: definicje i zasady', en: 'Deinstitutionalisation: definitions and principles' },
      hint: {
        pl: 'Czym jest przejście od opieki instytucjonalnej do wsparcia w rodzinie i społeczności; zasady usług środowiskowych.',
        en: 'The move from institutional care to support in the family and community; principles of community services.',
      },
    },
    {
      key: 'diagnoza',
      title: { pl: 'Wnioski z diagnozy', en: 'Conclusions from the diagnosis' },
      hint: {
        pl: 'Najważniejsze wnioski dla każdej grupy odbiorców; pełna diagnoza jako załącznik.',
        en: 'Key findings per target group; the full diagnosis goes to an annex.',
      },
    },
    {
      key: 'cele',
      title: { pl: 'Cel główny i cele szczegółowe', en: 'Main goal and specific goals' },
      hint: {
        pl: 'Jeden cel główny i cele szczegółowe, najczęściej po jednym na obszar wsparcia.',
        en: 'One main goal and specific goals, often one per support area.',
      },
    },
    {
      key: 'kierunki',
      title: { pl: 'Obszary wsparcia i kierunki interwencji', en: 'Support areas and intervention directions' },
      hint: {
        pl: 'Rdzeń planu: dla każdego obszaru i grupy odbiorców kierunki interwencji z działaniami, wskaźnikami i kosztami.',
        en: 'The core of the plan: per area and target group, the intervention directions with actions, indicators and costs.',
      },
    },
    {
      key: 'rekomendacje',
      title: { pl: 'Rekomendacje, modele i wytyczne', en: 'Recommendations, models and guidelines' },
      hint: {
        pl: 'Rekomendacje dla JST i instytucji zarządzającej programem regionalnym, np. do naborów.',
        en: 'Recommendations to local governments and to the managing authority of the regional programme, e.g. for calls.',
      },
    },
    {
      key: 'realizacja',
      title: { pl: 'Realizacja: podmioty, partnerzy, harmonogram', en: 'Implementation: bodies, partners, schedule' },
      hint: {
        pl: 'Kto co robi i kiedy: ROPS, departamenty urzędu marszałkowskiego, JST, organizacje pozarządowe.',
        en: 'Who does what and when: ROPS, departments of the marshal office, local governments, NGOs.',
      },
    },
    {
      key: 'finansowanie',
      title: { pl: 'Ramy finansowe i źródła finansowania', en: 'Financial framework and funding sources' },
      hint: {
        pl: 'Powiązanie każdego kierunku ze środkami UE, krajowymi i JST.',
        en: 'Links each direction to EU, national and local-government funds.',
      },
    },
    {
      key: 'monitoring',
      title: { pl: 'Monitorowanie i ewaluacja', en: 'Monitoring and evaluation' },
      hint: {
        pl: 'Wskaźniki z wartością bazową i docelową, cykl sprawozdawczy i kto mierzy.',
        en: 'Indicators with baseline and target, the reporting cycle and who measures.',
      },
    },
    {
      key: 'konsultacje',
      title: { pl: 'Tryb opracowania i konsultacje', en: 'Preparation and consultation' },
      hint: {
        pl: 'Skład zespołu, posiedzenia, konsultacje społeczne i sposób rozpatrzenia uwag.',
        en: 'Team composition, meetings, public consultation and how comments were handled.',
      },
    },
    {
      key: 'zalaczniki',
      title: { pl: 'Załączniki', en: 'Annexes' },
      hint: {
        pl: 'Diagnoza, rekomendacje do naborów, zestawienie uwag i sprawozdanie z konsultacji.',
        en: 'Diagnosis, recommendations for calls, table of comments and consultation report.',
      },
    },
  ],
  local: [
    {
      key: 'wstep',
      title: { pl: 'Wstęp', en: 'Introduction' },
      hint: {
        pl: 'Cel planu oraz jego związek z regionalnym planem (RPDI) i Strategią rozwoju usług społecznych.',
        en: 'Purpose of the plan and its link to the regional plan and the social services strategy.',
      },
    },
    {
      key: 'charakterystyka',
      title: { pl: 'Charakterystyka gminy / powiatu', en: 'Profile of the municipality / county' },
      hint: {
        pl: 'Demografia, struktura społeczna i najważniejsze problemy społeczne.',
        en: 'Demography, social structure and the main social problems.',
      },
    },
    {
      key: 'zasoby',
      title: { pl: 'Zasoby', en: 'Resources' },
      hint: {
        pl: 'Instytucje, usługi, kadry, organizacje pozarządowe i infrastruktura.',
        en: 'Institutions, services, staff, NGOs and infrastructure.',
      },
    },
    {
      key: 'potrzeby',
      title: { pl: 'Diagnoza potrzeb mieszkańców', en: 'Diagnosis of residents’ needs' },
      hint: {
        pl: 'Potrzeby każdej grupy odbiorców, w miarę możliwości z szacunkiem kosztów.',
        en: 'Needs of each target group, with cost estimates where possible.',
      },
    },
    {
      key: 'cele',
      title: { pl: 'Cel główny i cele szczegółowe', en: 'Main goal and specific goals' },
      hint: { pl: 'Drzewo celów planu.', en: 'The goal tree of the plan.' },
    },
    {
      key: 'dzialania',
      title: { pl: 'Obszary wsparcia i działania', en: 'Support areas and actions' },
      hint: {
        pl: 'Kierunki interwencji i działania w każdym obszarze, np. koordynacja usług, mieszkalnictwo wspomagane, usługi opiekuńcze i wytchnieniowe.',
        en: 'Intervention directions and actions per area, e.g. coordination, assisted housing, care and respite services.',
      },
    },
    {
      key: 'rekomendacje',
      title: { pl: 'Rekomendacje i standardy', en: 'Recommendations and standards' },
      hint: {
        pl: 'Opcjonalnie: lokalne standardy i modele, np. standardy usług CUS.',
        en: 'Optional: local standards and models, e.g. CUS service standards.',
      },
    },
    {
      key: 'koszty',
      title: { pl: 'Analiza kosztów i zasoby', en: 'Cost analysis and resources' },
      hint: {
        pl: 'Koszty planu oraz zasoby finansowe, rzeczowe i infrastrukturalne.',
        en: 'Costs of the plan and its financial, material and infrastructure resources.',
      },
    },
    {
      key: 'monitoring',
      title: { pl: 'System monitorowania i oceny', en: 'Monitoring and assessment' },
      hint: {
        pl: 'Wskaźniki, kto monitoruje i jak często.',
        en: 'Indicators, who monitors and how often.',
      },
    },
    {
      key: 'zalaczniki',
      title: { pl: 'Załączniki', en: 'Annexes' },
      hint: { pl: 'Pełna diagnoza, wyniki badań ankietowych.', en: 'Full diagnosis, survey results.' },
    },
  ],
  cusProgram: [
    {
      key: 'wstep',
      title: { pl: 'Wstęp', en: 'Introduction' },
      hint: {
        pl: 'Podstawa prawna programu (ustawa o realizowaniu usług społecznych przez CUS) i jego cel.',
        en: 'Legal basis of the programme (act on social services provided by a CUS) and its purpose.',
      },
    },
    {
      key: 'diagnoza',
      title: { pl: 'Diagnoza potrzeb i potencjału', en: 'Diagnosis of needs and potential' },
      hint: {
        pl: 'Podsumowanie diagnozy potrzeb i potencjału wspólnoty samorządowej (sporządzanej co najmniej co 5 lat).',
        en: 'Summary of the diagnosis of the community’s needs and potential (done at least every 5 years).',
      },
    },
    {
      key: 'adresaci',
      title: { pl: 'Adresaci programu', en: 'Addressees of the programme' },
      hint: {
        pl: 'Osoby, rodziny, grupy społeczne lub ogół mieszkańców.',
        en: 'Persons, families, social groups or all residents.',
      },
    },
    {
      key: 'uslugi',
      title: { pl: 'Usługi społeczne objęte programem', en: 'Social services in the programme' },
      hint: { pl: 'Lista usług i ich zakres.', en: 'The services and their scope.' },
    },
    {
      key: 'cele',
      title: { pl: 'Cele i działania', en: 'Goals and actions' },
      hint: { pl: 'Cele programu i działania, które do nich prowadzą.', en: 'Goals of the programme and the actions leading to them.' },
    },
    {
      key: 'realizacja',
      title: { pl: 'Sposób realizacji, standardy jakości i kwalifikowanie', en: 'Delivery, quality standards and eligibility' },
      hint: {
        pl: 'Kto świadczy usługi, według jakich standardów i jak osoby są kwalifikowane do usług.',
        en: 'Who provides the services, to which standards and how people qualify.',
      },
    },
    {
      key: 'finansowanie',
      title: { pl: 'Finansowanie', en: 'Financing' },
      hint: { pl: 'Koszty usług i źródła ich finansowania.', en: 'Costs of the services and their funding sources.' },
    },
    {
      key: 'monitoring',
      title: { pl: 'Monitorowanie i ocena', en: 'Monitoring and assessment' },
      hint: { pl: 'Wskaźniki i sposób oceny realizacji programu.', en: 'Indicators and how delivery is assessed.' },
    },
  ],
};
