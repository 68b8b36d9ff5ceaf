// A match's score as a stacked bar: one segment per part (each already
// weighted), out of the most the weights allow, with the numbers beside.
import type { MentorWeights, ScoreBreakdown } from "../types";

const parts: { key: keyof ScoreBreakdown; name: string; color: string }[] = [
  { key: "distance", name: "distance", color: "#2a6f97" },
  { key: "level", name: "level", color: "#e76f51" },
  { key: "capacity", name: "capacity", color: "#8ab17d" },
  { key: "sharedOrganization", name: "shared organization", color: "#e9c46a" },
];

export const fmt = (n: number) => n.toFixed(2);

export function ScoreBar({ score, breakdown, weights }: { score: number; breakdown: ScoreBreakdown; weights: MentorWeights }) {
  const most = weights.distance + weights.level + weights.capacity + weights.sharedOrganization;
  const words = parts.map((p) => `${p.name} ${fmt(breakdown[p.key])}`).join(", ");
  return (
    <div class="score">
      <div class="score-bar" role="img" aria-label={`score ${fmt(score)}: ${words}`}>
        {parts.map((p) => (
          <span
            key={p.key}
            class="score-part"
            data-part={p.key}
            style={{ width: `${most > 0 ? (100 * breakdown[p.key]) / most : 0}%`, background: p.color }}
          />
        ))}
      </div>
      <ul class="score-parts">
        {parts.map((p) => (
          <li key={p.key}>
            <i class="swatch" style={{ background: p.color }} />
            {p.name} {fmt(breakdown[p.key])}
          </li>
        ))}
      </ul>
    </div>
  );
}
