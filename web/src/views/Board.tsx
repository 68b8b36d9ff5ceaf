// View 4, "Board of mentors": the skills a person wants to grow (at first
// the skills of their open goals; add and remove them), and the suggested
// board: one seat per mentor, with the skills the seat covers and the path
// to them, and the skills nobody in reach covers. In the address:
//
//	/board/<person id>?skills=<skill id>,<skill id>&hops=2
//
// Without skills= the open goals' skills are used; skills= (empty) is an
// empty list.
import { useEffect } from "preact/hooks";
import { request } from "../api";
import { ApiErrorBox } from "../components/ApiErrorBox";
import { Typeahead } from "../components/Typeahead";
import { shownData, useAnswer } from "../components/useAnswer";
import BoardPerson from "../graphql/BoardPerson.graphql";
import MentorBoardQuery from "../graphql/MentorBoard.graphql";
import { pathInWords } from "../paths";
import { stepSentence } from "../referrals";
import { followLink, here, navigate } from "../router";
import { personOption, pickedPeople, pickedSkills, searchPeople, searchSkills, skillOption } from "../search";
import type { BoardPersonData, BoardSeat, Goal, MentorBoardData, PersonSummary, SkillPlace, SkillRef } from "../types";
import { introURL } from "./Introductions";
import { personURL } from "./Person";

/** The most skills one board may cover (the API's bound). */
export const maxBoardSkills = 10;

export interface BoardState {
  id: string | null;
  /** The skills in the address; null when it names none (use the goals). */
  skills: string[] | null;
  hops: number;
}

export function readBoardState(url: URL): BoardState {
  const q = url.searchParams;
  const id = decodeURIComponent(url.pathname.split("/")[2] ?? "");
  const raw = q.get("skills");
  const hops = Number(q.get("hops"));
  return {
    id: id || null,
    skills: raw == null ? null : [...new Set(raw.split(",").filter((s) => s !== ""))],
    hops: Number.isInteger(hops) && hops >= 1 && hops <= 4 ? hops : 2,
  };
}

export function boardURL(id: string): string {
  return `/board/${encodeURIComponent(id)}`;
}

/** The skills of a person's open goals, each once, in the goals' order
 * (soonest due first), at most maxBoardSkills. */
export function goalSkills(goals: Goal[]): SkillRef[] {
  const seen = new Set<string>();
  const out: SkillRef[] = [];
  for (const g of goals) {
    if (g.status === "OPEN" && !seen.has(g.skill.id)) {
      seen.add(g.skill.id);
      out.push(g.skill);
    }
  }
  return out.slice(0, maxBoardSkills);
}

/** Changes the board's address: skills (null: back to the goals), hops. */
function setBoard(st: BoardState, change: { skills?: string[] | null; hops?: number }) {
  const url = new URL(here.value.href);
  const skills = change.skills !== undefined ? change.skills : st.skills;
  if (skills == null) {
    url.searchParams.delete("skills");
  } else {
    url.searchParams.set("skills", skills.join(","));
  }
  const hops = change.hops ?? st.hops;
  if (hops === 2) {
    url.searchParams.delete("hops");
  } else {
    url.searchParams.set("hops", String(hops));
  }
  url.searchParams.sort();
  navigate(url);
}

export function Board() {
  const st = readBoardState(here.value);
  const who = useAnswer<BoardPersonData>(st.id, (signal) => request<BoardPersonData>(BoardPerson, { id: st.id }, signal));
  const person = who.kind === "ok" ? who.data.person : null;
  const fromGoals = person ? goalSkills(person.goals) : [];
  const skills = st.skills ?? (person ? fromGoals.map((s) => s.id) : null);
  const askable = person && skills && skills.length > 0 && skills.length <= maxBoardSkills;
  const key = askable ? JSON.stringify([person.id, skills, st.hops]) : null;
  const board = useAnswer<MentorBoardData>(key, (signal) =>
    request<MentorBoardData>(MentorBoardQuery, { for: person?.id, skills, maxHops: st.hops }, signal),
  );

  useEffect(() => {
    document.title = `Board of mentors${person ? ` for ${person.name}` : ""} · MentorGraph`;
    if (person) {
      pickedPeople.set(person.id, person.name);
    }
  }, [person?.id]);

  if (!st.id) {
    return (
      <main class="board" id="main">
        <h1>Board of mentors</h1>
        <div class="controls single">
          <Typeahead<PersonSummary>
            id="who"
            label="Whose board"
            placeholder="Type a name"
            picked=""
            search={searchPeople}
            keyOf={(p) => p.id}
            render={personOption}
            onPick={(p) => {
              pickedPeople.set(p.id, p.name);
              navigate(boardURL(p.id));
            }}
          />
        </div>
      </main>
    );
  }

  // Names of the skills on the list: from the goals, the board's answer,
  // or the type-ahead they were picked with.
  const names = new Map<string, string>();
  for (const g of person?.goals ?? []) {
    names.set(g.skill.id, g.skill.name);
  }
  const shown = shownData(board);
  for (const s of [...(shown?.mentorBoard.seats.flatMap((x) => x.skills) ?? []), ...(shown?.mentorBoard.uncovered ?? [])]) {
    names.set(s.id, s.name);
  }
  const nameOf = (id: string) => names.get(id) ?? pickedSkills.get(id)?.name ?? id;
  const boardState =
    who.kind === "error" ? "error" : skills && skills.length === 0 ? "empty" : board.kind === "ok" ? (board.data.mentorBoard.seats.length === 0 ? "none" : "ok") : board.kind;

  return (
    <main class="board" id="main">
      {who.kind === "error" && <ApiErrorBox what="Could not load this person." error={who.error} />}
      {who.kind === "ok" && !person && (
        <div class="error" role="alert" data-error-code="NOT_FOUND">
          <strong>No person with id “{st.id}”.</strong>
        </div>
      )}
      <h1>Board of mentors{person ? ` for ${person.name}` : ""}</h1>
      {person && (
        <p class="lead">
          A few mentors who together cover what{" "}
          <a href={personURL(person.id)} onClick={followLink}>
            {person.name}
          </a>{" "}
          wants to grow in: each seat is someone within reach with an open slot, at level 3 or above in the skills it covers.
        </p>
      )}
      {person && skills && (
        <form class="controls board-controls" onSubmit={(e) => e.preventDefault()} aria-label="Skills to cover">
          <fieldset class="skills-editor">
            <legend>Skills to cover {st.skills == null ? <span class="note">(from {person.name}'s open goals)</span> : null}</legend>
            {skills.length === 0 ? (
              <p class="note">No skills yet: add one.</p>
            ) : (
              <ul class="chips">
                {skills.map((id) => (
                  <li key={id} class="chip" data-id={id}>
                    <span class="chip-name">{nameOf(id)}</span>
                    <button
                      type="button"
                      class="chip-remove"
                      aria-label={`Remove ${nameOf(id)}`}
                      onClick={() => setBoard(st, { skills: skills.filter((s) => s !== id) })}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <div class="skills-add">
              {skills.length < maxBoardSkills ? (
                <Typeahead<SkillPlace>
                  id="add-skill"
                  label="Add a skill"
                  placeholder="Type a skill"
                  picked=""
                  search={searchSkills}
                  keyOf={(s) => s.id}
                  render={skillOption}
                  onPick={(s) => {
                    pickedSkills.set(s.id, s);
                    if (!skills.includes(s.id)) {
                      setBoard(st, { skills: [...skills, s.id] });
                    }
                  }}
                />
              ) : (
                <p class="note">A board covers at most {maxBoardSkills} skills.</p>
              )}
              <button type="button" class="link" disabled={st.skills == null} onClick={() => setBoard(st, { skills: null })}>
                Back to the open goals
              </button>
            </div>
          </fieldset>
          <label class="hops-pick">
            Within
            <select id="hops" value={String(st.hops)} onChange={(e) => setBoard(st, { hops: Number((e.currentTarget as HTMLSelectElement).value) })}>
              {[1, 2, 3, 4].map((h) => (
                <option key={h} value={String(h)}>
                  {h} {h === 1 ? "hop" : "hops"}
                </option>
              ))}
            </select>
          </label>
        </form>
      )}
      <section class="results" aria-labelledby="board-h" data-state={boardState} aria-busy={board.kind === "loading" || who.kind === "loading"}>
        <h2 id="board-h" class="visually-hidden">
          The suggested board
        </h2>
        {board.kind === "error" && <ApiErrorBox what="Could not suggest a board." error={board.error} />}
        {(board.kind === "loading" || who.kind === "loading") && (
          <p class="status" role="status">
            {board.kind === "loading" && board.previous ? "Updating…" : "Choosing mentors…"}
          </p>
        )}
        {person && skills && skills.length === 0 && (
          <p class="status empty" role="status">
            {person.name} has no open goals: add the skills the board should cover.
          </p>
        )}
        {person && shown && <BoardResult person={person} board={shown.mentorBoard} hops={st.hops} />}
      </section>
    </main>
  );
}

function BoardResult({ person, board, hops }: { person: PersonSummary; board: MentorBoardData["mentorBoard"]; hops: number }) {
  return (
    <>
      <p class="status" role="status">
        {board.seats.length === 0
          ? `Nobody within ${hops} ${hops === 1 ? "hop" : "hops"} can take a seat.`
          : `${board.seats.length} ${board.seats.length === 1 ? "seat" : "seats"} within ${hops} ${hops === 1 ? "hop" : "hops"} of ${person.name}.`}
      </p>
      {board.seats.length > 0 && (
        <ol class="seats" aria-label="The board, in the order its seats were chosen">
          {board.seats.map((s, i) => (
            <Seat key={s.mentor.id} n={i + 1} seat={s} person={person} />
          ))}
        </ol>
      )}
      {board.uncovered.length > 0 && (
        <section class="uncovered" aria-labelledby="uncovered-h">
          <h3 id="uncovered-h">Nobody in reach covers</h3>
          <ul class="chips">
            {board.uncovered.map((s) => (
              <li key={s.id} class="chip missing" data-id={s.id}>
                {s.name}
              </li>
            ))}
          </ul>
          <p class="note">{hops < 4 ? "Look further (more hops), or ask for an introduction beyond your network." : "Nobody within 4 hops holds these at level 3 or above with an open slot."}</p>
        </section>
      )}
    </>
  );
}

function Seat({ n, seat, person }: { n: number; seat: BoardSeat; person: PersonSummary }) {
  const steps = seat.path.steps;
  return (
    <li class="seat" data-mentor-id={seat.mentor.id}>
      <article aria-labelledby={`seat-${n}`}>
        <header>
          <span class="rank" aria-hidden="true">
            {n}
          </span>
          <h3 id={`seat-${n}`} class="seat-name">
            <a href={personURL(seat.mentor.id)} onClick={followLink}>
              {seat.mentor.name}
            </a>
          </h3>
          {seat.mentor.headline && <p class="headline">{seat.mentor.headline}</p>}
        </header>
        <ul class="chips seat-skills" aria-label="Covers">
          {seat.skills.map((s) => (
            <li key={s.id} class="chip covered" data-id={s.id}>
              {s.name}
            </li>
          ))}
        </ul>
        <p class="seat-hops note">
          {seat.hops} {seat.hops === 1 ? "hop" : "hops"} away
        </p>
        <p class="path-words">{steps.length > 0 ? `${capitalized(pathInWords(steps))}.` : ""}</p>
        <ol class="hops seat-path" aria-label={`The path to ${seat.mentor.name}`}>
          <li class="hop" data-id={person.id}>
            <span class="hop-name">{person.name}</span>
          </li>
          {steps.map((s, i) => (
            <li key={i} class="hop" data-id={s.to.id}>
              <span class="hop-name">{s.to.name}</span>
              <span class="how">{stepSentence(s, i === 0)}</span>
            </li>
          ))}
        </ol>
        {seat.hops > 1 && (
          <a class="seat-intro" href={introURL(person.id, seat.mentor.id)} onClick={followLink}>
            Introductions to {seat.mentor.name}
          </a>
        )}
      </article>
    </li>
  );
}

function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
