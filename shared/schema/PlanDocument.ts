import { Node } from '@tiptap/core';

/** The top node: a plan is a sequence of sections (replaces StarterKit's Document). */
export const PlanDocument = Node.create({
  name: 'doc',

  topNode: true,

  content: 'planSection+',
});
