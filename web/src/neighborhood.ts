// A neighbourhood drawing as data: the answers of one neighborhood call
// around a person and of one per person expanded since, merged (each
// person and each stored link once), and bounded.
import type { LinkKind, MentorshipStatus, Neighborhood, PersonSummary } from "./types";

/** The most people one drawing holds: the API's largest neighbourhood. */
export const maxDrawn = 2000;

/** One neighborhood call's answer, with whom it was around. */
export interface NeighborhoodCall {
  around: string;
  answer: Neighborhood;
}

export interface NbNode extends PersonSummary {
  /** Whose neighbourhood brought this person in first. */
  foundAround: string;
  /** Hops from that person in its answer. */
  hops: number;
}

/** A stored link, in its stored direction (a mentorship from the mentee). */
export interface NbLink {
  key: string;
  from: string;
  to: string;
  kind: LinkKind;
  since: string | null;
  status: MentorshipStatus | null;
}

export interface NbDrawing {
  /** The people, in the order their answers named them. */
  nodes: NbNode[];
  links: NbLink[];
  /** The people around whom more were within reach than were let in. */
  truncatedAround: string[];
  /** Whether the drawing reached maxDrawn and left people out. */
  capped: boolean;
}

export function linkKey(kind: LinkKind, from: string, to: string): string {
  return `${kind === "MENTORSHIP" ? "M" : "K"}:${from}>${to}`;
}

/** The calls' answers merged in order; at most cap people. */
export function mergeNeighborhoods(calls: NeighborhoodCall[], cap = maxDrawn): NbDrawing {
  const nodes = new Map<string, NbNode>();
  const links = new Map<string, NbLink>();
  const truncatedAround: string[] = [];
  let capped = false;
  for (const c of calls) {
    for (const n of c.answer.nodes) {
      if (nodes.has(n.person.id)) {
        continue;
      }
      if (nodes.size >= cap) {
        capped = true;
        continue;
      }
      nodes.set(n.person.id, { ...n.person, foundAround: c.around, hops: n.hops });
    }
    for (const l of c.answer.links) {
      const key = linkKey(l.kind, l.from.id, l.to.id);
      if (links.has(key) || !nodes.has(l.from.id) || !nodes.has(l.to.id)) {
        continue;
      }
      links.set(key, { key, from: l.from.id, to: l.to.id, kind: l.kind, since: l.since, status: l.status });
    }
    if (c.answer.truncated) {
      truncatedAround.push(c.around);
    }
  }
  return { nodes: [...nodes.values()], links: [...links.values()], truncatedAround, capped };
}
