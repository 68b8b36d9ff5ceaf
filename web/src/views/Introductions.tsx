// View 2, "Introductions": between you and a chosen person, the shortest
// referral paths, drawn (SVG: one lane per path, you on the left) and
// listed, each person on a path with how the one before knows them, and an
// introduction request per path to copy. Every control is a URL parameter:
//
//	/intro?me=<person id>&to=<person id>&hops=4&k=3&avail=1&sel=<path number>
import { useEffect, useState } from "preact/hooks";
import { request } from "../api";
import { ApiErrorBox } from "../components/ApiErrorBox";
import { ReferralDrawing, stepRows } from "../components/ReferralDrawing";
import { Typeahead } from "../components/Typeahead";
import { YouPicker } from "../components/YouPicker";
import { shownData, useAnswer } from "../components/useAnswer";
import ReferralPaths from "../graphql/ReferralPaths.graphql";
import { introRequest, stepSentence } from "../referrals";
import { followLink, here, setParams } from "../router";
import { personOption, pickedPeople, searchPeople } from "../search";
import { myPersonID, viewsAsAnyone } from "../session";
import type { DatedPath, PersonSummary, ReferralPathsData } from "../types";

/** The view's state, as read from the address. */
export interface IntroState {
  me: string | null;
  to: string | null;
  hops: number;
  k: number;
  availableOnly: boolean;
  selected: number | null;
}

function intParam(v: string | null, min: number, max: number, dflt: number): number {
  const n = v == null ? NaN : Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : dflt;
}

export function readIntroState(url: URL): IntroState {
  const q = url.searchParams;
  const sel = intParam(q.get("sel"), 1, 10, 0);
  return {
    me: (viewsAsAnyone() && q.get("me")) || myPersonID(),
    to: q.get("to") || null,
    hops: intParam(q.get("hops"), 1, 6, 4),
    k: intParam(q.get("k"), 1, 10, 3),
    availableOnly: q.get("avail") === "1",
    selected: sel === 0 ? null : sel,
  };
}

/** A parameter's value, or null (left out of the address) for the default. */
function orDefault(v: string, dflt: number): string | null {
  return v === String(dflt) ? null : v;
}

/** The address of the introductions from me to a person. */
export function introURL(me: string | null, to: string): string {
  const q = new URLSearchParams(me ? { me, to } : { to });
  q.sort();
  return `/intro?${q}`;
}

interface Shown {
  data: ReferralPathsData;
  state: IntroState;
}

export function Introductions() {
  const st = readIntroState(here.value);
  const [hovered, setHovered] = useState<number | null>(null);
  const ready = st.me && st.to && st.me !== st.to;
  const key = ready ? JSON.stringify([st.me, st.to, st.hops, st.k, st.availableOnly]) : null;
  const answer = useAnswer<Shown>(key, (signal) => {
    const asked = st;
    return request<ReferralPathsData>(
      ReferralPaths,
      { from: asked.me, to: asked.to, maxHops: asked.hops, k: asked.k, excludeUnavailable: asked.availableOnly },
      signal,
    ).then((data) => {
      for (const p of [data.from, data.to]) {
        if (p) {
          pickedPeople.set(p.id, p.name);
        }
      }
      return { data, state: asked };
    });
  });

  useEffect(() => {
    document.title = "Introductions · MentorGraph";
  }, []);

  const shown = shownData(answer);
  const paths = answer.kind === "ok" ? answer.data.data.referralPaths : null;
  const viewState = answer.kind === "ok" ? (paths && paths.length > 0 ? "ok" : "empty") : answer.kind;

  return (
    <main class="intro" id="main">
      <h1>Introductions</h1>
      <form class="controls intro-controls" onSubmit={(e) => e.preventDefault()} aria-label="Who you want to meet">
        <div class="pickers">
          <YouPicker
            current={st.me}
            render={personOption}
            onPick={(p) => {
              pickedPeople.set(p.id, p.name);
              setParams({ me: p.id, sel: null });
            }}
          />
          <Typeahead<PersonSummary>
            id="to"
            label="Introduce me to"
            placeholder="Type their name"
            picked={st.to ? (pickedPeople.get(st.to) ?? st.to) : ""}
            search={searchPeople}
            keyOf={(p) => p.id}
            render={personOption}
            onPick={(p) => {
              pickedPeople.set(p.id, p.name);
              setParams({ to: p.id, sel: null });
            }}
          />
        </div>
        <div class="filters">
          <label>
            At most
            <select id="hops" value={String(st.hops)} onChange={(e) => setParams({ hops: orDefault((e.currentTarget as HTMLSelectElement).value, 4), sel: null })}>
              {[1, 2, 3, 4, 5, 6].map((h) => (
                <option key={h} value={String(h)}>
                  {h} {h === 1 ? "step" : "steps"}
                </option>
              ))}
            </select>
          </label>
          <label>
            Paths
            <select id="k" value={String(st.k)} onChange={(e) => setParams({ k: orDefault((e.currentTarget as HTMLSelectElement).value, 3), sel: null })}>
              {[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => (
                <option key={k} value={String(k)}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <label class="check">
            <input
              id="avail"
              type="checkbox"
              checked={st.availableOnly}
              onChange={(e) => setParams({ avail: (e.currentTarget as HTMLInputElement).checked ? "1" : null, sel: null })}
            />
            Only through people available to mentor
          </label>
        </div>
      </form>

      <section class="results" aria-labelledby="results-heading" data-state={viewState} aria-busy={answer.kind === "loading"}>
        <h2 id="results-heading" class="visually-hidden">
          Referral paths
        </h2>
        <IntroStatus state={st} answer={answer.kind} shown={answer.kind === "ok" ? answer.data : null} />
        {answer.kind === "error" && <ApiErrorBox what="Could not find referral paths." error={answer.error} />}
        {shown && shown.data.referralPaths.length > 0 && shown.data.from && shown.data.to && (
          <div class="results-grid">
            <ol class="referrals" aria-label="Referral paths, shortest first">
              {shown.data.referralPaths.map((p, i) => (
                <PathCard
                  key={i}
                  number={i + 1}
                  me={shown.data.from as PersonSummary}
                  target={shown.data.to as PersonSummary}
                  path={p}
                  selected={st.selected === i + 1}
                  onHover={setHovered}
                  onSelect={(n) => setParams({ sel: st.selected === n ? null : String(n) }, true)}
                />
              ))}
            </ol>
            <div class="drawing">
              <ReferralDrawing paths={shown.data.referralPaths} highlight={hovered ?? st.selected} onPick={(n) => setParams({ sel: st.selected === n ? null : String(n) }, true)} />
              <StepsTwin paths={shown.data.referralPaths} highlight={hovered ?? st.selected} />
            </div>
          </div>
        )}
      </section>
    </main>
  );
}

function IntroStatus({ state, answer, shown }: { state: IntroState; answer: string; shown: Shown | null }) {
  if (!state.me || !state.to) {
    return (
      <p class="status" role="status">
        {state.me ? "Pick the person you want to meet." : "Pick who you are and whom you want to meet, to see who can introduce you."}
      </p>
    );
  }
  if (state.me === state.to) {
    return (
      <p class="status empty" role="status">
        Pick someone other than yourself.
      </p>
    );
  }
  if (answer === "loading") {
    return (
      <p class="status" role="status">
        Looking for paths…
      </p>
    );
  }
  if (!shown) {
    return null;
  }
  const n = shown.data.referralPaths.length;
  const to = shown.data.to?.name ?? state.to;
  const s = shown.state;
  if (n === 0) {
    return (
      <p class="status empty" role="status">
        No path of at most {s.hops} {s.hops === 1 ? "step" : "steps"} leads to {to}
        {s.availableOnly ? " through people available to mentor" : ""}. Try more steps
        {s.availableOnly ? ", or through anyone" : ""}.
      </p>
    );
  }
  return (
    <p class="status" role="status">
      {n} {n === 1 ? "path" : "paths"} from {shown.data.from?.name ?? s.me} to {to}, shortest first.
    </p>
  );
}

interface PathCardProps {
  number: number;
  me: PersonSummary;
  target: PersonSummary;
  path: DatedPath;
  selected: boolean;
  onHover: (n: number | null) => void;
  onSelect: (n: number) => void;
}

function PathCard({ number, me, target, path, selected, onHover, onSelect }: PathCardProps) {
  const [copied, setCopied] = useState<string>("");
  const text = introRequest(me, target, path);
  const through = path.steps.slice(0, -1).map((s) => s.to.name);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("Copied to the clipboard.");
    } catch {
      // No clipboard (an insecure page, or permission refused): select the
      // text, so a keyboard copy takes it.
      const area = document.getElementById(`intro-${number}`) as HTMLTextAreaElement | null;
      area?.focus();
      area?.select();
      setCopied("Could not reach the clipboard: the text is selected, copy it with Ctrl+C.");
    }
  };
  return (
    <li class={selected ? "referral selected" : "referral"} data-path={number} onMouseEnter={() => onHover(number)} onMouseLeave={() => onHover(null)}>
      <article aria-labelledby={`path-${number}`}>
        <header>
          <span class="rank" aria-hidden="true">
            {number}
          </span>
          <h3 id={`path-${number}`}>
            Path {number}: {path.length} {path.length === 1 ? "step" : "steps"}
          </h3>
          <p class="headline">{through.length > 0 ? `through ${through.join(", ")}` : "you are linked directly"}</p>
        </header>
        <ol class="hops">
          <li class="hop" data-id={me.id}>
            <span class="hop-name">{me.name}</span> <span class="note">(you)</span>
          </li>
          {path.steps.map((s, i) => (
            <li key={i} class="hop" data-id={s.to.id} data-kind={s.kind}>
              <a class="hop-name" href={`/person/${encodeURIComponent(s.to.id)}`} onClick={followLink}>
                {s.to.name}
              </a>
              {s.to.headline && <span class="note"> · {s.to.headline}</span>}
              <span class="how">{stepSentence(s, i === 0)}</span>
            </li>
          ))}
        </ol>
        <div class="intro-request">
          <label for={`intro-${number}`}>Introduction request{path.length > 1 ? ` to ${path.steps[0].to.name}` : ""}</label>
          <textarea id={`intro-${number}`} class="intro-text" readOnly rows={8} value={text} />
          <div class="intro-actions">
            <button type="button" class="copy" onClick={copy}>
              Copy intro request
            </button>
            <span class="copied" role="status">
              {copied}
            </span>
          </div>
        </div>
        <button type="button" class="link" aria-pressed={selected} onClick={() => onSelect(number)} onFocus={() => onHover(number)} onBlur={() => onHover(null)}>
          {selected ? "Show every path" : "Show this path in the drawing"}
        </button>
      </article>
    </li>
  );
}

/** The drawing as a table: every step of every path, as a row. */
function StepsTwin({ paths, highlight }: { paths: DatedPath[]; highlight: number | null }) {
  const rows = stepRows(paths);
  return (
    <details class="twin" open>
      <summary>The drawing as a table</summary>
      <table data-twin="steps">
        <caption>Steps ({rows.length})</caption>
        <thead>
          <tr>
            <th scope="col">Path</th>
            <th scope="col">From</th>
            <th scope="col">Link</th>
            <th scope="col">To</th>
            <th scope="col">Since</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.path}-${r.step}`} data-path={r.path} class={highlight === r.path ? "on-path" : undefined}>
              <td>{r.path}</td>
              <td>{r.from}</td>
              <td>{r.words}</td>
              <td>{r.to}</td>
              <td>{r.since ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
