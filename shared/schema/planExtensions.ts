import { getSchema, type AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { blockFieldNodes } from './fields/index.js';
import { Goal } from './goal/index.js';
import { Indicator } from './indicator/index.js';
import { InterventionDirection } from './interventionDirection/index.js';
import { isAllowedLinkHref } from './isAllowedLinkHref.js';
import { PlanDocument } from './PlanDocument.js';
import { PlanSection } from './planSection/index.js';
import { Recommendation } from './recommendation/index.js';
import { SuggestionDeletion, SuggestionFormat, SuggestionInsertion } from './suggestions/index.js';

/** Heading levels inside a section; the section title itself is the level-1 heading of an export. */
export const PLAN_HEADING_LEVELS = [2, 3] as const;

/**
 * The one extension list of the plan editor, used by the client editor (which
 * adds Collaboration and node views) and by the server (validation, seeding,
 * export). No React and no DOM here.
 */
export const planExtensions: AnyExtension[] = [
  StarterKit.configure({
    // Collaboration brings its own Yjs-aware undo.
    undoRedo: false,
    document: false,
    // It would append a paragraph after the last section, which the document does not allow.
    trailingNode: false,
    heading: { levels: [...PLAN_HEADING_LEVELS] },
    link: {
      openOnClick: false,
      protocols: [],
      defaultProtocol: 'https',
      isAllowedUri: (url) => isAllowedLinkHref(url),
    },
  }),
  PlanDocument,
  PlanSection,
  Goal,
  InterventionDirection,
  Recommendation,
  Indicator,
  ...blockFieldNodes,
  SuggestionInsertion,
  SuggestionDeletion,
  SuggestionFormat,
];

/** The ProseMirror schema of a plan document. */
export const planSchema = getSchema(planExtensions);
