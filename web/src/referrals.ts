// Referral paths in words: how each person on a path knows the next, and
// the introduction request a path suggests (shared by the Introductions
// view and the board's seats).
import { pathInWords } from "./paths";
import type { DatedPath, DatedStep, PersonSummary } from "./types";

/** How the person a step starts from knows the next one, said from you
 * when the step is the first. */
export function stepSentence(step: DatedStep, first: boolean): string {
  const from = step.from.name;
  const to = step.to.name;
  const since = step.since ? ` since ${step.since}` : "";
  if (step.kind === "CONNECTION") {
    return (first ? `You know ${to}` : `${from} knows ${to}`) + (since ? ` (connected${since})` : " (a connection)");
  }
  const words =
    step.direction === "FORWARD"
      ? first
        ? `You were mentored by ${to}`
        : `${from} was mentored by ${to}`
      : first
        ? `You mentored ${to}`
        : `${from} mentored ${to}`;
  return words + ` (mentorship${since})`;
}

/** How you and the first person of a path know each other, for a letter. */
function howWeKnowEachOther(step: DatedStep): string {
  const since = step.since ? ` since ${step.since}` : "";
  if (step.kind === "CONNECTION") {
    return `We have known each other${since}.`;
  }
  return step.direction === "FORWARD" ? `You have been my mentor${since}.` : `I have been your mentor${since}.`;
}

function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The text of an introduction request along a path, addressed to its first
 * person: whom you want to meet and how they reach them. A one-step path
 * needs no introduction: the text is a note to the person themselves.
 */
export function introRequest(me: PersonSummary, target: PersonSummary, path: DatedPath): string {
  const about = (p: PersonSummary) => (p.headline ? `${p.name} (${p.headline})` : p.name);
  const sign = `Thank you,\n${me.name}`;
  const first = path.steps[0];
  if (!first) {
    return "";
  }
  if (path.steps.length === 1) {
    return [
      `Hi ${target.name},`,
      `${howWeKnowEachOther(first)} I would like to ask for your advice, and perhaps your mentorship. Could we find half an hour to talk?`,
      `I'm ${about(me)}.`,
      sign,
    ].join("\n\n");
  }
  const via = first.to;
  const rest = path.steps.slice(1);
  const onward =
    rest.length === 1
      ? `${capitalized(pathInWords(rest))}.`
      : `${capitalized(pathInWords(rest))}: could you ask ${rest[0].to.name} to pass it on?`;
  return [
    `Hi ${via.name},`,
    `Would you introduce me to ${about(target)}? ${onward}`,
    `${howWeKnowEachOther(first)} I'm ${about(me)}, and this is how I would reach ${target.name}: ${[me.name, ...path.steps.map((s) => s.to.name)].join(" → ")}.`,
    sign,
  ].join("\n\n");
}
