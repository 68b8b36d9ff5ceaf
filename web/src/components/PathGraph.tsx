// The paths from you to your matches, drawn with sigma.js (WebGL) over a
// graphology graph built once per answer: you in the centre, each person
// on the ring of their hop count, matches highlighted; connections are
// plain lines, mentorships arrows from mentee to mentor. Hovering or
// choosing a match highlights its path through reducers (nothing is
// rebuilt). When drawn, the container says so in data-graph-ready, for
// tests, and a performance mark (graphReadyMark) records when, for anyone
// measuring.
import Graph from "graphology";
import noverlap from "graphology-layout-noverlap";
import { useEffect, useRef, useState } from "preact/hooks";
import Sigma from "sigma";
import type { PathDrawing } from "../paths";
import { radialLayout } from "../paths";

/** The performance mark set each time a drawing is ready. */
export const graphReadyMark = "mentorgraph:graph-ready";

export const colors = {
  you: "#1d3557",
  match: "#e76f51",
  via: "#8d99ae",
  connection: "#a8b3c4",
  mentorship: "#2a6f97",
  dim: "#e3e7ee",
};

interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  label: string;
  color: string;
  role: string;
}

interface EdgeAttrs {
  size: number;
  color: string;
  type: string;
}

export interface PathGraphProps {
  drawing: PathDrawing;
  /** The match whose path stands out, if any. */
  highlight: string | null;
  /** A match's node was clicked. */
  onPick: (mentorId: string) => void;
}

function buildGraph(d: PathDrawing): Graph<NodeAttrs, EdgeAttrs> {
  const g = new Graph<NodeAttrs, EdgeAttrs>({ type: "mixed", multi: false });
  const pos = radialLayout(d);
  for (const n of d.nodes) {
    const p = pos.get(n.id) ?? { x: 0, y: 0 };
    g.addNode(n.id, {
      x: p.x,
      y: p.y,
      size: n.role === "you" ? 14 : n.role === "match" ? 10 : 6,
      label: n.role === "match" ? `${n.rank}. ${n.name}` : n.role === "you" ? `You (${n.name})` : n.name,
      color: colors[n.role],
      role: n.role,
    });
  }
  for (const l of d.links) {
    const attrs =
      l.kind === "MENTORSHIP"
        ? { size: 2.5, color: colors.mentorship, type: "arrow" }
        : { size: 1.5, color: colors.connection, type: "line" };
    if (l.kind === "MENTORSHIP") {
      g.addDirectedEdgeWithKey(l.key, l.from, l.to, attrs);
    } else {
      g.addUndirectedEdgeWithKey(l.key, l.from, l.to, attrs);
    }
  }
  // Spread people who landed on top of each other (many tips on one ring),
  // in graph units: node sizes plus a margin.
  noverlap.assign(g, { maxIterations: 60, settings: { margin: 6, ratio: 1.2 } });
  return g;
}

export function PathGraph({ drawing, highlight, onPick }: PathGraphProps) {
  const box = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma<NodeAttrs, EdgeAttrs> | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  // One renderer per drawing: a new answer is a new graph.
  useEffect(() => {
    const el = box.current;
    if (!el) {
      return;
    }
    el.removeAttribute("data-graph-ready");
    let renderer: Sigma<NodeAttrs, EdgeAttrs>;
    try {
      const g = buildGraph(drawing);
      renderer = new Sigma(g, el, {
        renderLabels: true,
        labelRenderedSizeThreshold: 0,
        labelDensity: 1,
        labelFont: "Liberation Sans, Arial, sans-serif",
        labelSize: 13,
        defaultEdgeType: "line",
        zIndex: true,
        allowInvalidContainer: true,
        // Room for the labels, which sit right of their nodes.
        stagePadding: 70,
      });
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
      el.setAttribute("data-graph-ready", "unavailable");
      return;
    }
    setFailed(null);
    sigma.current = renderer;
    renderer.on("clickNode", ({ node }) => {
      if (renderer.getGraph().getNodeAttribute(node, "role") === "match") {
        pick.current(node);
      }
    });
    renderer.on("enterNode", () => el.classList.add("pointing"));
    renderer.on("leaveNode", () => el.classList.remove("pointing"));
    const ready = () => {
      el.setAttribute("data-graph-ready", `${drawing.nodes.length} nodes, ${drawing.links.length} links`);
      // For speed measurements (cmd/uibench): when the answer was drawn.
      performance.mark(graphReadyMark, { detail: { nodes: drawing.nodes.length, links: drawing.links.length } });
    };
    renderer.once("afterRender", ready);
    renderer.refresh();
    return () => {
      renderer.kill();
      sigma.current = null;
    };
  }, [drawing]);

  // Highlighting is a reducer over the same graph.
  useEffect(() => {
    const r = sigma.current;
    if (!r) {
      return;
    }
    const on = highlight ? drawing.pathOf.get(highlight) : undefined;
    r.setSetting(
      "nodeReducer",
      on
        ? (node, data) => (on.nodes.has(node) ? { ...data, zIndex: 1, highlighted: node === highlight } : { ...data, color: colors.dim, label: "", zIndex: 0 })
        : null,
    );
    r.setSetting(
      "edgeReducer",
      on
        ? (edge, data) => (on.links.has(edge) ? { ...data, size: data.size * 1.8, zIndex: 1 } : { ...data, color: colors.dim, zIndex: 0 })
        : null,
    );
  }, [highlight, drawing]);

  return (
    <figure class="path-graph">
      <div ref={box} class="path-graph-canvas" role="img" aria-label={`Drawing of the paths from you to ${drawing.nodes.filter((n) => n.role === "match").length} mentors; the table below lists the same people and links.`} />
      {failed && <p class="note">This browser cannot draw the graph ({failed}); the table lists the same people and links.</p>}
      <figcaption class="legend">
        <span><i class="swatch" style={{ background: colors.you }} /> you</span>
        <span><i class="swatch" style={{ background: colors.match }} /> match (rank)</span>
        <span><i class="swatch" style={{ background: colors.via }} /> introduces</span>
        <span><i class="line" style={{ background: colors.connection }} /> knows</span>
        <span><i class="line arrow" style={{ background: colors.mentorship }} /> mentored by (arrow to the mentor)</span>
      </figcaption>
    </figure>
  );
}
