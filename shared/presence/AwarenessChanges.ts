/** The client ids an awareness 'change' or 'update' event (y-protocols) names. */
export interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}
