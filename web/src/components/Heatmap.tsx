// The coverage heatmap: a semantic table, skills as rows and organizations
// as columns, each cell a button showing the metric's number on a colour
// that grows with it (the table is its own table twin). One cell is in the
// tab order; the arrow keys, Home and End move between cells, Enter or
// Space opens one.
import type { Load } from "../load";
import type { HeatColumn, HeatRow, Metric } from "../coverage";
import { columnMax, count, heatColor, ratioText } from "../coverage";
import type { ColumnGap } from "../types";

export interface HeatmapProps {
  columns: HeatColumn[];
  loads: Load<ColumnGap[]>[];
  rows: HeatRow[];
  metric: Metric;
  selected: { skill: string; at: string | null } | null;
  onPick: (skill: string, at: string | null) => void;
  caption: string;
}

function cellWords(skill: string, col: HeatColumn, g: ColumnGap | undefined, metric: Metric): string {
  const where = col.id == null ? "everyone" : col.name;
  if (!g) {
    return `${skill}, ${where}: no demand and no mentors`;
  }
  const v = metric.value(g);
  return `${skill}, ${where}: ${count(v)} ${metric.unit(v)}; demand ${g.demand}, supply ${g.supply}, ${g.openSlots} open slots, ${g.uncovered} uncovered, ratio ${ratioText(g.ratio)}`;
}

export function Heatmap({ columns, loads, rows, metric, selected, onPick, caption }: HeatmapProps) {
  const most = columnMax(rows, columns.length, metric);
  const selRow = selected ? rows.findIndex((r) => r.skill.id === selected.skill) : -1;
  const selCol = selected ? columns.findIndex((c) => c.id === selected.at) : -1;
  const focusR = selRow >= 0 && selCol >= 0 ? selRow : 0;
  const focusC = selRow >= 0 && selCol >= 0 ? selCol : 0;

  const move = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement;
    if (!t.matches("button.heat-cell")) {
      return;
    }
    let r = Number(t.dataset.r);
    let c = Number(t.dataset.c);
    switch (e.key) {
      case "ArrowRight":
        c = Math.min(c + 1, columns.length - 1);
        break;
      case "ArrowLeft":
        c = Math.max(c - 1, 0);
        break;
      case "ArrowDown":
        r = Math.min(r + 1, rows.length - 1);
        break;
      case "ArrowUp":
        r = Math.max(r - 1, 0);
        break;
      case "Home":
        c = 0;
        if (e.ctrlKey) r = 0;
        break;
      case "End":
        c = columns.length - 1;
        if (e.ctrlKey) r = rows.length - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    const next = (e.currentTarget as HTMLElement).querySelector<HTMLButtonElement>(`button.heat-cell[data-r="${r}"][data-c="${c}"]`);
    if (next) {
      t.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    }
  };

  return (
    <div class="heatmap-wrap">
      <div class="table-scroll">
        <table class="heatmap" data-table="heatmap" onKeyDown={move}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" class="skill-col">
                Skill
              </th>
              {columns.map((c, i) => (
                <th key={c.id ?? "*"} scope="col" data-col-id={c.id ?? "*"} data-state={loads[i]?.kind} class={c.scope ? "scope" : undefined}>
                  <span class="col-name">{c.name}</span>
                  {c.members != null && <span class="col-note">{count(c.members)} members</span>}
                  {c.scope && <span class="col-note">in scope</span>}
                  {loads[i]?.kind === "loading" && <span class="col-note">loading…</span>}
                  {loads[i]?.kind === "error" && <span class="col-note error-text">failed</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={row.skill.id} data-skill={row.skill.id}>
                <th scope="row">{row.skill.name}</th>
                {columns.map((col, c) => {
                  const load = loads[c];
                  if (load?.kind !== "ok") {
                    return (
                      <td key={col.id ?? "*"} data-col-id={col.id ?? "*"} class="heat-pending">
                        {load?.kind === "error" ? "–" : ""}
                      </td>
                    );
                  }
                  const g = row.cells[c];
                  const v = g ? metric.value(g) : 0;
                  const colors = heatColor(v, most[c], metric.tone);
                  const on = selected?.skill === row.skill.id && selected.at === col.id;
                  return (
                    <td key={col.id ?? "*"} data-col-id={col.id ?? "*"}>
                      <button
                        type="button"
                        class={on ? "heat-cell selected" : g ? "heat-cell" : "heat-cell none"}
                        style={colors}
                        data-r={r}
                        data-c={c}
                        data-value={v}
                        tabIndex={r === focusR && c === focusC ? 0 : -1}
                        aria-pressed={on}
                        aria-label={cellWords(row.skill.name, col, g, metric)}
                        title={cellWords(row.skill.name, col, g, metric)}
                        onClick={() => onPick(row.skill.id, col.id)}
                      >
                        {g ? count(v) : "·"}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HeatLegend metric={metric} />
    </div>
  );
}

function HeatLegend({ metric }: { metric: Metric }) {
  const steps = [0, 0.25, 0.5, 0.75, 1];
  return (
    <p class="heat-legend">
      <span aria-hidden="true">0</span>
      {steps.map((s) => (
        <i key={s} aria-hidden="true" style={{ background: heatColor(s, 1, metric.tone).background }} />
      ))}
      <span aria-hidden="true">its column's largest</span>
      <span class="note">
        Each cell is shaded against the largest {metric.label.toLowerCase()} of its column
        {metric.tone === "need" ? " (darker: more need)" : " (darker: more help)"}, so every organization's worst skills stand out; the
        numbers compare across columns. A dot: no demand and no mentors there.
      </span>
    </p>
  );
}
