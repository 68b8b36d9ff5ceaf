// The drawing of mentor matches as data: the people and stored links on
// the paths from you to each match (shared by the graph and its table
// twin), the radial layout, and a path told in words.
import type { MentorMatch, PathStep, PersonRef, LinkKind } from "./types";

export type Role = "you" | "match" | "via";

/** A person of the drawing. */
export interface PathNode {
  id: string;
  name: string;
  role: Role;
  /** Hops from you (0 for you): the position on a shortest path. */
  hops: number;
  /** The person before this one on the first path that reaches it. */
  parent: string | null;
  /** Rank (1-based) of the match, for matches. */
  rank: number | null;
}

/** A stored link of the drawing, in its stored direction: for a
 * mentorship, from is the mentee and to the mentor. */
export interface PathLink {
  key: string;
  from: string;
  to: string;
  kind: LinkKind;
}

export interface PathDrawing {
  nodes: PathNode[];
  links: PathLink[];
  /** The ids of each match's path, people and links, by mentor id. */
  pathOf: Map<string, { nodes: Set<string>; links: Set<string> }>;
}

/** The stored link a walked step follows. */
export function storedLink(step: PathStep): PathLink {
  if (step.kind === "MENTORSHIP") {
    const [from, to] = step.direction === "FORWARD" ? [step.from.id, step.to.id] : [step.to.id, step.from.id];
    return { key: `M:${from}>${to}`, from, to, kind: "MENTORSHIP" };
  }
  // A connection means the same both ways: one key for the pair.
  const [a, b] = step.from.id < step.to.id ? [step.from.id, step.to.id] : [step.to.id, step.from.id];
  return { key: `K:${a}-${b}`, from: step.from.id, to: step.to.id, kind: "CONNECTION" };
}

/** The people and links of the matches' paths, nodes in the order first
 * met (you, then along each path in rank order). */
export function pathDrawing(you: PersonRef, matches: MentorMatch[]): PathDrawing {
  const nodes = new Map<string, PathNode>();
  const links = new Map<string, PathLink>();
  const pathOf = new Map<string, { nodes: Set<string>; links: Set<string> }>();
  nodes.set(you.id, { id: you.id, name: you.name, role: "you", hops: 0, parent: null, rank: null });
  const matchRank = new Map(matches.map((m, i) => [m.mentor.id, i + 1]));
  for (const m of matches) {
    const on = { nodes: new Set<string>([you.id]), links: new Set<string>() };
    m.path.steps.forEach((step, i) => {
      const to = step.to;
      if (!nodes.has(to.id)) {
        const rank = matchRank.get(to.id) ?? null;
        nodes.set(to.id, { id: to.id, name: to.name, role: rank ? "match" : "via", hops: i + 1, parent: step.from.id, rank });
      }
      const link = storedLink(step);
      if (!links.has(link.key)) {
        links.set(link.key, link);
      }
      on.nodes.add(to.id);
      on.links.add(link.key);
    });
    pathOf.set(m.mentor.id, on);
  }
  // A match's hops is its own answer's (a path may pass it at the same depth).
  for (const m of matches) {
    const n = nodes.get(m.mentor.id);
    if (n) {
      n.role = "match";
      n.rank = matchRank.get(m.mentor.id) ?? null;
    }
  }
  return { nodes: [...nodes.values()], links: [...links.values()], pathOf };
}

/**
 * Positions for a radial tree: you in the centre, each person on the ring
 * of their hop count, each subtree in an angular wedge as wide as the
 * number of people at its tips. The same answer gives the same picture.
 */
export function radialLayout(d: PathDrawing, ringGap = 100): Map<string, { x: number; y: number }> {
  const children = new Map<string, string[]>();
  let root = "";
  for (const n of d.nodes) {
    if (n.parent == null) {
      root = n.id;
      continue;
    }
    const list = children.get(n.parent) ?? [];
    list.push(n.id);
    children.set(n.parent, list);
  }
  const tips = new Map<string, number>();
  const countTips = (id: string): number => {
    const kids = children.get(id) ?? [];
    const n = kids.length === 0 ? 1 : kids.reduce((s, k) => s + countTips(k), 0);
    tips.set(id, n);
    return n;
  };
  countTips(root);
  const pos = new Map<string, { x: number; y: number }>();
  const hops = new Map(d.nodes.map((n) => [n.id, n.hops]));
  const place = (id: string, from: number, to: number) => {
    const r = (hops.get(id) ?? 0) * ringGap;
    // The first wedge starts at the top; wedges go clockwise.
    const angle = Math.PI / 2 - (from + to) / 2;
    pos.set(id, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
    let start = from;
    for (const k of children.get(id) ?? []) {
      const width = ((to - from) * (tips.get(k) ?? 1)) / (tips.get(id) ?? 1);
      place(k, start, start + width);
      start += width;
    }
  };
  place(root, 0, 2 * Math.PI);
  return pos;
}

/** A walked step in words, as said of the person it starts from. */
function stepWords(step: PathStep, first: boolean): string {
  const to = step.to.name;
  if (step.kind === "CONNECTION") {
    return first ? `you know ${to}` : `who knows ${to}`;
  }
  if (step.direction === "FORWARD") {
    return first ? `you were mentored by ${to}` : `who was mentored by ${to}`;
  }
  return first ? `you mentored ${to}` : `who mentored ${to}`;
}

/** A path in words: "you know Ana, who was mentored by Raj". */
export function pathInWords(steps: PathStep[]): string {
  return steps.map((s, i) => stepWords(s, i === 0)).join(", ");
}

/** A stored link in words, for the table twin. */
export function linkInWords(kind: LinkKind): string {
  return kind === "MENTORSHIP" ? "was mentored by" : "knows";
}
