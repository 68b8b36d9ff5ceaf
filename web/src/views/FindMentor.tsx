// View 1, "Find a mentor": who you are, a skill and how far to look; the
// ranked matches, each with why (the path in words and the score
// breakdown), beside a drawing of the paths and its table twin. Every
// control is a URL parameter, so a reload or a shared link gives the same
// screen:
//
//	/find?me=<person id>&skill=<skill id>&hops=2&level=3&avail=0
//	      &via=connection,mentorship&w=<distance>,<level>,<capacity>,<shared>&sel=<mentor id>
//	      &n=20 (how many matches, 1–50)
import { useEffect, useMemo, useState } from "preact/hooks";
import { ApiError, isAbort, request } from "../api";
import { ApiErrorBox, toApiError } from "../components/ApiErrorBox";
import { PathGraph } from "../components/PathGraph";
import { ScoreBar, fmt } from "../components/ScoreBar";
import { Typeahead } from "../components/Typeahead";
import { YouPicker } from "../components/YouPicker";
import FindMentors from "../graphql/FindMentors.graphql";
import RequestMentorship from "../graphql/RequestMentorship.graphql";
import { linkInWords, pathDrawing, pathInWords } from "../paths";
import type { PathDrawing } from "../paths";
import { followLink, here, setParams } from "../router";
import { pickedPeople, pickedSkills, searchSkills, skillTrail } from "../search";
import { myPersonID, viewsAsAnyone } from "../session";
import type { FindMentorsData, LinkKind, MentorMatch, MentorWeights, SkillPlace } from "../types";
import { forgetRequests } from "./Requests";

/** The weights findMentors uses when none are given (schema/network.graphqls). */
export const defaultWeights: MentorWeights = { distance: 0.4, level: 0.3, capacity: 0.2, sharedOrganization: 0.1 };
const weightKeys: (keyof MentorWeights)[] = ["distance", "level", "capacity", "sharedOrganization"];
const weightNames: Record<keyof MentorWeights, string> = {
  distance: "Distance",
  level: "Level",
  capacity: "Capacity",
  sharedOrganization: "Shared organization",
};
const weightHelp: Record<keyof MentorWeights, string> = {
  distance: "closer is better (1 / hops)",
  level: "a higher skill level is better (level / 5)",
  capacity: "more open slots is better (up to 3)",
  sharedOrganization: "working in the same organization",
};
const allKinds: LinkKind[] = ["CONNECTION", "MENTORSHIP"];
/** How many matches are asked for unless the address says (n=, up to mostResults). */
const defaultResults = 20;
const mostResults = 50;

/** The view's state, as read from the address. */
export interface FindState {
  me: string | null;
  skill: string | null;
  hops: number;
  level: number;
  availableOnly: boolean;
  via: LinkKind[];
  weights: MentorWeights;
  selected: string | null;
  /** How many matches to ask for. */
  first: number;
}

function intParam(v: string | null, min: number, max: number, dflt: number): number {
  const n = v == null ? NaN : Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : dflt;
}

export function readState(url: URL): FindState {
  const q = url.searchParams;
  const via = (q.get("via") ?? "")
    .split(",")
    .map((s) => s.trim().toUpperCase())
    .filter((s): s is LinkKind => (allKinds as string[]).includes(s));
  const w = (q.get("w") ?? "").split(",").map(Number);
  const weights =
    w.length === 4 && w.every((x) => Number.isFinite(x) && x >= 0 && x <= 1)
      ? { distance: w[0], level: w[1], capacity: w[2], sharedOrganization: w[3] }
      : defaultWeights;
  return {
    me: (viewsAsAnyone() && q.get("me")) || myPersonID(),
    skill: q.get("skill") || null,
    hops: intParam(q.get("hops"), 1, 4, 2),
    level: intParam(q.get("level"), 1, 5, 3),
    availableOnly: q.get("avail") !== "0",
    via: via.length > 0 ? allKinds.filter((k) => via.includes(k)) : allKinds,
    weights,
    selected: q.get("sel") || null,
    first: intParam(q.get("n"), 1, mostResults, defaultResults),
  };
}

function weightsParam(w: MentorWeights): string | null {
  const same = weightKeys.every((k) => w[k] === defaultWeights[k]);
  return same ? null : weightKeys.map((k) => String(w[k])).join(",");
}

type Answer =
  | { kind: "idle" }
  | { kind: "loading"; previous: Shown | null }
  | { kind: "ok"; shown: Shown }
  | { kind: "error"; error: ApiError };

/** An answer on screen, with the question it answers. */
interface Shown {
  data: FindMentorsData;
  state: FindState;
}

function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function FindMentor() {
  const st = readState(here.value);
  const question =
    st.me && st.skill
      ? JSON.stringify([st.me, st.skill, st.hops, st.level, st.availableOnly, st.via, st.weights, st.first])
      : null;
  const [answer, setAnswer] = useState<Answer>({ kind: "idle" });
  const [hovered, setHovered] = useState<string | null>(null);

  useEffect(() => {
    document.title = "Find a mentor · MentorGraph";
  }, []);

  useEffect(() => {
    if (!question || !st.me || !st.skill) {
      setAnswer({ kind: "idle" });
      return;
    }
    const asked = st;
    const prev = answer.kind === "ok" ? answer.shown : answer.kind === "loading" ? answer.previous : null;
    const refining = prev != null && prev.state.me === asked.me && prev.state.skill === asked.skill;
    setAnswer({ kind: "loading", previous: refining ? prev : null });
    const ac = new AbortController();
    // While the same question is refined (a slider dragged, a filter
    // changed), a short pause lets the control settle before asking; a new
    // question is asked at once.
    const t = window.setTimeout(() => {
      request<FindMentorsData>(
        FindMentors,
        {
          for: asked.me,
          skill: asked.skill,
          maxHops: asked.hops,
          minLevel: asked.level,
          availableOnly: asked.availableOnly,
          via: asked.via,
          weights: asked.weights,
          first: asked.first,
        },
        ac.signal,
      ).then(
        (data) => {
          if (data.person) {
            pickedPeople.set(data.person.id, data.person.name);
          }
          if (data.skill) {
            pickedSkills.set(data.skill.id, data.skill);
          }
          setAnswer({ kind: "ok", shown: { data, state: asked } });
        },
        (e: unknown) => {
          if (isAbort(e) || ac.signal.aborted) {
            return;
          }
          const error = e instanceof ApiError ? e : new ApiError([{ message: String(e), code: "CLIENT" }]);
          setAnswer({ kind: "error", error });
        },
      );
    }, refining ? 120 : 0);
    return () => {
      window.clearTimeout(t);
      ac.abort();
    };
  }, [question]);

  const shown = answer.kind === "ok" ? answer.shown : answer.kind === "loading" ? answer.previous : null;
  const skill = st.skill ? pickedSkills.get(st.skill) : undefined;
  const viewState = answer.kind === "ok" ? (answer.shown.data.findMentors.edges.length === 0 ? "empty" : "ok") : answer.kind;

  return (
    <main class="find" id="main">
      <h1>Find a mentor</h1>
      <form class="controls" onSubmit={(e) => e.preventDefault()} aria-label="What you are looking for">
        <div class="pickers">
          <YouPicker
            current={st.me}
            render={(p) => (
              <>
                <span class="option-name">{p.name}</span>
                {p.headline && <span class="option-note">{p.headline}</span>}
              </>
            )}
            onPick={(p) => {
              pickedPeople.set(p.id, p.name);
              setParams({ me: p.id, sel: null });
            }}
          />
          <div>
            <Typeahead<SkillPlace>
              id="skill"
              label="Looking for a mentor in"
              placeholder="Type a skill"
              picked={st.skill ? (skill?.name ?? st.skill) : ""}
              search={searchSkills}
              keyOf={(s) => s.id}
              render={(s) => (
                <>
                  <span class="option-name">{s.name}</span>
                  <span class="option-note">{skillTrail(s)}</span>
                </>
              )}
              onPick={(s) => {
                pickedSkills.set(s.id, s);
                setParams({ skill: s.id, sel: null });
              }}
            />
            {skill && (
              <p class="skill-trail" data-skill-trail>
                {skillTrail(skill)} <span class="note">(narrower skills count too)</span>
              </p>
            )}
          </div>
        </div>
        <div class="filters">
          <label>
            Within
            <select
              id="hops"
              value={String(st.hops)}
              onChange={(e) => setParams({ hops: (e.currentTarget as HTMLSelectElement).value })}
            >
              {[1, 2, 3, 4].map((h) => (
                <option key={h} value={String(h)}>
                  {h} {h === 1 ? "hop" : "hops"}
                </option>
              ))}
            </select>
          </label>
          <label>
            Minimum level
            <select
              id="level"
              value={String(st.level)}
              onChange={(e) => setParams({ level: (e.currentTarget as HTMLSelectElement).value })}
            >
              {[1, 2, 3, 4, 5].map((l) => (
                <option key={l} value={String(l)}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <label class="check">
            <input
              id="avail"
              type="checkbox"
              checked={st.availableOnly}
              onChange={(e) => setParams({ avail: (e.currentTarget as HTMLInputElement).checked ? null : "0" })}
            />
            Available with open slots only
          </label>
          <fieldset class="kinds">
            <legend>Through</legend>
            {allKinds.map((k) => {
              const on = st.via.includes(k);
              return (
                <label class="check" key={k}>
                  <input
                    type="checkbox"
                    name="via"
                    value={k}
                    checked={on}
                    disabled={on && st.via.length === 1}
                    onChange={(e) => {
                      const checked = (e.currentTarget as HTMLInputElement).checked;
                      const via = allKinds.filter((x) => (x === k ? checked : st.via.includes(x)));
                      setParams({ via: via.length === allKinds.length ? null : via.join(",").toLowerCase() });
                    }}
                  />
                  {k === "CONNECTION" ? "connections (knows)" : "mentorships"}
                </label>
              );
            })}
          </fieldset>
        </div>
        <fieldset class="weights">
          <legend>Rank by</legend>
          {weightKeys.map((k) => (
            <div class="weight" key={k}>
              <label for={`w-${k}`} title={weightHelp[k]}>
                {weightNames[k]}
              </label>
              <input
                id={`w-${k}`}
                type="range"
                min="0"
                max="1"
                step="0.05"
                value={String(st.weights[k])}
                aria-describedby={`w-${k}-help`}
                onInput={(e) => {
                  const v = Number((e.currentTarget as HTMLInputElement).value);
                  setParams({ w: weightsParam({ ...st.weights, [k]: v }) }, true);
                }}
              />
              <output for={`w-${k}`}>{fmt(st.weights[k])}</output>
              <span id={`w-${k}-help`} class="visually-hidden">
                {weightHelp[k]}
              </span>
            </div>
          ))}
          <button type="button" class="link" onClick={() => setParams({ w: null })} disabled={weightsParam(st.weights) == null}>
            Reset weights
          </button>
        </fieldset>
      </form>

      <section class="results" aria-labelledby="results-heading" data-state={viewState} aria-busy={answer.kind === "loading"}>
        <h2 id="results-heading" class="visually-hidden">
          Results
        </h2>
        <Status answer={answer} state={st} />
        {shown && shown.data.findMentors.edges.length > 0 && (
          <Results
            shown={shown}
            selected={st.selected}
            hovered={hovered}
            onHover={setHovered}
            onSelect={(id) => setParams({ sel: id === st.selected ? null : id }, true)}
          />
        )}
        {!shown && answer.kind === "loading" && <Placeholder />}
      </section>
    </main>
  );
}

function Status({ answer, state }: { answer: Answer; state: FindState }) {
  switch (answer.kind) {
    case "idle":
      return (
        <p class="status" role="status">
          {state.me ? "Pick a skill to see who can mentor you in it." : "Pick who you are and a skill to see who can mentor you, and through whom."}
        </p>
      );
    case "loading":
      return (
        <p class="status" role="status">
          {answer.previous ? "Updating…" : "Looking for mentors…"}
        </p>
      );
    case "error":
      return (
        <div class="error" role="alert" data-error-code={answer.error.code}>
          <strong>Could not find mentors.</strong>
          <ul>
            {answer.error.all.map((e, i) => (
              <li key={i}>
                {capitalized(e.message)} <code class="code">{e.code}</code>
              </li>
            ))}
          </ul>
        </div>
      );
    case "ok": {
      const n = answer.shown.data.findMentors.edges.length;
      const s = answer.shown.state;
      const skill = answer.shown.data.skill?.name ?? s.skill;
      if (n === 0) {
        return (
          <p class="status empty" role="status">
            No one within {s.hops} {s.hops === 1 ? "hop" : "hops"} holds {skill} at level {s.level} or above
            {s.availableOnly ? " with an open slot" : ""}. Try more hops, a lower level
            {s.availableOnly ? ", or people without open slots" : ""}.
          </p>
        );
      }
      return (
        <p class="status" role="status">
          {n === s.first ? `The best ${n}` : `${n} ${n === 1 ? "mentor" : "mentors"}`} for {skill}, within {s.hops}{" "}
          {s.hops === 1 ? "hop" : "hops"} of {answer.shown.data.person?.name ?? s.me}.
        </p>
      );
    }
  }
}

function Placeholder() {
  return (
    <div class="results-grid placeholder" aria-hidden="true">
      <ol class="matches">
        {[0, 1, 2].map((i) => (
          <li key={i} class="match skeleton" />
        ))}
      </ol>
      <div class="drawing">
        <div class="path-graph-canvas skeleton" />
      </div>
    </div>
  );
}

interface ResultsProps {
  shown: Shown;
  selected: string | null;
  hovered: string | null;
  onHover: (id: string | null) => void;
  onSelect: (id: string) => void;
}

function Results({ shown, selected, hovered, onHover, onSelect }: ResultsProps) {
  const { data, state } = shown;
  const matches = data.findMentors.edges.map((e) => e.node);
  const you = data.person ?? { id: state.me ?? "", name: state.me ?? "you", headline: null };
  const drawing = useMemo(() => pathDrawing(you, matches), [data]);
  const highlight = hovered ?? selected;
  return (
    <div class="results-grid">
      <ol class="matches" aria-label="Mentors, best first">
        {matches.map((m, i) => (
          <MatchCard
            key={m.mentor.id}
            rank={i + 1}
            match={m}
            me={state.me}
            skill={state.skill}
            weights={state.weights}
            selected={m.mentor.id === selected}
            onHover={onHover}
            onSelect={onSelect}
          />
        ))}
      </ol>
      <div class="drawing">
        <PathGraph drawing={drawing} highlight={highlight} onPick={onSelect} />
        <TableTwin drawing={drawing} highlight={highlight} />
      </div>
    </div>
  );
}

interface MatchCardProps {
  rank: number;
  match: MentorMatch;
  /** Who asked, for the link to introductions. */
  me: string | null;
  /** The skill asked about: the focus of a mentorship request. */
  skill: string | null;
  weights: MentorWeights;
  selected: boolean;
  onHover: (id: string | null) => void;
  onSelect: (id: string) => void;
}

function MatchCard({ rank, match: m, me, skill, weights, selected, onHover, onSelect }: MatchCardProps) {
  const id = m.mentor.id;
  return (
    <li
      class={selected ? "match selected" : "match"}
      data-mentor-id={id}
      onMouseEnter={() => onHover(id)}
      onMouseLeave={() => onHover(null)}
    >
      <article aria-labelledby={`m-${rank}`}>
        <header>
          <span class="rank" aria-hidden="true">
            {rank}
          </span>
          <h3 id={`m-${rank}`} class="match-name">
            {m.mentor.name}
          </h3>
          {m.mentor.headline && <p class="headline">{m.mentor.headline}</p>}
        </header>
        <dl class="facts">
          <div>
            <dt>Skill</dt>
            <dd class="match-skill">
              {m.skill.name}, level {m.level}
            </dd>
          </div>
          <div>
            <dt>Hops</dt>
            <dd class="match-hops">{m.hops}</dd>
          </div>
          <div>
            <dt>Open slots</dt>
            <dd class="match-slots">{m.openSlots}</dd>
          </div>
          <div>
            <dt>Score</dt>
            <dd class="match-score">{fmt(m.score)}</dd>
          </div>
        </dl>
        <section class="why" aria-label={`Why ${m.mentor.name}`}>
          <h4>Why this mentor</h4>
          <p class="path-words">{capitalized(pathInWords(m.path.steps))}.</p>
          <ScoreBar score={m.score} breakdown={m.breakdown} weights={weights} />
        </section>
        <p class="match-links">
          <a href={`/person/${encodeURIComponent(id)}`} onClick={followLink}>
            Profile
          </a>
          {me && (
            <a href={`/intro?${new URLSearchParams({ me, to: id })}`} onClick={followLink}>
              Introductions
            </a>
          )}
        </p>
        {me != null && me === myPersonID() && <AskForMentorship mentor={m.mentor} mentee={me} skill={skill} />}
        <button
          type="button"
          class="link"
          aria-pressed={selected}
          onClick={() => onSelect(id)}
          onFocus={() => onHover(id)}
          onBlur={() => onHover(null)}
        >
          {selected ? "Show every path" : "Show this path in the drawing"}
        </button>
      </article>
    </li>
  );
}

/**
 * Asking a mentor: a note (optional) and "Send request"; the mentor sees
 * it in their requests and accepts or declines it. Shown only to the
 * signed-in person looking for themself (not to an admin viewing as
 * someone).
 */
function AskForMentorship({ mentor, mentee, skill }: { mentor: { id: string; name: string }; mentee: string; skill: string | null }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [failed, setFailed] = useState<ApiError | null>(null);
  const [message, setMessage] = useState("");
  if (sent) {
    return (
      <p class="asked" role="status" data-asked={mentor.id}>
        Request sent: {mentor.name} will see it in their{" "}
        <a href="/requests" onClick={followLink}>
          requests
        </a>
        .
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" class="action ask" data-ask={mentor.id} onClick={() => setOpen(true)}>
        Ask for mentorship
      </button>
    );
  }
  const send = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailed(null);
    try {
      await request(RequestMentorship, {
        input: { menteeId: mentee, mentorId: mentor.id, focus: skill ? [skill] : [], message: message.trim() || null },
      });
      forgetRequests();
      setSent(true);
    } catch (err) {
      setFailed(toApiError(err));
    }
    setBusy(false);
  };
  const field = `ask-note-${mentor.id}`;
  return (
    <form class="intro-request" onSubmit={send} aria-label={`Ask ${mentor.name} for mentorship`}>
      <label for={field}>A note for {mentor.name} (optional)</label>
      <textarea id={field} class="intro-text" rows={3} maxLength={1000} value={message} onInput={(e) => setMessage(e.currentTarget.value)} />
      <p class="intro-actions">
        <button type="submit" class="action" data-send={mentor.id} disabled={busy}>
          Send request
        </button>
        <button type="button" class="link" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </p>
      {failed && <ApiErrorBox what={`Could not ask ${mentor.name}`} error={failed} />}
    </form>
  );
}

const roleWords = { you: "you", match: "match", via: "introduces" };

/** The drawing as tables: the same people and links as rows. */
function TableTwin({ drawing, highlight }: { drawing: PathDrawing; highlight: string | null }) {
  const on = highlight ? drawing.pathOf.get(highlight) : undefined;
  const name = new Map(drawing.nodes.map((n) => [n.id, n.name]));
  return (
    <details class="twin" open>
      <summary>The drawing as a table</summary>
      <table data-twin="people">
        <caption>People ({drawing.nodes.length})</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Role</th>
            <th scope="col">Hops from you</th>
          </tr>
        </thead>
        <tbody>
          {drawing.nodes.map((n) => (
            <tr key={n.id} data-id={n.id} class={on?.nodes.has(n.id) ? "on-path" : undefined}>
              <th scope="row">{n.name}</th>
              <td>{n.role === "match" ? `match ${n.rank}` : roleWords[n.role]}</td>
              <td>{n.hops}</td>
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
          </tr>
        </thead>
        <tbody>
          {drawing.links.map((l) => (
            <tr key={l.key} data-from={l.from} data-to={l.to} data-kind={l.kind} class={on?.links.has(l.key) ? "on-path" : undefined}>
              <td>{name.get(l.from)}</td>
              <td>{linkInWords(l.kind)}</td>
              <td>{name.get(l.to)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
