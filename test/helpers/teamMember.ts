import type { ApiClient } from './apiClient.js';
import type { TeamFixture } from './teamFixture.js';

/** One person of a team fixture by name; fails loudly on a typo instead of passing undefined along. */
export function teamMember(team: TeamFixture, name: string): ApiClient {
  const client = team.people[name];
  if (client === undefined) throw new Error(`no one called ${name} in the team`);
  return client;
}
