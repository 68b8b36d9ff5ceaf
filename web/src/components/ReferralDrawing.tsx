// Referral paths drawn in SVG (a few small paths: plain, readable SVG, no
// WebGL): you on the left, the person you want to meet on the right, one
// lane per path with its people in order; connections are plain lines,
// mentorships arrows from mentee to mentor. The chosen (or hovered) path
// stands out. The SVG says what it drew in data-drawing-ready.
import { colors } from "./PathGraph";
import type { DatedPath, DatedStep } from "../types";

const width = 760;
const margin = 70;
const laneGap = 74;
const radius = 9;

/** A step in a row of the table twin, as walked. */
export interface StepRow {
  path: number;
  step: number;
  from: string;
  words: string;
  to: string;
  since: string | null;
}

/** A walked step's link in words, from the person it starts from. */
export function walkedWords(s: DatedStep): string {
  if (s.kind === "CONNECTION") {
    return "knows";
  }
  return s.direction === "FORWARD" ? "was mentored by" : "mentored";
}

/** Every step of every path, as rows (path and step numbers from 1). */
export function stepRows(paths: DatedPath[]): StepRow[] {
  return paths.flatMap((p, i) =>
    p.steps.map((s, j) => ({ path: i + 1, step: j + 1, from: s.from.name, words: walkedWords(s), to: s.to.name, since: s.since })),
  );
}

interface Point {
  x: number;
  y: number;
}

/** The segment between two node centres, cut back by the node radius at
 * each end (so an arrow head shows). */
function segment(a: Point, b: Point): { x1: number; y1: number; x2: number; y2: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  return { x1: a.x + ux * radius, y1: a.y + uy * radius, x2: b.x - ux * (radius + 2), y2: b.y - uy * (radius + 2) };
}

function shortName(name: string): string {
  return name.length > 18 ? `${name.slice(0, 17)}…` : name;
}

export interface ReferralDrawingProps {
  paths: DatedPath[];
  /** The path (1-based) that stands out, if any. */
  highlight: number | null;
  onPick: (n: number) => void;
}

export function ReferralDrawing({ paths, highlight, onPick }: ReferralDrawingProps) {
  const height = Math.max(paths.length, 1) * laneGap + 40;
  const you: Point = { x: margin, y: height / 2 };
  const target: Point = { x: width - margin, y: height / 2 };
  const first = paths[0]?.steps[0];
  const last = paths[0]?.steps[paths[0].steps.length - 1];
  const steps = paths.reduce((n, p) => n + p.steps.length, 0);
  return (
    <figure class="referral-drawing">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`Drawing of ${paths.length} referral ${paths.length === 1 ? "path" : "paths"}; the table below lists the same steps.`}
        data-drawing-ready={`${paths.length} paths, ${steps} steps`}
      >
        <defs>
          <marker id="mentor-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill={colors.mentorship} />
          </marker>
        </defs>
        {paths.map((p, i) => {
          const n = i + 1;
          const y = 20 + laneGap * (i + 0.5);
          const points: Point[] = [you];
          for (let j = 1; j < p.steps.length; j++) {
            points.push({ x: margin + ((width - 2 * margin) * j) / p.steps.length, y });
          }
          points.push(target);
          const dim = highlight != null && highlight !== n;
          return (
            <g key={n} class={dim ? "lane dim" : "lane"} data-path={n} onClick={() => onPick(n)}>
              <title>
                Path {n}: {[p.steps[0]?.from.name, ...p.steps.map((s) => s.to.name)].join(" → ")}
              </title>
              {p.steps.map((s, j) => {
                const a = points[j];
                const b = points[j + 1];
                if (s.kind === "CONNECTION") {
                  const seg = segment(a, b);
                  return <line key={j} {...seg} stroke={colors.connection} stroke-width={2.5} />;
                }
                // A mentorship points from the mentee to the mentor.
                const seg = s.direction === "FORWARD" ? segment(a, b) : segment(b, a);
                return <line key={j} {...seg} stroke={colors.mentorship} stroke-width={2.5} marker-end="url(#mentor-arrow)" />;
              })}
              {points.slice(1, -1).map((pt, j) => (
                <g key={j}>
                  <circle cx={pt.x} cy={pt.y} r={radius} fill={colors.via} />
                  <text x={pt.x} y={pt.y + radius + 14} text-anchor="middle" class="label">
                    {shortName(p.steps[j].to.name)}
                  </text>
                </g>
              ))}
              <text x={margin - 20} y={y + 4} text-anchor="end" class="lane-number">
                {n}
              </text>
            </g>
          );
        })}
        <circle cx={you.x} cy={you.y} r={radius + 4} fill={colors.you} />
        <text x={you.x} y={you.y - radius - 10} text-anchor="middle" class="label strong">
          You{first ? ` (${shortName(first.from.name)})` : ""}
        </text>
        <circle cx={target.x} cy={target.y} r={radius + 4} fill={colors.match} />
        <text x={target.x} y={target.y - radius - 10} text-anchor="middle" class="label strong">
          {last ? shortName(last.to.name) : ""}
        </text>
      </svg>
      <figcaption class="legend">
        <span><i class="swatch" style={{ background: colors.you }} /> you</span>
        <span><i class="swatch" style={{ background: colors.match }} /> the person you want to meet</span>
        <span><i class="swatch" style={{ background: colors.via }} /> introduces</span>
        <span><i class="line" style={{ background: colors.connection }} /> knows</span>
        <span><i class="line arrow" style={{ background: colors.mentorship }} /> mentored by (arrow to the mentor)</span>
      </figcaption>
    </figure>
  );
}
