import { NodeView, type NodeViewRenderer, type NodeViewRendererProps } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Decoration, DecorationSource, NodeView as ProseMirrorNodeView } from '@tiptap/pm/view';
import { ReactRenderer } from '@tiptap/react';
import type { ComponentType } from 'react';
import { lazyMounter } from './LazyMounter.js';

/** What a portal node view's React component gets. */
export interface PortalViewProps<Slots> {
  /** The node as last shown: renewed only when `shown(node)` changes, not on every key typed in it. */
  node: ProseMirrorNode;
  /** The view's non-editable elements the component renders into (with createPortal). */
  slots: Slots;
  updateAttributes: (attributes: Record<string, unknown>) => void;
  deleteNode: () => void;
  /** The node as it is now (for reads on demand, e.g. a proposal's check of the block's title). */
  currentNode: () => ProseMirrorNode;
}

/** The plain-DOM part of a portal node view: built at once, kept in step with the node without React. */
export interface PortalFrame<Slots> {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  readonly slots: Slots;
  /** Rewrites what the frame itself shows from the node (ids, labels, a placeholder). */
  update(node: ProseMirrorNode): void;
  /** React is about to render into the slots: remove what stood in for it. */
  beforeMount?(): void;
  setSelected(isSelected: boolean): void;
}

export interface PortalNodeViewOptions<Slots> {
  frame: (node: ProseMirrorNode) => PortalFrame<Slots>;
  /** What of the node the component shows; it renders again only when this string changes. */
  shown: (node: ProseMirrorNode) => string;
  /** Render the component once the node is near the viewport or the page is idle, instead of at once. */
  isLazy: boolean;
}

/**
 * A node view whose frame (wrapper, editable content element, slots for
 * controls) is plain DOM and whose controls are a React component rendered
 * into those slots through portals, in the editor's React tree (contexts
 * work). Unlike TipTap's ReactNodeViewRenderer, ProseMirror's content
 * element is never moved into React's output: TipTap saves and restores
 * the DOM selection around that move, and in Chromium each such read forces
 * a layout of the whole page, once per block while a big plan opens. The
 * content (text fields, remote carets, comment and suggestion marks) is
 * ProseMirror's at once, whether or not the controls are rendered yet.
 */
class PortalNodeView<Slots> extends NodeView<ComponentType<PortalViewProps<Slots>>> {
  private readonly frame: PortalFrame<Slots>;
  private readonly settings: PortalNodeViewOptions<Slots>;
  private renderer: ReactRenderer | null = null;
  private cancelMount: () => void = () => {};

  constructor(component: ComponentType<PortalViewProps<Slots>>, props: NodeViewRendererProps, settings: PortalNodeViewOptions<Slots>) {
    super(component, props);
    this.settings = settings;
    this.frame = settings.frame(this.node);
    this.frame.dom.addEventListener('dragstart', (event) => this.onDragStart(event));
    if (settings.isLazy) this.cancelMount = lazyMounter().schedule(this.frame.dom, () => this.mountComponent());
    else this.mountComponent();
  }

  override get dom(): HTMLElement {
    return this.frame.dom;
  }

  override get contentDOM(): HTMLElement {
    return this.frame.contentDOM;
  }

  update(node: ProseMirrorNode, decorations: readonly Decoration[], innerDecorations: DecorationSource): boolean {
    if (node.type !== this.node.type) return false;
    const previous = this.node;
    this.node = node;
    this.decorations = decorations;
    this.innerDecorations = innerDecorations;
    if (node === previous) return true;
    this.frame.update(node);
    if (this.renderer !== null && this.settings.shown(previous) !== this.settings.shown(node)) this.renderer.updateProps({ node });
    return true;
  }

  selectNode(): void {
    this.frame.setSelected(true);
  }

  deselectNode(): void {
    this.frame.setSelected(false);
  }

  destroy(): void {
    this.cancelMount();
    this.renderer?.destroy();
    this.renderer = null;
  }

  private mountComponent(): void {
    if (this.renderer !== null) return;
    this.frame.beforeMount?.();
    const props: PortalViewProps<Slots> = {
      node: this.node,
      slots: this.frame.slots,
      updateAttributes: (attributes) => this.updateAttributes(attributes),
      deleteNode: () => this.deleteNode(),
      currentNode: () => this.node,
    };
    this.renderer = new ReactRenderer(this.component, { editor: this.editor, props });
  }
}

/**
 * ProseMirror's content element inside `container`, built as TipTap's
 * NodeViewContent and ReactNodeView build theirs, so the page keeps the
 * same structure and styles: the container keeps the text's white space
 * (pre-wrap: typed spaces stay spaces) under the frame's `normal`, and the
 * content element inherits it.
 */
export function editableContent(container: HTMLElement): HTMLElement {
  container.style.whiteSpace = 'pre-wrap';
  const content = document.createElement('div');
  content.style.whiteSpace = 'inherit';
  container.append(content);
  return content;
}

/** A node view renderer for `component` with a plain-DOM frame (see PortalNodeView). */
export function portalNodeViewRenderer<Slots>(component: ComponentType<PortalViewProps<Slots>>, options: PortalNodeViewOptions<Slots>): NodeViewRenderer {
  return (props) => {
    // As TipTap's renderer does: before EditorContent is mounted there is no React tree to portal from,
    // and the editor builds its node views again once it is (EditorContent calls createNodeViews).
    if (!(props.editor as { contentComponent?: unknown }).contentComponent) return placeholderView();
    return new PortalNodeView(component, props, options);
  };
}

function placeholderView(): ProseMirrorNodeView {
  return { dom: document.createElement('div'), contentDOM: null, update: () => false, ignoreMutation: () => true, stopEvent: () => false };
}
