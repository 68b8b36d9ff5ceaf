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
 * question (idle).
 */
export function useAnswer<T>(key: string | null, ask: (signal: AbortSignal) => Promise<T>): Answer<T> {
  const [answer, setAnswer] = useState<Answer<T>>({ kind: "idle" });
  useEffect(() => {
    if (key == null) {
      setAnswer({ kind: "idle" });
      return;
    }
    setAnswer((prev) => ({ kind: "loading", previous: shownData(prev) }));
    const ac = new AbortController();
    ask(ac.signal).then(
      (data) => {
        if (!ac.signal.aborted) {
          setAnswer({ kind: "ok", data });
        }
      },
      (e: unknown) => {
        if (isAbort(e) || ac.signal.aborted) {
          return;
        }
        setAnswer({ kind: "error", error: toApiError(e) });
      },
    );
    return () => ac.abort();
  }, [key]);
  return answer;
}
