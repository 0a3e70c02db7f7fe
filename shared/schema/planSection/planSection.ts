import { mergeAttributes, Node } from '@tiptap/core';
import { planSectionFields, type PlanSectionAttributes } from '../../domain/blockFields.js';
import type { SectionStatus } from '../../domain/taxonomy.js';
import { blockAttributes } from '../blockAttributes.js';
import { nextBlockId } from '../nextBlockId.js';

export interface PlanSectionOptions {
  HTMLAttributes: Record<string, unknown>;
}

export const PLAN_SECTION_KEY_PREFIX = 'section';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    planSection: {
      /** Inserts an empty section after the section holding the selection. */
      insertPlanSection: (attributes?: Partial<PlanSectionAttributes>) => ReturnType;
      /** Sets the workflow status of the section holding the selection. */
      setPlanSectionStatus: (status: SectionStatus) => ReturnType;
      /** Assigns the section holding the selection to a user (null: nobody). */
      setPlanSectionResponsible: (userId: string | null) => ReturnType;
    };
  }
}

/**
 * A chapter of the plan (README §1). Its title, key and workflow state are
 * attributes; its body holds ordinary text blocks and the typed blocks. The
 * document is a sequence of sections and nothing else, so every block
 * belongs to exactly one chapter.
 */
export const PlanSection = Node.create<PlanSectionOptions>({
  name: 'planSection',

  // Typed blocks are a group of their own so they cannot end up inside a list or a quote.
  content: '(block | planBlock)+',

  defining: true,

  isolating: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return blockAttributes(planSectionFields);
  },

  parseHTML() {
    return [{ tag: 'section[data-type="planSection"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes({ 'data-type': this.name }, this.options.HTMLAttributes, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      insertPlanSection:
        (attributes = {}) =>
        ({ commands, state }) => {
          const { $from } = state.selection;
          const position = $from.depth >= 1 ? $from.after(1) : state.doc.content.size;
          return commands.insertContentAt(position, {
            type: this.name,
            attrs: { ...attributes, key: attributes.key ?? nextBlockId(state.doc, PLAN_SECTION_KEY_PREFIX) },
            content: [{ type: 'paragraph' }],
          });
        },
      setPlanSectionStatus:
        (status) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, { status }),
      setPlanSectionResponsible:
        (userId) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, { responsibleUserId: userId }),
    };
  },
});
