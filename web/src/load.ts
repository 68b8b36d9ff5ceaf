// Answers kept for the page's life, by key, and a hook that shows one:
// views that ask the same question again (a metric switched, a cell
// chosen, the back button) get the answer they already have at once. A
// failed question is forgotten, so asking again retries; refresh forgets
// everything under a prefix.
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "./api";

export type Load<T> =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "ok"; data: T }
  | { kind: "error"; error: ApiError };

const pending = new Map<string, Promise<unknown>>();
const settled = new Map<string, unknown>();

/** Any rejection as an ApiError (a programming error becomes CLIENT). */
export function apiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError([{ message: e instanceof Error ? e.message : String(e), code: "CLIENT" }]);
}

/** The answer for key: asked once, then kept (failures are not kept). */
export function cached<T>(key: string, ask: () => Promise<T>): Promise<T> {
  if (settled.has(key)) {
    return Promise.resolve(settled.get(key) as T);
  }
  let p = pending.get(key) as Promise<T> | undefined;
  if (!p) {
    p = ask().then(
      (v) => {
        settled.set(key, v);
        pending.delete(key);
        return v;
      },
      (e: unknown) => {
        pending.delete(key);
        throw e;
      },
    );
    pending.set(key, p);
  }
  return p;
}

/** The kept answer for key, if there is one. */
export function peek<T>(key: string): T | undefined {
  return settled.get(key) as T | undefined;
}

/** Forgets the kept answers whose keys start with prefix. */
export function forget(prefix: string): void {
  for (const k of [...settled.keys()]) {
    if (k.startsWith(prefix)) {
      settled.delete(k);
    }
  }
}

/** A queue running at most n tasks at once, in the order given. */
export function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    if (running < n && waiting.length > 0) {
      running++;
      waiting.shift()!();
    }
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      waiting.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            running--;
            next();
          });
      });
      next();
    });
}

/**
 * The state of the answer for key (null: nothing to ask). A kept answer
 * shows at once; otherwise loading until it comes. A change of `version`
 * asks again (after forget).
 */
export function useLoad<T>(key: string | null, ask: () => Promise<T>, version = 0): Load<T> {
  const initial = (): Load<T> => {
    if (key == null) {
      return { kind: "idle" };
    }
    const v = peek<T>(key);
    return v !== undefined ? { kind: "ok", data: v } : { kind: "loading" };
  };
  const [state, setState] = useState<{ key: string | null; version: number; load: Load<T> }>(() => ({ key, version, load: initial() }));
  const current = state.key === key && state.version === version ? state.load : initial();

  useEffect(() => {
    if (key == null) {
      setState({ key, version, load: { kind: "idle" } });
      return;
    }
    let live = true;
    const v = peek<T>(key);
    setState({ key, version, load: v !== undefined ? { kind: "ok", data: v } : { kind: "loading" } });
    if (v !== undefined) {
      return;
    }
    cached(key, ask).then(
      (data) => live && setState({ key, version, load: { kind: "ok", data } }),
      (e: unknown) => live && setState({ key, version, load: { kind: "error", error: apiError(e) } }),
    );
    return () => {
      live = false;
    };
  }, [key, version]);

  return current;
}
