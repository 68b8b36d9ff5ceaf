// A neighbourhood drawn with sigma.js (WebGL) over one graphology graph
// that grows as people are expanded: people added near whoever brought
// them in, then laid out by ForceAtlas2 in a web worker (the page stays
// responsive) for a bounded number of rounds, then spread by noverlap so
// no two people sit on each other. Clicking a person asks to expand them.
// When laid out and drawn, the container says so in data-graph-ready, and
// data-layout-rounds counts the worker's rounds so far (for tests and anyone
// measuring); the renderer is on the container as .sigma.
import Graph from "graphology";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import noverlap from "graphology-layout-noverlap";
import { useEffect, useRef, useState } from "preact/hooks";
import Sigma from "sigma";
import type { NbDrawing } from "../neighborhood";
import { colors } from "./PathGraph";

interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  label: string;
  color: string;
}

interface EdgeAttrs {
  size: number;
  color: string;
  type: string;
}

/** How long ForceAtlas2 may run after a change: rounds, and time. */
const layoutRounds = 200;
const layoutMillis = 2500;

export interface NeighborhoodGraphProps {
  drawing: NbDrawing;
  /** The person the neighbourhood is around. */
  centre: string;
  expanded: string[];
  /** A person was clicked. */
  onExpand: (id: string) => void;
}

/** Where a new person starts: on a small circle around whoever brought
 * them in (or the centre), spread by their index. */
function startAt(g: Graph<NodeAttrs, EdgeAttrs>, near: string, i: number, hops: number): { x: number; y: number } {
  const base = g.hasNode(near) ? g.getNodeAttributes(near) : { x: 0, y: 0 };
  const angle = i * 2.39996; // the golden angle: no two start on one spot
  const r = 40 * Math.max(hops, 1) + 4 * Math.sqrt(i);
  return { x: base.x + r * Math.cos(angle), y: base.y + r * Math.sin(angle) };
}

function nodeLook(id: string, name: string, centre: string, expanded: string[], truncated: string[]): Partial<NodeAttrs> {
  const more = truncated.includes(id) ? " (+ more)" : "";
  if (id === centre) {
    return { size: 13, color: colors.you, label: name + more };
  }
  if (expanded.includes(id)) {
    return { size: 10, color: colors.match, label: name + more };
  }
  return { size: 6, color: colors.via, label: name };
}

export function NeighborhoodGraph({ drawing, centre, expanded, onExpand }: NeighborhoodGraphProps) {
  const box = useRef<HTMLDivElement>(null);
  const state = useRef<{
    centre: string;
    graph: Graph<NodeAttrs, EdgeAttrs>;
    renderer: Sigma<NodeAttrs, EdgeAttrs>;
    /** Whether the last layout ran to its end (a change may cut one short). */
    laidOut: boolean;
    /** ForceAtlas2 rounds the worker has delivered for this graph. */
    rounds: number;
  } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const expand = useRef(onExpand);
  expand.current = onExpand;

  // The renderer lives as long as the component.
  useEffect(
    () => () => {
      state.current?.renderer.kill();
      state.current = null;
    },
    [],
  );

  useEffect(() => {
    const el = box.current;
    if (!el) {
      return;
    }
    el.removeAttribute("data-graph-ready");
    let s = state.current;
    if (s && s.centre !== centre) {
      s.renderer.kill();
      s = state.current = null;
    }
    if (!s) {
      try {
        const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: "mixed", multi: false });
        const renderer = new Sigma(graph, el, {
          renderLabels: true,
          labelRenderedSizeThreshold: 5,
          labelFont: "Liberation Sans, Arial, sans-serif",
          labelSize: 12,
          defaultEdgeType: "line",
          allowInvalidContainer: true,
          stagePadding: 40,
        });
        renderer.on("clickNode", ({ node }) => expand.current(node));
        renderer.on("enterNode", () => el.classList.add("pointing"));
        renderer.on("leaveNode", () => el.classList.remove("pointing"));
        s = state.current = { centre, graph, renderer, laidOut: false, rounds: 0 };
        (el as HTMLDivElement & { sigma?: unknown }).sigma = renderer;
        setFailed(null);
      } catch (e) {
        setFailed(e instanceof Error ? e.message : String(e));
        el.setAttribute("data-graph-ready", "unavailable");
        return;
      }
    }
    const current = s;
    const { graph, renderer } = s;

    // The graph follows the drawing: new people and links added, people
    // no longer in it (a smaller depth or limit) dropped.
    const keep = new Set(drawing.nodes.map((n) => n.id));
    graph.forEachNode((id) => {
      if (!keep.has(id)) {
        graph.dropNode(id);
      }
    });
    let added = 0;
    drawing.nodes.forEach((n, i) => {
      const look = nodeLook(n.id, n.name, centre, expanded, drawing.truncatedAround);
      if (graph.hasNode(n.id)) {
        graph.mergeNodeAttributes(n.id, look);
        return;
      }
      const at = n.id === centre ? { x: 0, y: 0 } : startAt(graph, n.foundAround, i, n.hops);
      graph.addNode(n.id, { ...at, size: 6, color: colors.via, label: n.name, ...look });
      added++;
    });
    const links = new Set(drawing.links.map((l) => l.key));
    graph.forEachEdge((key) => {
      if (!links.has(key)) {
        graph.dropEdge(key);
      }
    });
    for (const l of drawing.links) {
      if (graph.hasEdge(l.key)) {
        continue;
      }
      added++;
      if (l.kind === "MENTORSHIP") {
        graph.addDirectedEdgeWithKey(l.key, l.from, l.to, { size: 2, color: colors.mentorship, type: "arrow" });
      } else {
        graph.addUndirectedEdgeWithKey(l.key, l.from, l.to, { size: 1.2, color: colors.connection, type: "line" });
      }
    }

    const ready = () => {
      el.setAttribute("data-layout-rounds", String(current.rounds));
      renderer.refresh();
      el.setAttribute("data-graph-ready", `${graph.order} nodes, ${graph.size} links`);
    };
    if (added > 0) {
      current.laidOut = false;
    }
    if (current.laidOut || graph.order < 2) {
      ready();
      return;
    }

    // ForceAtlas2 in its worker, each round's positions written into the
    // graph (sigma redraws them as they come), then noverlap.
    let rounds = 0;
    const count = () => {
      rounds++;
      current.rounds++;
    };
    graph.on("eachNodeAttributesUpdated", count);
    const layout = new FA2Layout(graph, {
      settings: {
        gravity: 0.5,
        scalingRatio: 12,
        strongGravityMode: true,
        slowDown: 1 + Math.log(graph.order),
        barnesHutOptimize: graph.order > 500,
        adjustSizes: false,
      },
    });
    const started = performance.now();
    let timer = 0;
    const finish = () => {
      window.clearInterval(timer);
      layout.kill();
      graph.off("eachNodeAttributesUpdated", count);
      noverlap.assign(graph, { maxIterations: 120, settings: { margin: 4, ratio: 1.15 } });
      current.laidOut = true;
      ready();
    };
    layout.start();
    timer = window.setInterval(() => {
      if (rounds >= layoutRounds || performance.now() - started > layoutMillis) {
        finish();
      }
    }, 40);
    return () => {
      window.clearInterval(timer);
      layout.kill();
      graph.off("eachNodeAttributesUpdated", count);
    };
  }, [drawing, centre, expanded.join(",")]);

  return (
    <figure class="path-graph nb-graph">
      <div
        ref={box}
        class="path-graph-canvas nb-canvas"
        role="img"
        aria-label={`Drawing of ${drawing.nodes.length} people and ${drawing.links.length} links around this person; the table below lists the same people and links. Click a person to show their neighbours too.`}
      />
      {failed && <p class="note">This browser cannot draw the graph ({failed}); the table lists the same people and links.</p>}
      <figcaption class="legend">
        <span><i class="swatch" style={{ background: colors.you }} /> this person</span>
        <span><i class="swatch" style={{ background: colors.match }} /> expanded</span>
        <span><i class="swatch" style={{ background: colors.via }} /> neighbour (click to expand)</span>
        <span><i class="line" style={{ background: colors.connection }} /> knows</span>
        <span><i class="line arrow" style={{ background: colors.mentorship }} /> mentored by (arrow to the mentor)</span>
      </figcaption>
    </figure>
  );
}
