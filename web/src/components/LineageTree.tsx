// A lineage both ways as one tree in SVG: the person in the middle row,
// their mentors above (and their mentors above them), their mentees below
// (and theirs below them), one row per generation; every line points to
// the mentor, dashed when the mentorship has ended. The same trees follow
// as nested lists (the drawing's twin). Small and readable: SVG, no WebGL.
import { followLink, navigate } from "../router";
import type { LineageEntry, PersonSummary } from "../types";
import { colors } from "./PathGraph";

const colWidth = 130;
const rowHeight = 78;
const top = 34;
const left = 120;

/** A tree node: a person and the entries reached through them. */
interface TreeNode {
  entry: LineageEntry | null;
  id: string;
  name: string;
  children: TreeNode[];
}

/** The tree of entries hanging from the root (each entry under the person
 * its mentorship was reached from). */
export function lineageTree(root: PersonSummary, entries: LineageEntry[]): TreeNode {
  const nodes = new Map<string, TreeNode>();
  const top: TreeNode = { entry: null, id: root.id, name: root.name, children: [] };
  nodes.set(root.id, top);
  for (const e of entries) {
    nodes.set(e.person.id, { entry: e, id: e.person.id, name: e.person.name, children: [] });
  }
  for (const e of entries) {
    const parent = nodes.get(e.via.from.id) ?? top;
    const node = nodes.get(e.person.id);
    if (node) {
      parent.children.push(node);
    }
  }
  return top;
}

function leaves(n: TreeNode): number {
  return n.children.length === 0 ? 1 : n.children.reduce((s, c) => s + leaves(c), 0);
}

function depthOf(n: TreeNode): number {
  return n.children.length === 0 ? 0 : 1 + Math.max(...n.children.map(depthOf));
}

interface Placed {
  node: TreeNode;
  x: number;
  y: number;
  parent: { x: number; y: number } | null;
}

/** Tidy positions: tips side by side, each parent over the middle of its
 * children; rows go up (sign -1) or down (+1) from the root's row. */
function place(root: TreeNode, x0: number, rootY: number, sign: number, out: Placed[]): void {
  let next = x0;
  const walk = (n: TreeNode, depth: number, parent: { x: number; y: number } | null): number => {
    const y = rootY + sign * depth * rowHeight;
    let x: number;
    if (n.children.length === 0) {
      x = next;
      next += colWidth;
    } else {
      // Children first, to centre the parent over them; the parent's own
      // point is needed for their lines, so place them in two passes.
      const start = next;
      const span = leaves(n) * colWidth;
      x = start + span / 2 - colWidth / 2;
      const me = { x, y };
      for (const c of n.children) {
        walk(c, depth + 1, me);
      }
    }
    if (depth > 0) {
      out.push({ node: n, x, y, parent });
    }
    return x;
  };
  walk(root, 0, null);
}

function shortName(name: string): string {
  return name.length > 17 ? `${name.slice(0, 16)}…` : name;
}

function generationName(g: number, up: boolean): string {
  if (g === 1) {
    return up ? "Mentors" : "Mentees";
  }
  if (g === 2) {
    return up ? "Their mentors" : "Their mentees";
  }
  return `Generation ${g}`;
}

export interface LineageTreeProps {
  person: PersonSummary;
  /** The address of a person's page (keeping the view's settings). */
  hrefOf: (id: string) => string;
  ancestors: LineageEntry[];
  descendants: LineageEntry[];
}

export function LineageTree({ person, hrefOf, ancestors, descendants }: LineageTreeProps) {
  const up = lineageTree(person, ancestors);
  const down = lineageTree(person, descendants);
  const upRows = depthOf(up);
  const downRows = depthOf(down);
  const cols = Math.max(leaves(up), leaves(down), 1);
  const width = left + cols * colWidth + 20;
  const rootY = top + upRows * rowHeight;
  const height = rootY + downRows * rowHeight + 46;
  const placed: Placed[] = [];
  // Each tree centred over the wider one.
  place(up, left + ((cols - leaves(up)) * colWidth) / 2 + colWidth / 2, rootY, -1, placed);
  place(down, left + ((cols - leaves(down)) * colWidth) / 2 + colWidth / 2, rootY, 1, placed);
  const rootX = left + (cols * colWidth) / 2;
  const rows: { y: number; name: string }[] = [];
  for (let g = 1; g <= upRows; g++) {
    rows.push({ y: rootY - g * rowHeight, name: generationName(g, true) });
  }
  for (let g = 1; g <= downRows; g++) {
    rows.push({ y: rootY + g * rowHeight, name: generationName(g, false) });
  }
  return (
    <figure class="lineage-drawing">
      <div class="lineage-scroll">
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={`Lineage of ${person.name}: ${ancestors.length} above, ${descendants.length} below; the lists beside name the same people.`}
          data-lineage-ready={`${ancestors.length} ancestors, ${descendants.length} descendants`}
        >
          <defs>
            <marker id="lineage-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill={colors.mentorship} />
            </marker>
          </defs>
          {rows.map((r) => (
            <text key={r.y} x={8} y={r.y + 4} class="row-name">
              {r.name}
            </text>
          ))}
          {placed.map((p) => {
            if (!p.parent) {
              return null;
            }
            // Every line runs up, from the mentee to the mentor: from the
            // lower of the two people to the upper one.
            const [a, b] = p.y > p.parent.y ? [p, p.parent] : [p.parent, p];
            const ended = p.node.entry?.status === "ENDED";
            return (
              <line
                key={`l-${p.node.id}`}
                x1={a.x}
                y1={a.y - 12}
                x2={b.x}
                y2={b.y + 14}
                stroke={colors.mentorship}
                stroke-width={2}
                stroke-dasharray={ended ? "5 4" : undefined}
                marker-end="url(#lineage-arrow)"
              />
            );
          })}
          {placed.map((p) => (
            <g
              key={p.node.id}
              class="lineage-node"
              data-id={p.node.id}
              tabIndex={-1}
              onClick={() => navigate(hrefOf(p.node.id))}
            >
              <title>
                {p.node.name}
                {p.node.entry ? `, generation ${p.node.entry.generation}, ${p.node.entry.status === "ENDED" ? "ended" : "active"}` : ""}
              </title>
              <circle cx={p.x} cy={p.y} r={9} fill={colors.via} />
              <text x={p.x} y={p.y + 24} text-anchor="middle" class="label">
                {shortName(p.node.name)}
              </text>
            </g>
          ))}
          <circle cx={rootX} cy={rootY} r={12} fill={colors.you} />
          <text x={rootX} y={rootY + 28} text-anchor="middle" class="label strong">
            {shortName(person.name)}
          </text>
        </svg>
      </div>
      <figcaption class="legend">
        <span><i class="swatch" style={{ background: colors.you }} /> this person</span>
        <span><i class="line arrow" style={{ background: colors.mentorship }} /> mentored by (arrow to the mentor; dashed: ended)</span>
      </figcaption>
    </figure>
  );
}

/** A lineage as nested lists: each person under the one they were reached
 * from, with their generation and the mentorship's status and dates. */
export function LineageList({
  root,
  entries,
  direction,
  hrefOf,
}: {
  root: PersonSummary;
  entries: LineageEntry[];
  direction: "ancestors" | "descendants";
  hrefOf: (id: string) => string;
}) {
  const tree = lineageTree(root, entries);
  const item = (n: TreeNode) => {
    const e = n.entry as LineageEntry;
    const since = e.via.since ? ` since ${e.via.since}` : "";
    return (
      <li key={n.id} data-id={n.id} data-generation={e.generation}>
        <a href={hrefOf(n.id)} onClick={followLink}>
          {n.name}
        </a>{" "}
        <span class="note">
          generation {e.generation} · {e.status === "ENDED" ? "ended" : "active"}
          {since}
        </span>
        {n.children.length > 0 && <ul>{n.children.map(item)}</ul>}
      </li>
    );
  };
  return (
    <section class="lineage-list" data-direction={direction}>
      <h3>{direction === "ancestors" ? "Mentors, and their mentors" : "Mentees, and their mentees"}</h3>
      {tree.children.length === 0 ? (
        <p class="note">{direction === "ancestors" ? "No mentors recorded." : "No mentees recorded."}</p>
      ) : (
        <ul class="tree">{tree.children.map(item)}</ul>
      )}
    </section>
  );
}
