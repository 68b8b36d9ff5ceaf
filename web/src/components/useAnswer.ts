// One question's answer as state: asked again whenever its key changes
// (the previous request aborted), kept while the next one loads so the
// screen does not jump.
import { useEffect, useState } from "preact/hooks";
import type { ApiError } from "../api";
import { isAbort } from "../api";
import { toApiError } from "./ApiErrorBox";

export type Answer<T> =
  | { kind: "idle" }
  | { kind: "loading"; previous: T | null }
  | { kind: "ok"; data: T }
  | { kind: "error"; error: ApiError };

/** The data on screen: the answer, or the previous one while loading. */
export function shownData<T>(a: Answer<T>): T | null {
  return a.kind === "ok" ? a.data : a.kind === "loading" ? a.previous : null;
}

/**
 * Asks ask(signal) whenever key changes; a null key means there is no
 * question (idle). An answer is only ever returned for the key it
 * answers: in the render where the key has just changed (before the
 * effect asks again) it is already "loading", so a screen never shows
 * the previous question's answer as the new one's.
 */
export function useAnswer<T>(key: string | null, ask: (signal: AbortSignal) => Promise<T>): Answer<T> {
  const [state, setState] = useState<{ key: string | null; answer: Answer<T> }>({ key: null, answer: { kind: "idle" } });
  useEffect(() => {
    if (key == null) {
      setState({ key, answer: { kind: "idle" } });
      return;
    }
    setState((prev) => ({ key, answer: { kind: "loading", previous: shownData(prev.answer) } }));
    const ac = new AbortController();
    ask(ac.signal).then(
      (data) => {
        if (!ac.signal.aborted) {
          setState({ key, answer: { kind: "ok", data } });
        }
      },
      (e: unknown) => {
        if (isAbort(e) || ac.signal.aborted) {
          return;
        }
        setState({ key, answer: { kind: "error", error: toApiError(e) } });
      },
    );
    return () => ac.abort();
  }, [key]);
  if (state.key !== key) {
    return key == null ? { kind: "idle" } : { kind: "loading", previous: shownData(state.answer) };
  }
  return state.answer;
}
