/** The JSON form of a ProseMirror node (`node.toJSON()`, TipTap `getJSON()`). */
export interface ProseMirrorNodeJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ProseMirrorNodeJson[];
  marks?: ProseMirrorMarkJson[];
  text?: string;
}

export interface ProseMirrorMarkJson {
  type: string;
  attrs?: Record<string, unknown>;
}
