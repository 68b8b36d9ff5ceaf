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

// Introductions.

/** A walked step with the date its link was made. */
export interface DatedStep {
  from: PersonSummary;
  to: PersonSummary;
  kind: LinkKind;
  direction: Direction;
  /** YYYY-MM-DD, when known. */
  since: string | null;
}

export interface DatedPath {
  length: number;
  steps: DatedStep[];
}

export interface ReferralPathsData {
  from: PersonSummary | null;
  to: PersonSummary | null;
  referralPaths: DatedPath[];
}

// Person.

export type MentorshipStatus = "ACTIVE" | "ENDED";
export type GoalStatus = "OPEN" | "ACHIEVED" | "ABANDONED";

export interface SkillRef {
  id: string;
  name: string;
}

export interface PersonProfile extends PersonSummary {
  bio: string | null;
  location: string | null;
  timezone: string | null;
  availableToMentor: boolean;
  mentorCapacity: number;
  openSlots: number;
  seekingMentorship: boolean;
  skills: { skill: SkillRef & { category: SkillCategory; broader: SkillRef | null }; level: number; years: number | null }[];
  goals: Goal[];
  affiliations: {
    organization: { id: string; name: string; kind: string };
    role: string | null;
    since: string | null;
    until: string | null;
  }[];
  mentors: PersonMentorship<"mentor">[];
  mentees: PersonMentorship<"mentee">[];
}

export interface Goal {
  id: string;
  title: string;
  skill: SkillRef;
  targetLevel: number | null;
  dueDate: string | null;
  status: GoalStatus;
}

export type PersonMentorship<Side extends "mentor" | "mentee"> = {
  [K in Side]: PersonSummary;
} & {
  since: string | null;
  until: string | null;
  focus: SkillRef[];
  status: MentorshipStatus;
};

export interface PersonPageData {
  person: PersonProfile | null;
}

export interface LineageEntry {
  person: PersonSummary;
  generation: number;
  via: DatedStep;
  status: MentorshipStatus;
}

export interface LineageData {
  ancestors: LineageEntry[];
  descendants: LineageEntry[];
}

export interface NeighborLink {
  from: { id: string };
  to: { id: string };
  kind: LinkKind;
  since: string | null;
  status: MentorshipStatus | null;
}

export interface Neighborhood {
  nodes: { person: PersonSummary; hops: number }[];
  links: NeighborLink[];
  truncated: boolean;
}

export interface NeighborhoodData {
  neighborhood: Neighborhood;
}

// Board of mentors.

export interface BoardPersonData {
  person: (PersonSummary & { goals: Goal[] }) | null;
}

export interface BoardSeat {
  mentor: PersonSummary;
  skills: SkillRef[];
  hops: number;
  path: DatedPath;
}

export interface MentorBoardData {
  mentorBoard: { seats: BoardSeat[]; uncovered: SkillRef[] };
}

// Coverage.

export type OrganizationKind = "COMPANY" | "COMMUNITY" | "UNIVERSITY" | "ASSOCIATION";

export interface OrganizationRef {
  id: string;
  name: string;
  kind: OrganizationKind;
}

export interface OrganizationSized extends OrganizationRef {
  members: { totalCount: number };
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface OrganizationsBySizeData {
  organizations: Edges<OrganizationSized> & { totalCount: number; pageInfo: PageInfo };
}

export interface OrganizationByIDData {
  organization: OrganizationSized | null;
}

export interface SearchOrganizationsData {
  organizations: Edges<OrganizationRef>;
}

/** A skill gap's counts (the fields every coverage answer asks for). */
export interface GapCounts {
  skill: SkillRef & { category: SkillCategory };
  demand: number;
  seekers: number;
  supply: number;
  openSlots: number;
  ratio: number | null;
  uncovered: number;
  singlePointOfFailure: boolean;
  overloadedCount: number;
}

/** A skill gap of a heatmap column, with its capped id lists. */
export interface ColumnGap extends GapCounts {
  uncoveredMentees: PersonRef[];
  overloaded: (PersonRef & { mentorCapacity: number })[];
}

export interface CoverageColumnData {
  coverageGaps: Edges<ColumnGap> & { totalCount: number; pageInfo: PageInfo };
}

export interface CoverageGapsPageData {
  coverageGaps: Edges<GapCounts> & { totalCount: number; pageInfo: PageInfo };
}

export interface SupplyMentor extends PersonSummary {
  mentorCapacity: number;
  openSlots: number;
}

export interface SupplyMentorsData {
  people: Edges<SupplyMentor> & { totalCount: number };
}

export interface MentorshipOf {
  mentee: PersonSummary;
  status: MentorshipStatus;
  since: string | null;
  focus: SkillRef[];
}

export interface LeaverGap {
  skill: SkillRef & { category: SkillCategory };
  demand: number;
  supply: number;
  openSlots: number;
  uncovered: number;
  uncoveredMentees: PersonRef[];
}

export interface MentorLeavesData {
  person:
    | (PersonSummary & { availableToMentor: boolean; mentorCapacity: number; openSlots: number; mentees: MentorshipOf[] })
    | null;
  coverageGaps: Edges<LeaverGap> & { totalCount: number; pageInfo: PageInfo };
}

export interface SuccessorSkill {
  skill: SkillRef;
  heldSkill: SkillRef;
  level: number;
  target: number;
  gap: number;
}

export interface Successor {
  person: PersonSummary;
  generation: number;
  score: number;
  covered: SuccessorSkill[];
}

export interface SuccessorsData {
  successors: Successor[];
}

/** A pending mentorship request (MentorshipRequests.graphql). */
export interface MentorshipRequest {
  mentee: PersonSummary;
  mentor: PersonSummary;
  requestedBy: { id: string };
  focus: { id: string; name: string }[];
  message: string | null;
  requestedAt: string;
}

export interface MentorshipRequestsData {
  me: { received: MentorshipRequest[]; sent: MentorshipRequest[] } | null;
}
