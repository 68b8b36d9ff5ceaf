// View 5, "Coverage": for organizers. A heatmap of skill × organization
// (uncovered mentees, demand, supply or open slots) with a drill-down into
// a cell's mentees and mentors; the gap table of the organization in scope
// (or everyone), paged through coverageGaps' cursor and sortable; its
// overloaded mentors and single-mentor skills; and what happens if a
// mentor leaves: who loses coverage, their current mentees, and who could
// succeed them. Every table downloads as CSV. Every control is a URL
// parameter, so a reload or a shared link gives the same screen:
//
//	/coverage?org=<organization id>&hops=2&level=3&metric=uncovered|demand|supply|slots
//	          &top=4&cell=<skill id>&at=<organization id>&sort=<column>&dir=asc|desc
//	          &rows=20&leaves=<person id>
//
// Each heatmap column is one coverage report (one request, the whole
// report of an organization or of everyone, a request per hundred skills):
// the columns are everyone, the
// organization in scope and the `top` largest organizations by members, so
// the requests are bounded by the choice shown on screen, and asked two at
// a time.
import { useEffect, useMemo, useState } from "preact/hooks";
import { namePrefixQuery, request } from "../api";
import {
  byText,
  count,
  gapPage,
  heatColumns,
  heatRows,
  losses,
  maxGapRows,
  metricOf,
  metrics,
  overloadedMentors,
  ratioText,
  readCoverageState,
  topChoices,
} from "../coverage";
import type { CoverageState, GapSortKey, HeatColumn, Loser, LostSkill, OverloadedMentor } from "../coverage";
import { fileName } from "../csv";
import type { Column } from "../components/DataTable";
import { CsvButton, DataTable, sortRows } from "../components/DataTable";
import { ErrorBox } from "../components/ErrorBox";
import { Heatmap } from "../components/Heatmap";
import { Typeahead } from "../components/Typeahead";
import CoverageColumn from "../graphql/CoverageColumn.graphql";
import CoverageGapsPage from "../graphql/CoverageGapsPage.graphql";
import MentorLeaves from "../graphql/MentorLeaves.graphql";
import OrganizationByID from "../graphql/OrganizationByID.graphql";
import OrganizationsBySize from "../graphql/OrganizationsBySize.graphql";
import SearchOrganizations from "../graphql/SearchOrganizations.graphql";
import SearchPeople from "../graphql/SearchPeople.graphql";
import SuccessorsDoc from "../graphql/Successors.graphql";
import SupplyMentorsDoc from "../graphql/SupplyMentors.graphql";
import type { Load } from "../load";
import { apiError, cached, forget, limiter, peek, useLoad } from "../load";
import { here, setParams } from "../router";
import type {
  ColumnGap,
  CoverageColumnData,
  CoverageGapsPageData,
  GapCounts,
  MentorLeavesData,
  MentorshipOf,
  OrganizationByIDData,
  OrganizationRef,
  OrganizationSized,
  OrganizationsBySizeData,
  PersonSummary,
  SearchOrganizationsData,
  SearchPeopleData,
  Successor,
  SuccessorsData,
  SupplyMentor,
  SupplyMentorsData,
} from "../types";

/** Coverage reports run two at a time: each is seconds of Neo4j's work on a large network. */
const reports = limiter(2);
/** Small lookups (a skill's mentors) four at a time. */
const lookups = limiter(4);
/** Organizations are ranked among at most this many pages of 100. */
const maxOrgPages = 10;
/** Single-mentor skills whose mentor is looked up (one small request each). */
const maxSingleLookups = 50;
/** A cell's mentors listed. */
const cellMentors = 100;
/** Successors are measured on at most this many skills (the API's limit). */
const maxSuccessionSkills = 20;

const orgNames = new Map<string, string>();
const pickedPeople = new Map<string, string>();

function fetchOrganizations(): Promise<{ orgs: OrganizationSized[]; total: number; cut: boolean }> {
  return (async () => {
    const orgs: OrganizationSized[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < maxOrgPages; page++) {
      const d: OrganizationsBySizeData = await request<OrganizationsBySizeData>(OrganizationsBySize, { after });
      total = d.organizations.totalCount;
      for (const e of d.organizations.edges) {
        orgs.push(e.node);
        orgNames.set(e.node.id, e.node.name);
      }
      if (!d.organizations.pageInfo.hasNextPage) {
        return { orgs, total, cut: false };
      }
      after = d.organizations.pageInfo.endCursor;
    }
    return { orgs, total, cut: true };
  })();
}

const columnKey = (org: string | null, hops: number, level: number) => `cov:${org ?? "*"}:${hops}:${level}`;

/** A column's report is read a hundred skills a page, at most this many pages. */
const maxColumnPages = 10;

/** A heatmap column's whole report: every page of it, through the cursor. */
function fetchColumn(org: string | null, hops: number, level: number): Promise<ColumnGap[]> {
  return cached(columnKey(org, hops, level), () =>
    reports(async () => {
      const gaps: ColumnGap[] = [];
      let after: string | null = null;
      for (let page = 0; page < maxColumnPages; page++) {
        const d: CoverageColumnData = await request<CoverageColumnData>(CoverageColumn, { organization: org, maxHops: hops, minLevel: level, after });
        gaps.push(...d.coverageGaps.edges.map((e) => e.node));
        if (!d.coverageGaps.pageInfo.hasNextPage) {
          break;
        }
        after = d.coverageGaps.pageInfo.endCursor;
      }
      return gaps;
    }),
  );
}

function fetchSupply(skill: string, org: string | null, level: number, first: number): Promise<SupplyMentorsData["people"]> {
  return cached(`supply:${skill}:${org ?? "*"}:${level}:${first}`, () =>
    lookups(() =>
      request<SupplyMentorsData>(SupplyMentorsDoc, { skill, organization: org, minLevel: level, first }).then((d) => d.people),
    ),
  );
}

function searchOrganizations(typed: string, signal: AbortSignal): Promise<OrganizationRef[]> {
  const search = namePrefixQuery(typed);
  if (!search) {
    return Promise.resolve([]);
  }
  return request<SearchOrganizationsData>(SearchOrganizations, { search }, signal).then((d) => d.organizations.edges.map((e) => e.node));
}

function searchPeople(typed: string, signal: AbortSignal): Promise<PersonSummary[]> {
  const search = namePrefixQuery(typed);
  if (!search) {
    return Promise.resolve([]);
  }
  return request<SearchPeopleData>(SearchPeople, { search }, signal).then((d) => d.people.edges.map((e) => e.node));
}

/** The loads of the heatmap's columns, each shown as it arrives. */
function useColumns(columns: HeatColumn[], hops: number, level: number, version: number): Load<ColumnGap[]>[] {
  // Keyed by version too, so a refresh shows loading, not the answers it replaces.
  const keys = columns.map((c) => `${version}|${columnKey(c.id, hops, level)}`);
  const [loads, setLoads] = useState<Record<string, Load<ColumnGap[]>>>({});
  const joined = keys.join(",");
  useEffect(() => {
    let live = true;
    for (const c of columns) {
      const key = `${version}|${columnKey(c.id, hops, level)}`;
      fetchColumn(c.id, hops, level).then(
        (data) => live && setLoads((m) => ({ ...m, [key]: { kind: "ok", data } })),
        (e: unknown) => live && setLoads((m) => ({ ...m, [key]: { kind: "error", error: apiError(e) } })),
      );
    }
    return () => {
      live = false;
    };
  }, [joined]);
  return columns.map((c, i): Load<ColumnGap[]> => {
    const kept = peek<ColumnGap[]>(columnKey(c.id, hops, level));
    return loads[keys[i]] ?? (kept ? { kind: "ok", data: kept } : { kind: "loading" });
  });
}

function scopeWords(st: CoverageState, scopeName: string | null): string {
  return `${st.org ? scopeName ?? st.org : "everyone"}, within ${st.hops} ${st.hops === 1 ? "hop" : "hops"}, mentors at level ${st.level} or above`;
}

export function Coverage() {
  const st = readCoverageState(here.value);
  const metric = metricOf(st.metric);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    document.title = "Coverage · MentorGraph";
  }, []);

  const orgs = useLoad(`orgs`, fetchOrganizations, version);
  const scopeInList = orgs.kind === "ok" ? orgs.data.orgs.find((o) => o.id === st.org) ?? null : null;
  const scopeLookup = useLoad(
    st.org && orgs.kind !== "loading" && !scopeInList ? `org:${st.org}` : null,
    () => request<OrganizationByIDData>(OrganizationByID, { id: st.org }).then((d) => d.organization),
    version,
  );
  const scopeOrg = scopeInList ?? (scopeLookup.kind === "ok" ? scopeLookup.data : null);
  if (scopeOrg) {
    orgNames.set(scopeOrg.id, scopeOrg.name);
  }
  const scopeName = st.org ? scopeOrg?.name ?? orgNames.get(st.org) ?? null : null;

  const columns = useMemo(
    () => heatColumns(orgs.kind === "ok" ? orgs.data.orgs : [], scopeOrg, st.org, orgs.kind === "ok" ? st.top : 0),
    [orgs.kind, st.org, st.top, scopeOrg?.id, scopeOrg?.name],
  );
  const loads = useColumns(columns, st.hops, st.level, version);
  const scopeIndex = st.org ? 1 : 0;
  const scopeLoad = loads[scopeIndex];
  const rows = heatRows(loads.map((l) => (l.kind === "ok" ? l.data : undefined)), scopeIndex, metric);
  const heatState = orgs.kind === "loading" || loads.some((l) => l.kind === "loading") ? "loading" : loads.some((l) => l.kind === "error") || orgs.kind === "error" ? "error" : "ok";

  const refresh = () => {
    forget("");
    setVersion((v) => v + 1);
  };

  const openLeaves = (id: string, name: string) => {
    pickedPeople.set(id, name);
    setParams({ leaves: id });
    window.requestAnimationFrame(() => document.getElementById("whatif-heading")?.focus());
  };

  const reportCount = columns.length;
  return (
    <main class="coverage" id="main">
      <h1>Coverage</h1>
      <form class="controls coverage-controls" onSubmit={(e) => e.preventDefault()} aria-label="Which coverage">
        <div class="scope">
          <Typeahead<OrganizationRef>
            id="scope"
            label="Organization"
            placeholder="Everyone (type to pick one)"
            picked={st.org ? scopeName ?? st.org : ""}
            search={searchOrganizations}
            keyOf={(o) => o.id}
            render={(o) => (
              <>
                <span class="option-name">{o.name}</span>
                <span class="option-note">{o.kind.toLowerCase()}</span>
              </>
            )}
            onPick={(o) => {
              orgNames.set(o.id, o.name);
              setParams({ org: o.id, cell: null, at: null, rows: null });
            }}
          />
          <button type="button" class="link" id="everyone" disabled={!st.org} onClick={() => setParams({ org: null, cell: null, at: null, rows: null })}>
            Everyone
          </button>
        </div>
        <div class="filters">
          <label>
            Reach
            <select id="hops" value={String(st.hops)} onChange={(e) => setParams({ hops: (e.currentTarget as HTMLSelectElement).value, rows: null })}>
              {[1, 2, 3, 4].map((h) => (
                <option key={h} value={String(h)}>
                  {h} {h === 1 ? "hop" : "hops"}
                </option>
              ))}
            </select>
          </label>
          <label>
            Mentor level
            <select id="level" value={String(st.level)} onChange={(e) => setParams({ level: (e.currentTarget as HTMLSelectElement).value, rows: null })}>
              {[1, 2, 3, 4, 5].map((l) => (
                <option key={l} value={String(l)}>
                  {l}+
                </option>
              ))}
            </select>
          </label>
          <label>
            Organizations shown
            <select id="top" value={String(st.top)} onChange={(e) => setParams({ top: (e.currentTarget as HTMLSelectElement).value })} aria-describedby="requests-note">
              {topChoices.map((n) => (
                <option key={n} value={String(n)}>
                  {n === 0 ? "none" : `top ${n} by members`}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="link" onClick={refresh}>
            Refresh
          </button>
        </div>
        <fieldset class="metric">
          <legend>Heatmap shows</legend>
          {metrics.map((m) => (
            <label class="check" key={m.key} title={m.help}>
              <input type="radio" name="metric" value={m.key} checked={st.metric === m.key} onChange={() => setParams({ metric: m.key === "uncovered" ? null : m.key }, true)} />
              {m.label}
            </label>
          ))}
        </fieldset>
      </form>

      <div class="coverage-grid">
        <section class="heatmap-section panel" aria-labelledby="heatmap-heading" data-state={heatState} aria-busy={heatState === "loading"}>
          <h2 id="heatmap-heading">{metric.label} by skill and organization</h2>
          <p class="note" id="requests-note">
            Each column is one coverage report (the whole report of its organization; one request per hundred skills):{" "}
            {reportCount} {reportCount === 1 ? "report" : "reports"} here — everyone{st.org ? ", the organization in scope" : ""}
            {st.top > 0 ? ` and the ${st.top} largest organizations by members` : ""} — asked two at a time.
            {orgs.kind === "ok" && orgs.data.cut && ` Ranked among the first ${count(orgs.data.orgs.length)} of ${count(orgs.data.total)} organizations.`}
          </p>
          {orgs.kind === "error" && <ErrorBox title="Could not list the organizations." error={orgs.error} />}
          {loads.map((l, i) =>
            l.kind === "error" ? <ErrorBox key={i} title={`Could not load the coverage of ${columns[i].id == null ? "everyone" : columns[i].name}.`} error={l.error} /> : null,
          )}
          {rows.length === 0 && heatState === "ok" ? (
            <p class="status empty" role="status">
              No skill has demand or mentors here.
            </p>
          ) : rows.length === 0 ? (
            <div class="heat-skeleton skeleton" aria-hidden="true" />
          ) : (
            <Heatmap
              columns={columns}
              loads={loads}
              rows={rows}
              metric={metric}
              selected={st.cell}
              onPick={(skill, at) =>
                setParams(st.cell?.skill === skill && st.cell.at === at ? { cell: null, at: null } : { cell: skill, at }, true)
              }
              caption={`${metric.label} per skill (rows) and organization (columns); ${scopeWords(st, scopeName)}. Choose a cell for its mentees and mentors.`}
            />
          )}
          {rows.length > 0 && (
            <p class="table-tools">
              <span class="note">Every cell with all its numbers, as a file:</span>
              <CsvButton
                name="heatmap"
                what="the heatmap"
                columns={heatCSVColumns}
                rows={heatCSVRows(columns, rows)}
                csvName={fileName("coverage-heatmap", st.org ?? "everyone", `${st.hops}-hops`, `level-${st.level}`)}
              />
            </p>
          )}
        </section>

        <CellPanel st={st} columns={columns} loads={loads} onLeaves={openLeaves} />
      </div>

      <GapTable st={st} scopeName={scopeName} version={version} />

      <div class="coverage-pair">
        <OverloadedTable st={st} scope={scopeLoad} scopeName={scopeName} onLeaves={openLeaves} />
        <SingleMentorTable st={st} scope={scopeLoad} scopeName={scopeName} onLeaves={openLeaves} />
      </div>

      <WhatIf st={st} scope={scopeLoad} scopeName={scopeName} />
    </main>
  );
}

/** A heatmap cell as a CSV row. */
interface HeatCSVRow {
  skillID: string;
  skill: string;
  orgID: string;
  org: string;
  g: ColumnGap;
}

const heatCSVColumns: Column<HeatCSVRow>[] = [
  { key: "skill", label: "Skill", value: (r) => r.skill, rowHeader: true },
  { key: "org", label: "Organization", value: (r) => r.org },
  { key: "demand", label: "Demand", value: (r) => r.g.demand, numeric: true },
  { key: "seekers", label: "Seekers", value: (r) => r.g.seekers, numeric: true },
  { key: "supply", label: "Supply", value: (r) => r.g.supply, numeric: true },
  { key: "slots", label: "Open slots", value: (r) => r.g.openSlots, numeric: true },
  { key: "uncovered", label: "Uncovered", value: (r) => r.g.uncovered, numeric: true },
  { key: "skillID", label: "Skill id", value: (r) => r.skillID, csvOnly: true },
  { key: "orgID", label: "Organization id", value: (r) => r.orgID, csvOnly: true },
];

function heatCSVRows(columns: HeatColumn[], rows: ReturnType<typeof heatRows>): HeatCSVRow[] {
  const out: HeatCSVRow[] = [];
  for (const r of rows) {
    r.cells.forEach((g, i) => {
      if (g) {
        out.push({ skillID: r.skill.id, skill: r.skill.name, orgID: columns[i].id ?? "", org: columns[i].name, g });
      }
    });
  }
  return out;
}

function leaveButton(id: string, name: string, onLeaves: (id: string, name: string) => void) {
  return (
    <button type="button" class="link" data-leaves={id} aria-label={`What if ${name} leaves?`} onClick={() => onLeaves(id, name)}>
      What if they leave?
    </button>
  );
}

interface CellPanelProps {
  st: CoverageState;
  columns: HeatColumn[];
  loads: Load<ColumnGap[]>[];
  onLeaves: (id: string, name: string) => void;
}

/** The drill-down of a heatmap cell: its numbers, uncovered mentees and mentors. */
function CellPanel({ st, columns, loads, onLeaves }: CellPanelProps) {
  const cell = st.cell;
  const ci = cell ? columns.findIndex((c) => c.id === cell.at) : -1;
  const col = ci >= 0 ? columns[ci] : null;
  const load = ci >= 0 ? loads[ci] : null;
  const gap = load?.kind === "ok" && cell ? load.data.find((g) => g.skill.id === cell.skill) : undefined;
  const mentors = useLoad(cell ? `supply:${cell.skill}:${cell.at ?? "*"}:${st.level}:${cellMentors}` : null, () =>
    fetchSupply(cell!.skill, cell!.at, st.level, cellMentors),
  );
  if (!cell) {
    return (
      <aside class="cell-panel panel" aria-labelledby="cell-heading" data-state="idle">
        <h2 id="cell-heading">A cell's people</h2>
        <p class="status">Choose a cell of the heatmap to list its uncovered mentees and its mentors.</p>
      </aside>
    );
  }
  const where = col ? (col.id == null ? "everyone" : col.name) : cell.at ?? "everyone";
  const state = !col ? "error" : load?.kind === "loading" || mentors.kind === "loading" ? "loading" : load?.kind === "error" ? "error" : mentors.kind === "error" ? "error" : "ok";
  const skillName = gap?.skill.name ?? cell.skill;
  const overloaded = new Set(gap?.overloaded.map((p) => p.id) ?? []);
  const menteeColumns: Column<{ id: string; name: string }>[] = [
    { key: "name", label: "Mentee", value: (p) => p.name, rowHeader: true },
    { key: "id", label: "Person id", value: (p) => p.id, csvOnly: true },
  ];
  const mentorColumns: Column<SupplyMentor>[] = [
    { key: "name", label: "Mentor", value: (p) => p.name, rowHeader: true },
    { key: "headline", label: "Headline", value: (p) => p.headline ?? "" },
    { key: "slots", label: "Open slots", value: (p) => p.openSlots, numeric: true },
    { key: "capacity", label: "Capacity", value: (p) => p.mentorCapacity, numeric: true },
    { key: "full", label: "Full", value: (p) => (overloaded.has(p.id) || p.openSlots === 0 ? "yes" : "no") },
    { key: "id", label: "Person id", value: (p) => p.id, csvOnly: true },
    { key: "leaves", label: "What if", value: () => "", render: (p) => leaveButton(p.id, p.name, onLeaves), screenOnly: true },
  ];
  return (
    <aside class="cell-panel panel" aria-labelledby="cell-heading" data-state={state} data-skill={cell.skill} data-at={cell.at ?? "*"}>
      <div class="panel-head">
        <h2 id="cell-heading">
          {skillName} · {where}
        </h2>
        <button type="button" class="link" onClick={() => setParams({ cell: null, at: null }, true)}>
          Close
        </button>
      </div>
      {!col && <p class="status">This organization is not a column of the heatmap; pick it as the organization in scope or show more organizations.</p>}
      {load?.kind === "error" && <ErrorBox title={`Could not load the coverage of ${where}.`} error={load.error} />}
      {load?.kind === "ok" && !gap && <p class="status empty">Nobody in {where} wants {skillName} or mentors in it.</p>}
      {gap && (
        <dl class="facts cell-facts">
          <div>
            <dt>Demand</dt>
            <dd>{count(gap.demand)}</dd>
          </div>
          <div>
            <dt>Seekers</dt>
            <dd>{count(gap.seekers)}</dd>
          </div>
          <div>
            <dt>Supply</dt>
            <dd>{count(gap.supply)}</dd>
          </div>
          <div>
            <dt>Open slots</dt>
            <dd>{count(gap.openSlots)}</dd>
          </div>
          <div>
            <dt>Ratio</dt>
            <dd>{ratioText(gap.ratio)}</dd>
          </div>
          <div>
            <dt>Uncovered</dt>
            <dd>{count(gap.uncovered)}</dd>
          </div>
          <div>
            <dt>Overloaded</dt>
            <dd>{count(gap.overloadedCount)}</dd>
          </div>
        </dl>
      )}
      {gap && (
        <DataTable
          name="cell-mentees"
          caption={`Uncovered mentees (${count(gap.uncovered)})`}
          note={gap.uncovered > gap.uncoveredMentees.length ? `The first ${gap.uncoveredMentees.length} by id are listed.` : "No mentor with an open slot within reach."}
          columns={menteeColumns}
          rows={gap.uncoveredMentees}
          rowKey={(p) => p.id}
          csvName={fileName("uncovered", skillName, where, `${st.hops}-hops`, `level-${st.level}`)}
          empty="Everyone who wants it has a mentor with an open slot within reach."
        />
      )}
      {mentors.kind === "error" && <ErrorBox title="Could not list the mentors." error={mentors.error} />}
      {mentors.kind === "loading" && <p class="status">Listing the mentors…</p>}
      {mentors.kind === "ok" && (
        <DataTable
          name="cell-mentors"
          caption={`Mentors (${count(mentors.data.totalCount)})`}
          note={mentors.data.totalCount > mentors.data.edges.length ? `The first ${mentors.data.edges.length} by id are listed.` : `Available, at level ${st.level} or above (narrower skills count).`}
          columns={mentorColumns}
          rows={mentors.data.edges.map((e) => e.node)}
          rowKey={(p) => p.id}
          csvName={fileName("mentors", skillName, where, `level-${st.level}`)}
          empty="Nobody here mentors in it."
        />
      )}
    </aside>
  );
}

/** The gap table's loaded rows, for one question. */
interface GapRows {
  key: string;
  rows: GapCounts[];
  total: number;
  endCursor: string | null;
  hasNext: boolean;
}

const gapColumns: Column<GapCounts>[] = [
  { key: "skill", label: "Skill", value: (g) => g.skill.name, rowHeader: true },
  { key: "demand", label: "Demand", value: (g) => g.demand, numeric: true },
  { key: "seekers", label: "Seekers", value: (g) => g.seekers, numeric: true },
  { key: "supply", label: "Supply", value: (g) => g.supply, numeric: true },
  { key: "slots", label: "Open slots", value: (g) => g.openSlots, numeric: true },
  { key: "ratio", label: "Demand per mentor", value: (g) => (g.ratio == null ? null : Math.round(g.ratio * 100) / 100), render: (g) => ratioText(g.ratio), numeric: true },
  { key: "uncovered", label: "Uncovered", value: (g) => g.uncovered, numeric: true },
  { key: "overloaded", label: "Overloaded mentors", value: (g) => g.overloadedCount, numeric: true },
  { key: "single", label: "Single mentor", value: (g) => (g.singlePointOfFailure ? "yes" : "no") },
  { key: "skillID", label: "Skill id", value: (g) => g.skill.id, csvOnly: true },
];

/** The gap table: the report of the scope, worst gap first, a page at a time. */
function GapTable({ st, scopeName, version }: { st: CoverageState; scopeName: string | null; version: number }) {
  const key = `gaps:${st.org ?? "*"}:${st.hops}:${st.level}:${version}`;
  const [data, setData] = useState<GapRows | null>(null);
  const [load, setLoad] = useState<Load<null>>({ kind: "loading" });

  const ask = (after: string | null, first: number) =>
    reports(() =>
      request<CoverageGapsPageData>(CoverageGapsPage, { organization: st.org, maxHops: st.hops, minLevel: st.level, first, after }),
    );

  useEffect(() => {
    if (data?.key === key) {
      return;
    }
    let live = true;
    setData(null);
    setLoad({ kind: "loading" });
    ask(null, st.rows).then(
      (d) => {
        if (!live) return;
        const c = d.coverageGaps;
        setData({ key, rows: c.edges.map((e) => e.node), total: c.totalCount, endCursor: c.pageInfo.endCursor, hasNext: c.pageInfo.hasNextPage });
        setLoad({ kind: "ok", data: null });
      },
      (e: unknown) => live && setLoad({ kind: "error", error: apiError(e) }),
    );
    return () => {
      live = false;
    };
  }, [key]);

  const more = () => {
    if (!data || !data.hasNext) {
      return;
    }
    const asked = data;
    setLoad({ kind: "loading" });
    ask(asked.endCursor, gapPage).then(
      (d) => {
        const c = d.coverageGaps;
        const next = { ...asked, rows: [...asked.rows, ...c.edges.map((e) => e.node)], total: c.totalCount, endCursor: c.pageInfo.endCursor, hasNext: c.pageInfo.hasNextPage };
        setData(next);
        setLoad({ kind: "ok", data: null });
        // The address holds the rows asked for, whole pages: a reload asks for them at once.
        const wanted = Math.min(Math.ceil(next.rows.length / gapPage) * gapPage, maxGapRows);
        setParams({ rows: wanted > gapPage ? String(wanted) : null }, true);
      },
      (e: unknown) => setLoad({ kind: "error", error: apiError(e) }),
    );
  };

  const sortColumn = st.sort ? gapColumns.find((c) => c.key === st.sort!.key) : undefined;
  const rows = data ? sortRows(data.rows, sortColumn, st.sort?.dir ?? "desc") : [];
  const onSort = (k: string) => {
    const key = k as GapSortKey;
    if (st.sort?.key !== key) {
      setParams({ sort: key, dir: key === "skill" ? "asc" : null }, true);
    } else if ((st.sort.dir === "desc") !== (key === "skill")) {
      setParams({ dir: key === "skill" ? null : "asc" }, true);
    } else {
      setParams({ sort: null, dir: null }, true);
    }
  };
  const canMore = !!data && data.hasNext && data.rows.length < maxGapRows;
  const state = load.kind === "loading" ? "loading" : load.kind === "error" ? "error" : "ok";
  return (
    <section class="gaps panel" aria-labelledby="gaps-heading" data-state={state} aria-busy={state === "loading"}>
      <h2 id="gaps-heading">Gaps: {st.org ? scopeName ?? st.org : "everyone"}</h2>
      <p class="status" role="status">
        {data
          ? `${count(data.rows.length)} of ${count(data.total)} skills with demand or mentors, ${st.sort ? `sorted by ${sortColumn?.label.toLowerCase()} (${st.sort.dir === "asc" ? "ascending" : "descending"}) among those loaded` : "worst gap first (most uncovered, then demand minus supply)"}.`
          : load.kind === "loading"
            ? "Loading the gaps…"
            : ""}
      </p>
      {load.kind === "error" && <ErrorBox title="Could not load the gaps." error={load.error} />}
      {data && (
        <DataTable
          name="gaps"
          caption={`Coverage gaps, ${scopeWords(st, scopeName)}`}
          columns={gapColumns.map((c) =>
            c.key === "skill"
              ? {
                  ...c,
                  render: (g: GapCounts) => (
                    <button type="button" class="link" data-cell={g.skill.id} onClick={() => setParams({ cell: g.skill.id, at: st.org }, true)}>
                      {g.skill.name}
                    </button>
                  ),
                }
              : c,
          )}
          rows={rows}
          rowKey={(g) => g.skill.id}
          csvName={fileName("coverage-gaps", st.org ?? "everyone", `${st.hops}-hops`, `level-${st.level}`)}
          empty="No skill has demand or mentors here."
          sort={st.sort}
          onSort={onSort}
          sortable={(k) => k !== "single" && k !== "skillID"}
        />
      )}
      {data && (
        <p class="more">
          <button type="button" id="gaps-more" onClick={more} disabled={!canMore || load.kind === "loading"}>
            {canMore ? `Show ${Math.min(gapPage, data.total - data.rows.length)} more` : data.hasNext ? `The table holds at most ${maxGapRows} rows` : "All shown"}
          </button>
        </p>
      )}
    </section>
  );
}

interface ScopeTableProps {
  st: CoverageState;
  scope: Load<ColumnGap[]> | undefined;
  scopeName: string | null;
  onLeaves: (id: string, name: string) => void;
}

function OverloadedTable({ st, scope, scopeName, onLeaves }: ScopeTableProps) {
  const gaps = scope?.kind === "ok" ? scope.data : null;
  const rows = useMemo(() => (gaps ? overloadedMentors(gaps) : []), [gaps]);
  const cut = gaps?.some((g) => g.overloadedCount > g.overloaded.length) ?? false;
  const columns: Column<OverloadedMentor>[] = [
    { key: "name", label: "Mentor", value: (m) => m.person.name, rowHeader: true },
    { key: "capacity", label: "Capacity", value: (m) => m.person.mentorCapacity, numeric: true },
    { key: "count", label: "Skills", value: (m) => m.skills.length, numeric: true },
    { key: "skills", label: "Full while mentoring in", value: (m) => m.skills.map((s) => s.name).join("; ") },
    { key: "id", label: "Person id", value: (m) => m.person.id, csvOnly: true },
    { key: "leaves", label: "What if", value: () => "", render: (m) => leaveButton(m.person.id, m.person.name, onLeaves), screenOnly: true },
  ];
  return (
    <section class="overloaded panel" aria-labelledby="overloaded-heading" data-state={scope?.kind ?? "loading"}>
      <h2 id="overloaded-heading">Overloaded mentors</h2>
      {scope?.kind === "error" && <ErrorBox title="Could not load the coverage." error={scope.error} />}
      {scope?.kind === "loading" && <p class="status">Loading…</p>}
      {gaps && (
        <DataTable
          name="overloaded"
          caption={`Mentors whose active mentees fill their capacity; ${scopeWords(st, scopeName)}`}
          note={cut ? "Each skill lists its first 50 overloaded mentors by id; some are not shown." : undefined}
          columns={columns}
          rows={rows}
          rowKey={(m) => m.person.id}
          csvName={fileName("overloaded-mentors", st.org ?? "everyone", `level-${st.level}`)}
          empty="No mentor here is full."
        />
      )}
    </section>
  );
}

interface SingleRow {
  gap: ColumnGap;
  mentor: Load<SupplyMentor | null>;
}

function SingleMentorTable({ st, scope, scopeName, onLeaves }: ScopeTableProps) {
  const gaps = scope?.kind === "ok" ? scope.data.filter((g) => g.singlePointOfFailure) : null;
  const ids = gaps ? gaps.slice(0, maxSingleLookups).map((g) => g.skill.id) : [];
  const [mentors, setMentors] = useState<Record<string, Load<SupplyMentor | null>>>({});
  const joined = `${st.org ?? "*"}:${st.level}:${ids.join(",")}`;
  useEffect(() => {
    let live = true;
    for (const id of ids) {
      const k = `${st.org ?? "*"}:${st.level}:${id}`;
      fetchSupply(id, st.org, st.level, 1).then(
        (d) => live && setMentors((m) => ({ ...m, [k]: { kind: "ok", data: d.edges[0]?.node ?? null } })),
        (e: unknown) => live && setMentors((m) => ({ ...m, [k]: { kind: "error", error: apiError(e) } })),
      );
    }
    return () => {
      live = false;
    };
  }, [joined]);
  const rows: SingleRow[] = (gaps ?? []).map((g) => ({ gap: g, mentor: mentors[`${st.org ?? "*"}:${st.level}:${g.skill.id}`] ?? { kind: "loading" } }));
  rows.sort((a, b) => b.gap.demand - a.gap.demand || byText(a.gap.skill.name, b.gap.skill.name));
  const mentorName = (r: SingleRow) => (r.mentor.kind === "ok" ? r.mentor.data?.name ?? "" : r.mentor.kind === "error" ? `(${r.mentor.error.message})` : "…");
  const columns: Column<SingleRow>[] = [
    { key: "skill", label: "Skill", value: (r) => r.gap.skill.name, rowHeader: true },
    { key: "mentor", label: "The one mentor", value: mentorName },
    { key: "demand", label: "Demand", value: (r) => r.gap.demand, numeric: true },
    { key: "uncovered", label: "Uncovered", value: (r) => r.gap.uncovered, numeric: true },
    { key: "slots", label: "Open slots", value: (r) => r.gap.openSlots, numeric: true },
    { key: "skillID", label: "Skill id", value: (r) => r.gap.skill.id, csvOnly: true },
    { key: "mentorID", label: "Mentor id", value: (r) => (r.mentor.kind === "ok" ? r.mentor.data?.id ?? "" : ""), csvOnly: true },
    {
      key: "leaves",
      label: "What if",
      value: () => "",
      render: (r) => (r.mentor.kind === "ok" && r.mentor.data ? leaveButton(r.mentor.data.id, r.mentor.data.name, onLeaves) : null),
      screenOnly: true,
    },
  ];
  const state = !scope || scope.kind === "loading" || rows.some((r) => r.mentor.kind === "loading" && ids.includes(r.gap.skill.id)) ? "loading" : scope.kind;
  return (
    <section class="single panel" aria-labelledby="single-heading" data-state={state}>
      <h2 id="single-heading">Skills resting on one mentor</h2>
      {scope?.kind === "error" && <ErrorBox title="Could not load the coverage." error={scope.error} />}
      {scope?.kind === "loading" && <p class="status">Loading…</p>}
      {gaps && (
        <DataTable
          name="single"
          caption={`Skills with exactly one mentor; ${scopeWords(st, scopeName)}`}
          note={gaps.length > maxSingleLookups ? `The mentor is looked up for the first ${maxSingleLookups}.` : undefined}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.gap.skill.id}
          csvName={fileName("single-mentor-skills", st.org ?? "everyone", `level-${st.level}`)}
          empty="No skill here rests on a single mentor."
        />
      )}
    </section>
  );
}

/** The "what if this mentor leaves" panel. */
function WhatIf({ st, scope, scopeName }: { st: CoverageState; scope: Load<ColumnGap[]> | undefined; scopeName: string | null }) {
  const m = st.leaves;
  const after = useLoad(m ? `leaves:${m}:${st.org ?? "*"}:${st.hops}:${st.level}` : null, () =>
    reports(async () => {
      // Every page of the report without them (the person comes with each).
      const edges: MentorLeavesData["coverageGaps"]["edges"] = [];
      let cursor: string | null = null;
      for (let page = 0; ; page++) {
        const d: MentorLeavesData = await request<MentorLeavesData>(MentorLeaves, { mentor: m, organization: st.org, maxHops: st.hops, minLevel: st.level, after: cursor });
        edges.push(...d.coverageGaps.edges);
        if (!d.coverageGaps.pageInfo.hasNextPage || page + 1 >= maxColumnPages) {
          return { ...d, coverageGaps: { ...d.coverageGaps, edges } };
        }
        cursor = d.coverageGaps.pageInfo.endCursor;
      }
    }),
  );
  const before = scope?.kind === "ok" ? scope.data : null;
  const lost = useMemo(
    () => (after.kind === "ok" && before ? losses(before, after.data.coverageGaps.edges.map((e) => e.node)) : null),
    [after.kind === "ok" ? after.data : null, before],
  );
  const person = after.kind === "ok" ? after.data.person : null;
  if (person) {
    pickedPeople.set(person.id, person.name);
  }
  // Successors measured on the skills the mentor supplies here (their
  // supply drops without them), most affected first; their key skills if none.
  const supplied = lost ? lost.skills.filter((s) => s.supplyAfter < s.supplyBefore).map((s) => s.skill.id) : null;
  const skills = supplied && supplied.length > 0 ? supplied.slice(0, maxSuccessionSkills) : null;
  const succ = useLoad(m && lost ? `succ:${m}:${skills?.join(",") ?? ""}` : null, () =>
    request<SuccessorsData>(SuccessorsDoc, { person: m, skills }).then((d) => d.successors),
  );
  const name = person?.name ?? (m ? pickedPeople.get(m) ?? m : "");
  const mentees = person ? person.mentees.filter((x) => x.status === "ACTIVE") : [];
  const state = !m
    ? "idle"
    : after.kind === "error" || succ.kind === "error" || scope?.kind === "error"
      ? "error"
      : after.kind === "ok" && lost && succ.kind === "ok"
        ? "ok"
        : "loading";

  const loserColumns: Column<Loser>[] = [
    { key: "name", label: "Person", value: (l) => l.person.name, rowHeader: true },
    { key: "skill", label: "Loses coverage in", value: (l) => l.skill.name },
    { key: "id", label: "Person id", value: (l) => l.person.id, csvOnly: true },
    { key: "skillID", label: "Skill id", value: (l) => l.skill.id, csvOnly: true },
  ];
  const skillColumns: Column<LostSkill>[] = [
    { key: "skill", label: "Skill", value: (s) => s.skill.name, rowHeader: true },
    { key: "supplyBefore", label: "Mentors now", value: (s) => s.supplyBefore, numeric: true },
    { key: "supplyAfter", label: "Mentors after", value: (s) => s.supplyAfter, numeric: true },
    { key: "uncoveredBefore", label: "Uncovered now", value: (s) => s.uncoveredBefore, numeric: true },
    { key: "uncoveredAfter", label: "Uncovered after", value: (s) => s.uncoveredAfter, numeric: true },
    { key: "skillID", label: "Skill id", value: (s) => s.skill.id, csvOnly: true },
  ];
  const menteeColumns: Column<MentorshipOf>[] = [
    { key: "name", label: "Mentee", value: (x) => x.mentee.name, rowHeader: true },
    { key: "since", label: "Since", value: (x) => x.since ?? "" },
    { key: "focus", label: "Focus", value: (x) => x.focus.map((f) => f.name).join("; ") },
    { key: "id", label: "Person id", value: (x) => x.mentee.id, csvOnly: true },
  ];
  const successorColumns: Column<Successor>[] = [
    { key: "name", label: "Could succeed them", value: (s) => s.person.name, rowHeader: true },
    { key: "generation", label: "Is their", value: (s) => (s.generation === 1 ? "mentee" : "mentee's mentee") },
    { key: "score", label: "Match", value: (s) => Math.round(s.score * 100) / 100, render: (s) => `${Math.round(s.score * 100)}%`, numeric: true },
    {
      key: "covered",
      label: "Holds (level / theirs)",
      value: (s) => s.covered.map((c) => `${c.skill.name} ${c.level}/${c.target}${c.heldSkill.id !== c.skill.id ? ` (as ${c.heldSkill.name})` : ""}`).join("; "),
    },
    { key: "id", label: "Person id", value: (s) => s.person.id, csvOnly: true },
  ];

  const where = scopeWords(st, scopeName);
  return (
    <section class="whatif panel" aria-labelledby="whatif-heading" data-state={state}>
      <div class="panel-head">
        <h2 id="whatif-heading" tabIndex={-1}>
          What if a mentor leaves
        </h2>
        {m && (
          <button type="button" class="link" onClick={() => setParams({ leaves: null })}>
            Close
          </button>
        )}
      </div>
      <div class="whatif-pick">
        <Typeahead<PersonSummary>
          id="leaves"
          label="Mentor"
          placeholder="Type a mentor's name, or use a table's “What if” link"
          picked={name}
          search={searchPeople}
          keyOf={(p) => p.id}
          render={(p) => (
            <>
              <span class="option-name">{p.name}</span>
              {p.headline && <span class="option-note">{p.headline}</span>}
            </>
          )}
          onPick={(p) => {
            pickedPeople.set(p.id, p.name);
            setParams({ leaves: p.id });
          }}
        />
      </div>
      {!m && <p class="status">Pick a mentor to see who would lose coverage if they stopped mentoring, and who could succeed them.</p>}
      {after.kind === "error" && <ErrorBox title={`Could not work out what happens if ${name} leaves.`} error={after.error} />}
      {succ.kind === "error" && <ErrorBox title="Could not find successors." error={succ.error} />}
      {m && state === "loading" && <p class="status">Working it out (one more coverage report, without {name})…</p>}
      {lost && person && (
        <>
          <p class="status whatif-summary" role="status">
            If {person.name} stopped mentoring ({where}): {lost.losers.length === 0 ? "nobody" : `${count(lost.losers.length)} ${lost.losers.length === 1 ? "person" : "people"}`} would lose
            mentor coverage{lost.losers.length > 0 ? ` in ${count(new Set(lost.losers.map((l) => l.skill.id)).size)} ${new Set(lost.losers.map((l) => l.skill.id)).size === 1 ? "skill" : "skills"}` : ""}, and{" "}
            {mentees.length === 0 ? "no current mentee" : `${count(mentees.length)} current ${mentees.length === 1 ? "mentee" : "mentees"}`} would lose their mentor.
          </p>
          <DataTable
            name="losers"
            caption="Who loses coverage"
            note={lost.skills.some((s) => s.listCut) ? "Reports list 50 uncovered people per skill; where more are uncovered, some who lose coverage are not named (the skills table has the counts)." : undefined}
            columns={loserColumns}
            rows={lost.losers}
            rowKey={(l) => `${l.person.id}@${l.skill.id}`}
            csvName={fileName("loses-coverage-without", person.name, st.org ?? "everyone")}
            empty="Nobody loses coverage: everyone they cover has another mentor with an open slot within reach."
          />
          <DataTable
            name="lost-skills"
            caption="Skills they mentor in"
            columns={skillColumns}
            rows={lost.skills}
            rowKey={(s) => s.skill.id}
            csvName={fileName("skills-without", person.name, st.org ?? "everyone")}
            empty="They mentor in no skill here (not available, or no skill at this level)."
          />
          <DataTable
            name="current-mentees"
            caption="Their current mentees"
            columns={menteeColumns}
            rows={mentees}
            rowKey={(x) => x.mentee.id}
            csvName={fileName("current-mentees-of", person.name)}
            empty="No active mentorship."
          />
        </>
      )}
      {succ.kind === "ok" && person && (
        <DataTable
          name="successors"
          caption={skills ? `Who could succeed them in ${skills.length === 1 ? "that skill" : "those skills"}` : "Who could succeed them in their key skills"}
          note="Their mentees and mentees' mentees holding the skills, best match first."
          columns={successorColumns}
          rows={succ.data}
          rowKey={(s) => s.person.id}
          csvName={fileName("successors-of", person.name)}
          empty="None of their mentees (or theirs) holds these skills."
        />
      )}
    </section>
  );
}
