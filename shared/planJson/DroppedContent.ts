/**
 * Something the export left out or replaced with a default because it did not
 * fit the plan schema (an unknown node, a wrong-typed attribute, an unsafe
 * link). `path` points into the editor JSON, e.g. `content[4].content[2].attrs.targetGroups[1]`.
 */
export interface DroppedContent {
  path: string;
  reason: string;
}
