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
import { planSectionDomFrame } from './planSectionDomFrame.js';
import { PlanSectionView } from './PlanSectionView.js';
import { portalNodeViewRenderer } from './PortalNodeView.js';
import { RecommendationView } from './RecommendationView.js';
import { shownBySection, shownByTypedBlock } from './shownByNode.js';
import { typedBlockDomFrame } from './typedBlockDomFrame.js';

/**
 * The shared schema's nodes with the client's views; swapped in with
 * replaceExtensions. Sections render their controls at once (a plan has a
 * handful); typed blocks when they come near the viewport or the page is
 * idle (LazyMounter), so a big plan opens with only the blocks on screen built.
 */
export const planNodeViews: AnyExtension[] = [
  PlanSection.extend({ addNodeView: () => portalNodeViewRenderer(PlanSectionView, { frame: planSectionDomFrame, shown: shownBySection, isLazy: false }) }),
  Goal.extend({ addNodeView: () => portalNodeViewRenderer(GoalView, { frame: typedBlockDomFrame('goal', 'goal', false), shown: shownByTypedBlock, isLazy: true }) }),
  InterventionDirection.extend({
    addNodeView: () =>
      portalNodeViewRenderer(InterventionDirectionView, { frame: typedBlockDomFrame('interventionDirection', 'direction', true), shown: shownByTypedBlock, isLazy: true }),
  }),
  Recommendation.extend({
    addNodeView: () => portalNodeViewRenderer(RecommendationView, { frame: typedBlockDomFrame('recommendation', 'recommendation', true), shown: shownByTypedBlock, isLazy: true }),
  }),
  Indicator.extend({ addNodeView: () => portalNodeViewRenderer(IndicatorView, { frame: typedBlockDomFrame('indicator', 'indicator', false), shown: shownByTypedBlock, isLazy: true }) }),
  ...blockFieldViews,
];
