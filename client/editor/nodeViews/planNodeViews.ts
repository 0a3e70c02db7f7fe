import { ReactNodeViewRenderer } from '@tiptap/react';
import type { AnyExtension } from '@tiptap/core';
import { Goal } from '../../../shared/schema/goal/index.js';
import { blockFieldViews } from '../fieldViews/blockFieldViews.js';
import { Indicator } from '../../../shared/schema/indicator/index.js';
import { InterventionDirection } from '../../../shared/schema/interventionDirection/index.js';
import { PlanSection } from '../../../shared/schema/planSection/index.js';
import { Recommendation } from '../../../shared/schema/recommendation/index.js';
import { GoalView } from './GoalView.js';
import { IndicatorView } from './IndicatorView.js';
import { InterventionDirectionView } from './InterventionDirectionView.js';
import { PlanSectionView } from './PlanSectionView.js';
import { RecommendationView } from './RecommendationView.js';
import { renderWhenShownChanges, shownBySection, shownByTypedBlock } from './renderWhenShownChanges.js';

const typedBlockUpdate = renderWhenShownChanges(shownByTypedBlock);

/** The shared schema's nodes with the client's React views; swapped in with replaceExtensions. */
export const planNodeViews: AnyExtension[] = [
  PlanSection.extend({ addNodeView: () => ReactNodeViewRenderer(PlanSectionView, { update: renderWhenShownChanges(shownBySection) }) }),
  Goal.extend({ addNodeView: () => ReactNodeViewRenderer(GoalView, { update: typedBlockUpdate }) }),
  InterventionDirection.extend({ addNodeView: () => ReactNodeViewRenderer(InterventionDirectionView, { update: typedBlockUpdate }) }),
  Recommendation.extend({ addNodeView: () => ReactNodeViewRenderer(RecommendationView, { update: typedBlockUpdate }) }),
  Indicator.extend({ addNodeView: () => ReactNodeViewRenderer(IndicatorView, { update: typedBlockUpdate }) }),
  ...blockFieldViews,
];
