// View 3, "Person": a person's profile (skills with levels, goals, mentors
// and mentees, affiliations); their lineage both ways as a tree, with a
// depth control; and their neighbourhood drawn as a network that grows
// when a person in it is clicked (another neighborhood call around them,
// merged in), with its table twin. Every control is in the address:
//
//	/person/<id>?gen=3&nd=1&limit=50&x=<expanded id>,<expanded id>
import { useEffect, useMemo } from "preact/hooks";
import { request } from "../api";
import { ApiErrorBox } from "../components/ApiErrorBox";
import { LineageList, LineageTree } from "../components/LineageTree";
import { NeighborhoodGraph } from "../components/NeighborhoodGraph";
import { Typeahead } from "../components/Typeahead";
import { shownData, useAnswer } from "../components/useAnswer";
import LineageQuery from "../graphql/Lineage.graphql";
import NeighborhoodQuery from "../graphql/Neighborhood.graphql";
import PersonPage from "../graphql/PersonPage.graphql";
import { maxDrawn, mergeNeighborhoods } from "../neighborhood";
import type { NbDrawing, NeighborhoodCall } from "../neighborhood";
import { followLink, here, navigate, setParams } from "../router";
import { personOption, pickedPeople, searchPeople } from "../search";
import type { LineageData, NeighborhoodData, PersonPageData, PersonProfile, PersonSummary } from "../types";
import { introURL } from "./Introductions";

/** The neighbourhood's limits a person may choose (people per call). */
export const limits = [10, 25, 50, 100, 200];
const defaultLimit = 50;

export interface PersonState {
  id: string | null;
  generations: number;
  depth: number;
  limit: number;
  expanded: string[];
}

function intParam(v: string | null, ok: (n: number) => boolean, dflt: number): number {
  const n = v == null ? NaN : Number(v);
  return Number.isInteger(n) && ok(n) ? n : dflt;
}

export function readPersonState(url: URL): PersonState {
  const q = url.searchParams;
  const id = decodeURIComponent(url.pathname.split("/")[2] ?? "");
  const expanded = (q.get("x") ?? "").split(",").filter((s) => s !== "" && s !== id);
  return {
    id: id || null,
    generations: intParam(q.get("gen"), (n) => n >= 1 && n <= 6, 3),
    depth: intParam(q.get("nd"), (n) => n >= 1 && n <= 3, 1),
    limit: intParam(q.get("limit"), (n) => limits.includes(n), defaultLimit),
    expanded: [...new Set(expanded)],
  };
}

export function personURL(id: string): string {
  return `/person/${encodeURIComponent(id)}`;
}

export function Person() {
  const st = readPersonState(here.value);
  const profile = useAnswer<PersonPageData>(st.id, (signal) => request<PersonPageData>(PersonPage, { id: st.id }, signal));
  const person = profile.kind === "ok" ? profile.data.person : null;

  useEffect(() => {
    document.title = `${person?.name ?? "Person"} · MentorGraph`;
    if (person) {
      pickedPeople.set(person.id, person.name);
    }
  }, [person?.id, person?.name]);

  if (!st.id) {
    return (
      <main class="person" id="main">
        <h1>People</h1>
        <div class="controls single">
          <Typeahead<PersonSummary>
            id="who"
            label="Whose page"
            placeholder="Type a name"
            picked=""
            search={searchPeople}
            keyOf={(p) => p.id}
            render={personOption}
            onPick={(p) => {
              pickedPeople.set(p.id, p.name);
              navigate(personURL(p.id));
            }}
          />
        </div>
      </main>
    );
  }

  const profileState = profile.kind === "ok" ? (person ? "ok" : "missing") : profile.kind;
  return (
    <main class="person" id="main" data-state={profileState}>
      {profile.kind === "error" && <ApiErrorBox what="Could not load this person." error={profile.error} />}
      {profileState === "missing" && (
        <div class="error" role="alert" data-error-code="NOT_FOUND">
          <strong>No person with id “{st.id}”.</strong>{" "}
          <a href="/person" onClick={followLink}>
            Find someone else
          </a>
          .
        </div>
      )}
      {(profile.kind === "loading" || profile.kind === "idle") && <h1 class="skeleton-text">Loading…</h1>}
      {person && <Profile person={person} />}
      {person && <Lineage person={person} generations={st.generations} />}
      {person && <NeighborhoodSection person={person} st={st} />}
    </main>
  );
}

function dates(since: string | null, until: string | null): string {
  if (since && until) {
    return `${since} – ${until}`;
  }
  if (since) {
    return `since ${since}`;
  }
  return until ? `until ${until}` : "";
}

const levelWords = ["", "beginner", "practised", "competent", "proficient", "expert"];

function Profile({ person: p }: { person: PersonProfile }) {
  return (
    <>
      <header class="profile-head">
        <h1>{p.name}</h1>
        {p.headline && <p class="headline">{p.headline}</p>}
        <ul class="facts profile-facts">
          {p.location && <li data-fact="location">{p.location}</li>}
          {p.timezone && <li data-fact="timezone">{p.timezone}</li>}
          <li data-fact="mentoring">
            {p.availableToMentor
              ? `Mentors: ${p.openSlots} of ${p.mentorCapacity} ${p.mentorCapacity === 1 ? "slot" : "slots"} open`
              : "Not taking mentees"}
          </li>
          {p.seekingMentorship && <li data-fact="seeking">Looking for a mentor</li>}
        </ul>
        <nav class="profile-links" aria-label={`About ${p.name}`}>
          <a href={`/board/${encodeURIComponent(p.id)}`} onClick={followLink} data-link="board">
            Board of mentors
          </a>
          <a href={`/find?me=${encodeURIComponent(p.id)}`} onClick={followLink} data-link="find">
            Find mentors for {p.name}
          </a>
          <a href={introURL(null, p.id)} onClick={followLink} data-link="intro">
            Introductions to {p.name}
          </a>
        </nav>
        {p.bio && <p class="bio">{p.bio}</p>}
      </header>
      <div class="profile-grid">
        <section class="card" aria-labelledby="skills-h" data-section="skills">
          <h2 id="skills-h">Skills</h2>
          {p.skills.length === 0 ? (
            <p class="note">No skills recorded.</p>
          ) : (
            <table class="plain">
              <thead>
                <tr>
                  <th scope="col">Skill</th>
                  <th scope="col">Level</th>
                  <th scope="col">Years</th>
                </tr>
              </thead>
              <tbody>
                {p.skills.map((s) => (
                  <tr key={s.skill.id} data-id={s.skill.id}>
                    <th scope="row">
                      {s.skill.name}
                      {s.skill.broader && <span class="note"> ({s.skill.broader.name})</span>}
                    </th>
                    <td>
                      <span class="level" data-level={s.level} title={levelWords[s.level]}>
                        <meter min={0} max={5} value={s.level} aria-label={`level ${s.level} of 5`} /> {s.level} · {levelWords[s.level]}
                      </span>
                    </td>
                    <td>{s.years ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section class="card" aria-labelledby="goals-h" data-section="goals">
          <h2 id="goals-h">Goals</h2>
          {p.goals.length === 0 ? (
            <p class="note">No goals set.</p>
          ) : (
            <ul class="goals">
              {p.goals.map((g) => (
                <li key={g.id} data-id={g.id} data-status={g.status}>
                  <span class="goal-title">{g.title}</span>{" "}
                  <span class={`badge ${g.status.toLowerCase()}`}>{g.status.toLowerCase()}</span>
                  <span class="note goal-facts">
                    {g.skill.name}
                    {g.targetLevel != null ? `, to level ${g.targetLevel}` : ""}
                    {g.dueDate ? `, due ${g.dueDate}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="card" aria-labelledby="mentors-h" data-section="mentors">
          <h2 id="mentors-h">Mentors</h2>
          <MentorshipList items={p.mentors.map((m) => ({ ...m, other: m.mentor }))} none="No mentors recorded." />
          <h2 id="mentees-h">Mentees</h2>
          <div data-section="mentees">
            <MentorshipList items={p.mentees.map((m) => ({ ...m, other: m.mentee }))} none="No mentees recorded." />
          </div>
        </section>
        <section class="card" aria-labelledby="orgs-h" data-section="affiliations">
          <h2 id="orgs-h">Affiliations</h2>
          {p.affiliations.length === 0 ? (
            <p class="note">No organizations recorded.</p>
          ) : (
            <ul class="plain-list">
              {p.affiliations.map((a, i) => (
                <li key={i} data-id={a.organization.id} data-current={a.until ? "no" : "yes"}>
                  <span class="org-name">{a.organization.name}</span>{" "}
                  <span class="note">
                    {a.organization.kind.toLowerCase()}
                    {a.role ? ` · ${a.role}` : ""}
                    {dates(a.since, a.until) ? ` · ${dates(a.since, a.until)}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

interface MentorshipItem {
  other: PersonSummary;
  since: string | null;
  until: string | null;
  focus: { id: string; name: string }[];
  status: string;
}

function MentorshipList({ items, none }: { items: MentorshipItem[]; none: string }) {
  if (items.length === 0) {
    return <p class="note">{none}</p>;
  }
  return (
    <ul class="plain-list">
      {items.map((m) => (
        <li key={m.other.id} data-id={m.other.id} data-status={m.status}>
          <a href={personURL(m.other.id)} onClick={followLink}>
            {m.other.name}
          </a>{" "}
          <span class="note">
            {m.status === "ENDED" ? "ended" : "active"}
            {dates(m.since, m.until) ? ` · ${dates(m.since, m.until)}` : ""}
            {m.focus.length > 0 ? ` · ${m.focus.map((f) => f.name).join(", ")}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Lineage({ person, generations }: { person: PersonProfile; generations: number }) {
  const key = JSON.stringify([person.id, generations]);
  const answer = useAnswer<LineageData>(key, (signal) => request<LineageData>(LineageQuery, { person: person.id, depth: generations }, signal));
  const data = shownData(answer);
  // Moving along the tree keeps the number of generations.
  const hrefOf = (id: string) => personURL(id) + (generations === 3 ? "" : `?gen=${generations}`);
  const state = answer.kind === "ok" ? (answer.data.ancestors.length + answer.data.descendants.length === 0 ? "empty" : "ok") : answer.kind;
  return (
    <section class="card lineage" aria-labelledby="lineage-h" data-state={state} aria-busy={answer.kind === "loading"}>
      <div class="section-head">
        <h2 id="lineage-h">Lineage</h2>
        <label>
          Generations each way
          <select id="gen" value={String(generations)} onChange={(e) => setParams({ gen: orDefault((e.currentTarget as HTMLSelectElement).value, 3) })}>
            {[1, 2, 3, 4, 5, 6].map((g) => (
              <option key={g} value={String(g)}>
                {g}
              </option>
            ))}
          </select>
        </label>
      </div>
      {answer.kind === "error" && <ApiErrorBox what="Could not load the lineage." error={answer.error} />}
      {answer.kind === "loading" && (
        <p class="status" role="status">
          {answer.previous ? "Updating the lineage…" : "Loading the lineage…"}
        </p>
      )}
      {state === "empty" && (
        <p class="status" role="status">
          {person.name} has no mentors or mentees recorded.
        </p>
      )}
      {data && data.ancestors.length + data.descendants.length > 0 && (
        <div class="lineage-grid">
          <LineageTree person={person} hrefOf={hrefOf} ancestors={data.ancestors} descendants={data.descendants} />
          <div class="lineage-lists">
            <LineageList root={person} entries={data.ancestors} direction="ancestors" hrefOf={hrefOf} />
            <LineageList root={person} entries={data.descendants} direction="descendants" hrefOf={hrefOf} />
          </div>
        </div>
      )}
    </section>
  );
}

function orDefault(v: string, dflt: number): string | null {
  return v === String(dflt) ? null : v;
}

/** Answers of neighborhood calls in this page's life, by question, so an
 * expansion asks only for the new person. */
const neighborhoods = new Map<string, Promise<NeighborhoodData>>();

function askNeighborhood(person: string, depth: number, limit: number): Promise<NeighborhoodData> {
  const key = JSON.stringify([person, depth, limit]);
  let p = neighborhoods.get(key);
  if (!p) {
    p = request<NeighborhoodData>(NeighborhoodQuery, { person, depth, limit });
    neighborhoods.set(key, p);
    // A failed question is asked again next time.
    p.catch(() => neighborhoods.delete(key));
  }
  return p;
}

function NeighborhoodSection({ person, st }: { person: PersonProfile; st: PersonState }) {
  const key = JSON.stringify([person.id, st.depth, st.limit, st.expanded]);
  const answer = useAnswer<NbDrawing>(key, async () => {
    const around = [person.id, ...st.expanded];
    const answers = await Promise.all(around.map((id, i) => askNeighborhood(id, i === 0 ? st.depth : 1, st.limit)));
    const calls: NeighborhoodCall[] = answers.map((a, i) => ({ around: around[i], answer: a.neighborhood }));
    return mergeNeighborhoods(calls, maxDrawn);
  });
  const drawing = shownData(answer);
  const names = useMemo(() => new Map((drawing?.nodes ?? []).map((n) => [n.id, n.name])), [drawing]);
  const expand = (id: string) => {
    if (id === person.id || st.expanded.includes(id)) {
      return;
    }
    setParams({ x: [...st.expanded, id].join(",") });
  };
  const state = answer.kind === "ok" ? "ok" : answer.kind;
  const nameOf = (id: string) => names.get(id) ?? id;
  const more = drawing ? drawing.truncatedAround : [];
  return (
    <section class="card neighbourhood" aria-labelledby="nb-h" data-state={state} aria-busy={answer.kind === "loading"}>
      <div class="section-head">
        <h2 id="nb-h">Neighbourhood</h2>
        <label>
          Hops
          <select id="nd" value={String(st.depth)} onChange={(e) => setParams({ nd: orDefault((e.currentTarget as HTMLSelectElement).value, 1), x: null })}>
            {[1, 2, 3].map((d) => (
              <option key={d} value={String(d)}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label>
          People per person
          <select id="limit" value={String(st.limit)} onChange={(e) => setParams({ limit: orDefault((e.currentTarget as HTMLSelectElement).value, defaultLimit) })}>
            {limits.map((l) => (
              <option key={l} value={String(l)}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="link" disabled={st.expanded.length === 0} onClick={() => setParams({ x: null })}>
          Collapse everyone
        </button>
      </div>
      {answer.kind === "error" && <ApiErrorBox what="Could not load the neighbourhood." error={answer.error} />}
      {answer.kind === "loading" && !answer.previous && (
        <p class="status" role="status">
          Loading the neighbourhood…
        </p>
      )}
      {drawing && (
        <>
          <p class="status" role="status">
            {drawing.nodes.length} people and {drawing.links.length} links around {person.name}
            {st.expanded.length > 0 ? `, with the neighbours of ${st.expanded.map(nameOf).join(", ")}` : ""}. Click a person to show their neighbours too.
          </p>
          {(more.length > 0 || drawing.capped) && (
            <p class="more-not-shown" role="note" data-around={more.join(",")}>
              More not shown:{" "}
              {more.length > 0 && `more people are within reach of ${more.map(nameOf).join(", ")} than the limit of ${st.limit} lets in`}
              {drawing.capped && `${more.length > 0 ? "; " : ""}the drawing holds at most ${maxDrawn} people`}. Choose a larger limit to see more.
            </p>
          )}
          <div class="nb-grid">
            <NeighborhoodGraph drawing={drawing} centre={person.id} expanded={st.expanded} onExpand={expand} />
            <NeighborhoodTwin drawing={drawing} centre={person.id} expanded={st.expanded} nameOf={nameOf} nodes={drawing.nodes} onExpand={expand} />
          </div>
        </>
      )}
    </section>
  );
}

interface TwinProps {
  drawing: NbDrawing;
  centre: string;
  expanded: string[];
  nodes: NbDrawing["nodes"];
  nameOf: (id: string) => string;
  onExpand: (id: string) => void;
}

/** The neighbourhood drawing as tables: the same people and links. */
function NeighborhoodTwin({ drawing, centre, expanded, nodes, nameOf, onExpand }: TwinProps) {
  const more = new Set(drawing.truncatedAround);
  return (
    <details class="twin" open>
      <summary>The drawing as a table</summary>
      <div class="twin-scroll">
        <table data-twin="people">
          <caption>People ({nodes.length})</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Found around</th>
              <th scope="col">Neighbours</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => (
              <tr key={n.id} data-id={n.id}>
                <th scope="row">
                  <a href={personURL(n.id)} onClick={followLink}>
                    {n.name}
                  </a>
                </th>
                <td>
                  {nameOf(n.foundAround)} ({n.hops} {n.hops === 1 ? "hop" : "hops"})
                </td>
                <td>
                  {n.id === centre || expanded.includes(n.id) ? (
                    <span data-expanded>{more.has(n.id) ? "shown, more not shown" : "shown"}</span>
                  ) : (
                    <button type="button" class="link" onClick={() => onExpand(n.id)}>
                      Show {n.name}'s neighbours
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <table data-twin="links">
          <caption>Links ({drawing.links.length})</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">Link</th>
              <th scope="col">To</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {drawing.links.map((l) => (
              <tr key={l.key} data-from={l.from} data-to={l.to} data-kind={l.kind}>
                <td>{nameOf(l.from)}</td>
                <td>{l.kind === "MENTORSHIP" ? `was mentored by${l.status === "ENDED" ? " (ended)" : ""}` : "knows"}</td>
                <td>{nameOf(l.to)}</td>
                <td>{l.since ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
