// The coverage view's data: its state read from the address, the
// heatmap's metrics, columns, rows and colours, and what the tables
// derive from coverage reports (overloaded mentors, who loses coverage
// when a mentor leaves). No rendering here.
import type { ColumnGap, GapCounts, LeaverGap, OrganizationSized, PersonRef, SkillRef } from "./types";

/** Text order by UTF-16 code units: the same on every machine and locale
 * (and the order Go's strings.Compare gives for the names the API returns). */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export type MetricKey = "uncovered" | "demand" | "supply" | "slots";

export interface Metric {
  key: MetricKey;
  label: string;
  /** What one unit is, for a cell's label ("3 uncovered mentees"). */
  unit: (n: number) => string;
  value: (g: GapCounts) => number;
  /** "need": more is worse (warm colours); "have": more is better (cool). */
  tone: "need" | "have";
  help: string;
}

export const metrics: Metric[] = [
  {
    key: "uncovered",
    label: "Uncovered mentees",
    unit: (n) => (n === 1 ? "uncovered mentee" : "uncovered mentees"),
    value: (g) => g.uncovered,
    tone: "need",
    help: "people with an open goal and no mentor with an open slot within reach",
  },
  {
    key: "demand",
    label: "Demand",
    unit: (n) => (n === 1 ? "person wants it" : "people want it"),
    value: (g) => g.demand,
    tone: "need",
    help: "people with an open goal about the skill",
  },
  {
    key: "supply",
    label: "Supply",
    unit: (n) => (n === 1 ? "mentor" : "mentors"),
    value: (g) => g.supply,
    tone: "have",
    help: "people available to mentor at the minimum level (narrower skills count)",
  },
  {
    key: "slots",
    label: "Open slots",
    unit: (n) => (n === 1 ? "open slot" : "open slots"),
    value: (g) => g.openSlots,
    tone: "have",
    help: "the supply's free mentee places",
  },
];

export const metricOf = (k: MetricKey): Metric => metrics.find((m) => m.key === k) ?? metrics[0];

/** Choices of how many organizations the heatmap shows beside "everyone". */
export const topChoices = [0, 2, 4, 6, 8, 10];
export const defaultTop = 4;

/** The gap table's page size, and the most rows it holds at once. */
export const gapPage = 20;
export const maxGapRows = 100;

/** The gap table's sortable columns. */
export const gapSortKeys = ["skill", "demand", "seekers", "supply", "slots", "ratio", "uncovered", "overloaded"] as const;
export type GapSortKey = (typeof gapSortKeys)[number];

/** The view's state, as read from the address. */
export interface CoverageState {
  /** The organization in scope; null for everyone. */
  org: string | null;
  hops: number;
  level: number;
  metric: MetricKey;
  /** How many of the largest organizations get a column. */
  top: number;
  /** The cell drilled into: a skill, in an organization's column (null: everyone's). */
  cell: { skill: string; at: string | null } | null;
  /** The gap table's order (null: the report's, worst gap first). */
  sort: { key: GapSortKey; dir: "asc" | "desc" } | null;
  /** How many rows of the gap table are loaded. */
  rows: number;
  /** The mentor of the "what if they leave" panel. */
  leaves: string | null;
}

function intParam(v: string | null, min: number, max: number, dflt: number): number {
  const n = v == null ? NaN : Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : dflt;
}

export function readCoverageState(url: URL): CoverageState {
  const q = url.searchParams;
  const metric = (metrics.map((m) => m.key) as string[]).includes(q.get("metric") ?? "") ? (q.get("metric") as MetricKey) : "uncovered";
  const top = Number(q.get("top"));
  const sortKey = q.get("sort");
  const cellSkill = q.get("cell");
  const rows = intParam(q.get("rows"), gapPage, maxGapRows, gapPage);
  return {
    org: q.get("org") || null,
    hops: intParam(q.get("hops"), 1, 4, 2),
    level: intParam(q.get("level"), 1, 5, 3),
    metric,
    top: q.has("top") && topChoices.includes(top) ? top : defaultTop,
    cell: cellSkill ? { skill: cellSkill, at: q.get("at") || null } : null,
    sort: sortKey && (gapSortKeys as readonly string[]).includes(sortKey) ? { key: sortKey as GapSortKey, dir: q.get("dir") === "asc" ? "asc" : "desc" } : null,
    rows: rows - (rows % gapPage),
    leaves: q.get("leaves") || null,
  };
}

/** A column of the heatmap: everyone (id null) or one organization. */
export interface HeatColumn {
  id: string | null;
  name: string;
  members: number | null;
  /** The column of the organization in scope. */
  scope: boolean;
}

/**
 * The heatmap's columns: everyone, the organization in scope (if any),
 * then the top largest organizations by current members (ties by name).
 */
export function heatColumns(orgs: OrganizationSized[], scope: OrganizationSized | null, scopeID: string | null, top: number): HeatColumn[] {
  const cols: HeatColumn[] = [{ id: null, name: "Everyone", members: null, scope: scopeID == null }];
  if (scopeID != null) {
    cols.push({ id: scopeID, name: scope?.name ?? scopeID, members: scope?.members.totalCount ?? null, scope: true });
  }
  const ranked = [...orgs]
    .filter((o) => o.id !== scopeID)
    .sort((a, b) => b.members.totalCount - a.members.totalCount || byText(a.name, b.name) || (a.id < b.id ? -1 : 1));
  for (const o of ranked.slice(0, top)) {
    cols.push({ id: o.id, name: o.name, members: o.members.totalCount, scope: false });
  }
  return cols;
}

/** A row of the heatmap: a skill and its gap in each column that reports it. */
export interface HeatRow {
  skill: SkillRef;
  /** By column index; undefined where the column has no demand or supply for it. */
  cells: (ColumnGap | undefined)[];
}

/**
 * The heatmap's rows: every skill some loaded column reports, ordered by
 * the metric in the scope's column (most first), then by name.
 */
export function heatRows(columns: (ColumnGap[] | undefined)[], scopeIndex: number, metric: Metric): HeatRow[] {
  const bySkill = new Map<string, HeatRow>();
  columns.forEach((gaps, i) => {
    for (const g of gaps ?? []) {
      let row = bySkill.get(g.skill.id);
      if (!row) {
        row = { skill: { id: g.skill.id, name: g.skill.name }, cells: columns.map(() => undefined) };
        bySkill.set(g.skill.id, row);
      }
      row.cells[i] = g;
    }
  });
  const key = (r: HeatRow) => {
    const g = r.cells[scopeIndex];
    return g ? metric.value(g) : -1;
  };
  return [...bySkill.values()].sort((a, b) => key(b) - key(a) || byText(a.skill.name, b.skill.name) || (a.skill.id < b.skill.id ? -1 : 1));
}

/**
 * The highest value of the metric in each column (at least 1). Cells are
 * shaded against their own column's highest, so each organization's worst
 * skills stand out however large it is; the numbers compare across columns.
 */
export function columnMax(rows: HeatRow[], columns: number, metric: Metric): number[] {
  const most = Array.from({ length: columns }, () => 1);
  for (const r of rows) {
    r.cells.forEach((g, i) => {
      if (g) {
        most[i] = Math.max(most[i], metric.value(g));
      }
    });
  }
  return most;
}

/** Sequential colour ramps, light to strong: warm for needs, cool for what is there. */
const ramps: Record<Metric["tone"], [number, number, number][]> = {
  need: [
    [255, 247, 236],
    [253, 212, 158],
    [252, 141, 89],
    [215, 48, 31],
    [127, 0, 0],
  ],
  have: [
    [240, 249, 250],
    [178, 226, 226],
    [102, 194, 164],
    [35, 139, 69],
    [0, 68, 27],
  ],
};

/** A cell's background and text colours for value out of most. */
export function heatColor(value: number, most: number, tone: Metric["tone"]): { background: string; color: string } {
  const t = most > 0 ? Math.min(Math.max(value / most, 0), 1) : 0;
  const ramp = ramps[tone];
  const x = t * (ramp.length - 1);
  const i = Math.min(Math.floor(x), ramp.length - 2);
  const f = x - i;
  const c = ramp[i].map((v, k) => Math.round(v + (ramp[i + 1][k] - v) * f));
  return { background: `rgb(${c[0]}, ${c[1]}, ${c[2]})`, color: t > 0.55 ? "#ffffff" : "#1b2430" };
}

/** A mentor full in some skills of the report, with those skills. */
export interface OverloadedMentor {
  person: PersonRef & { mentorCapacity: number };
  skills: SkillRef[];
}

/** The overloaded mentors of a report: each once, with every skill they
 * are full in; most skills first, then by name. */
export function overloadedMentors(gaps: ColumnGap[]): OverloadedMentor[] {
  const byID = new Map<string, OverloadedMentor>();
  for (const g of gaps) {
    for (const p of g.overloaded) {
      let m = byID.get(p.id);
      if (!m) {
        m = { person: p, skills: [] };
        byID.set(p.id, m);
      }
      m.skills.push({ id: g.skill.id, name: g.skill.name });
    }
  }
  for (const m of byID.values()) {
    m.skills.sort((a, b) => byText(a.name, b.name));
  }
  return [...byID.values()].sort((a, b) => b.skills.length - a.skills.length || byText(a.person.name, b.person.name) || (a.person.id < b.person.id ? -1 : 1));
}

/** A person who would lose coverage in a skill. */
export interface Loser {
  person: PersonRef;
  skill: SkillRef;
}

/** A skill whose coverage changes when the mentor leaves. */
export interface LostSkill {
  skill: SkillRef;
  supplyBefore: number;
  supplyAfter: number;
  uncoveredBefore: number;
  uncoveredAfter: number;
  /** Some of the people who lose coverage may be beyond the 50 names each report lists. */
  listCut: boolean;
}

/**
 * Who loses coverage when a mentor leaves: per skill, the people uncovered
 * without them who are covered now (the two reports' uncovered lists
 * compared), and the skills whose supply or coverage changes.
 */
export function losses(before: ColumnGap[], after: LeaverGap[], idCap = 50): { losers: Loser[]; skills: LostSkill[] } {
  const was = new Map(before.map((g) => [g.skill.id, g]));
  const losers: Loser[] = [];
  const skills: LostSkill[] = [];
  for (const g of after) {
    const b = was.get(g.skill.id);
    const supplyBefore = b?.supply ?? g.supply;
    const uncoveredBefore = b?.uncovered ?? g.uncovered;
    if (supplyBefore === g.supply && uncoveredBefore === g.uncovered) {
      continue;
    }
    const covered = new Set((b?.uncoveredMentees ?? []).map((p) => p.id));
    const lost = g.uncoveredMentees.filter((p) => !covered.has(p.id));
    for (const p of lost) {
      losers.push({ person: p, skill: { id: g.skill.id, name: g.skill.name } });
    }
    skills.push({
      skill: { id: g.skill.id, name: g.skill.name },
      supplyBefore,
      supplyAfter: g.supply,
      uncoveredBefore,
      uncoveredAfter: g.uncovered,
      listCut: g.uncovered > idCap || uncoveredBefore > idCap,
    });
  }
  // A skill that leaves the report had supply only from the mentor and no demand.
  const still = new Set(after.map((g) => g.skill.id));
  for (const b of before) {
    if (!still.has(b.skill.id)) {
      skills.push({ skill: { id: b.skill.id, name: b.skill.name }, supplyBefore: b.supply, supplyAfter: 0, uncoveredBefore: b.uncovered, uncoveredAfter: 0, listCut: false });
    }
  }
  losers.sort((a, b) => byText(a.skill.name, b.skill.name) || byText(a.person.name, b.person.name) || (a.person.id < b.person.id ? -1 : 1));
  skills.sort(
    (a, b) =>
      b.uncoveredAfter - b.uncoveredBefore - (a.uncoveredAfter - a.uncoveredBefore) || byText(a.skill.name, b.skill.name),
  );
  return { losers, skills };
}

/** "1,234". */
export const count = (n: number): string => n.toLocaleString("en-US");

/** A ratio with two decimals, or "none" (no supply). */
export const ratioText = (r: number | null): string => (r == null ? "none" : r.toFixed(2));
