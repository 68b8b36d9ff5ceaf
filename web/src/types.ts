// Hand-kept types of the GraphQL answers the app asks for (the selections
// of src/graphql/*.graphql over schema/*.graphqls), checked by tsc.

export type LinkKind = "CONNECTION" | "MENTORSHIP";
export type Direction = "FORWARD" | "BACKWARD";
export type SkillCategory = "TECHNICAL" | "LEADERSHIP" | "BUSINESS" | "CAREER" | "INTERPERSONAL";

export interface PersonRef {
  id: string;
  name: string;
}

export interface PersonSummary extends PersonRef {
  headline: string | null;
}

/** A skill with the broader skills above it (up to three levels up). */
export interface SkillPlace {
  id: string;
  name: string;
  category: SkillCategory;
  broader: SkillBroader | null;
}

export interface SkillBroader {
  id: string;
  name: string;
  broader?: SkillBroader | null;
}

export interface Edges<T> {
  edges: { node: T }[];
}

export interface SearchPeopleData {
  people: Edges<PersonSummary>;
}

export interface SearchSkillsData {
  skills: Edges<SkillPlace>;
}

export interface MentorWeights {
  distance: number;
  level: number;
  capacity: number;
  sharedOrganization: number;
}

export type ScoreBreakdown = MentorWeights;

export interface PathStep {
  from: PersonRef;
  to: PersonRef;
  kind: LinkKind;
  direction: Direction;
}

export interface Path {
  length: number;
  steps: PathStep[];
}

export interface MentorMatch {
  mentor: PersonSummary;
  hops: number;
  skill: { id: string; name: string };
  level: number;
  openSlots: number;
  score: number;
  breakdown: ScoreBreakdown;
  path: Path;
}

export interface FindMentorsData {
  person: PersonSummary | null;
  skill: SkillPlace | null;
  findMentors: Edges<MentorMatch>;
}
