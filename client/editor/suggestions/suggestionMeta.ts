import { PluginKey } from '@tiptap/pm/state';

/**
 * Marks the transactions suggestion mode writes itself (suggested edits,
 * accepting, rejecting), which its filter lets through while suggesting.
 */
export const suggestionPluginKey = new PluginKey('suggestionMode');
