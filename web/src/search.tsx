// The type-aheads' searches (people and skills by name, over the full-text
// indexes) and the names picked in this page's life, shared by the views.
import { namePrefixQuery, request } from "./api";
import SearchPeople from "./graphql/SearchPeople.graphql";
import SearchSkills from "./graphql/SearchSkills.graphql";
import type { PersonSummary, SearchPeopleData, SearchSkillsData, SkillBroader, SkillPlace } from "./types";

/** Names of people and skills picked in this page's life, by id, so the
 * pickers show a name at once (the answers name them too, for a URL
 * opened afresh). */
export const pickedPeople = new Map<string, string>();
export const pickedSkills = new Map<string, SkillPlace>();

/** "Leadership › People management": a skill's place in the hierarchy. */
export function skillTrail(s: { name: string; broader?: SkillBroader | null }): string {
  const up: string[] = [];
  for (let b = s.broader; b; b = b.broader) {
    up.unshift(b.name);
  }
  return [...up, s.name].join(" › ");
}

export function searchPeople(typed: string, signal: AbortSignal): Promise<PersonSummary[]> {
  const search = namePrefixQuery(typed);
  if (!search) {
    return Promise.resolve([]);
  }
  return request<SearchPeopleData>(SearchPeople, { search }, signal).then((d) => d.people.edges.map((e) => e.node));
}

export function searchSkills(typed: string, signal: AbortSignal): Promise<SkillPlace[]> {
  const search = namePrefixQuery(typed);
  if (!search) {
    return Promise.resolve([]);
  }
  return request<SearchSkillsData>(SearchSkills, { search }, signal).then((d) => d.skills.edges.map((e) => e.node));
}

/** A person picker's option: the name, and the headline under it. */
export function personOption(p: PersonSummary) {
  return (
    <>
      <span class="option-name">{p.name}</span>
      {p.headline && <span class="option-note">{p.headline}</span>}
    </>
  );
}

/** A skill picker's option: the name, and its place in the hierarchy. */
export function skillOption(s: SkillPlace) {
  return (
    <>
      <span class="option-name">{s.name}</span>
      <span class="option-note">{skillTrail(s)}</span>
    </>
  );
}
