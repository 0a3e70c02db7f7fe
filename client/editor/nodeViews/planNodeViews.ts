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

/** The shared schema's nodes with the client's React views; swapped in with replaceExtensions. */
export const planNodeViews: AnyExtension[] = [
  PlanSection.extend({ addNodeView: () => ReactNodeViewRenderer(PlanSectionView) }),
  Goal.extend({ addNodeView: () => ReactNodeViewRenderer(GoalView) }),
  InterventionDirection.extend({ addNodeView: () => ReactNodeViewRenderer(InterventionDirectionView) }),
  Recommendation.extend({ addNodeView: () => ReactNodeViewRenderer(RecommendationView) }),
  Indicator.extend({ addNodeView: () => ReactNodeViewRenderer(IndicatorView) }),
  ...blockFieldViews,
];
