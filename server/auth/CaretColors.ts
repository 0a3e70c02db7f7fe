/** Hands out caret colours, distinct among the people present on a plan (PresenceColors, RedisCaretColors). */
export interface CaretColors {
  /** `present`: user id → colour of everyone this instance knows to be on the plan now. */
  assign(planId: string, userId: string, present: ReadonlyMap<string, string>): string | Promise<string>;
}
