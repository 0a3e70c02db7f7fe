/** Someone on the plan's team who can be @mentioned. */
export interface MentionCandidate {
  userId: string;
  name: string;
}
