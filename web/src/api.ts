// The one module that talks to the server: named GraphQL operations posted
// to /graphql. A GraphQL error becomes an ApiError whose message is the
// server's words and whose code is its extensions.code, so every view shows
// failures the same way. Every POST carries the session's CSRF token
// (X-CSRF-Token, from the mg_csrf cookie); an UNAUTHENTICATED answer sets
// signedOut, and the app shows the sign-in page.
import { signal } from "@preact/signals";

/** A failed request: the server's message and its extensions.code. */
export class ApiError extends Error {
  /** extensions.code (NOT_FOUND, BAD_USER_INPUT, UNAVAILABLE, …), or
   * NETWORK / HTTP_<status> when no GraphQL answer came back. */
  readonly code: string;
  /** Every message of the answer, with its code, when there were several. */
  readonly all: { message: string; code: string }[];

  constructor(all: { message: string; code: string }[]) {
    super(all.map((e) => e.message).join("; "));
    this.name = "ApiError";
    this.code = all[0]?.code ?? "INTERNAL";
    this.all = all;
  }
}

/** The CSRF token of the session (the mg_csrf cookie), sent with every POST. */
export function csrfToken(): string {
  const m = /(?:^|;\s*)mg_csrf=([^;]*)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]) : "";
}

/** Set when the server answers UNAUTHENTICATED: the app shows the sign-in page. */
export const signedOut = signal(false);

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** The name of the operation a document defines (its first one). */
export function operationName(document: string): string {
  const m = /\b(query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(document);
  if (!m) {
    throw new Error("a GraphQL document without a named operation");
  }
  return m[2];
}

/**
 * Runs the named operation of document with variables and returns its data.
 * Any GraphQL error fails the whole call with an ApiError: the views ask
 * for what they show, so partial data would be a screen with holes.
 */
export async function request<T>(document: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrfToken() },
      body: JSON.stringify({ operationName: operationName(document), query: document, variables }),
      signal,
    });
  } catch (e) {
    if (signal?.aborted) {
      throw e;
    }
    throw new ApiError([{ message: "cannot reach the server: check your connection and try again", code: "NETWORK" }]);
  }
  let answer: GraphQLAnswer<T>;
  try {
    answer = (await res.json()) as GraphQLAnswer<T>;
  } catch (e) {
    if (signal?.aborted) {
      throw e;
    }
    throw new ApiError([{ message: `the server answered ${res.status} ${res.statusText} without a GraphQL answer`, code: `HTTP_${res.status}` }]);
  }
  if (answer.errors && answer.errors.length > 0) {
    if (answer.errors[0].extensions?.code === "UNAUTHENTICATED") {
      signedOut.value = true;
    }
    throw new ApiError(
      answer.errors.map((e) => ({
        message: e.message,
        code: e.extensions?.code ?? (res.ok ? "INTERNAL" : `HTTP_${res.status}`),
      })),
    );
  }
  if (answer.data == null) {
    throw new ApiError([{ message: `the server answered ${res.status} without data`, code: `HTTP_${res.status}` }]);
  }
  return answer.data;
}

/** Whether e is the rejection of an aborted request (not worth showing). */
export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === "AbortError";
}

/**
 * A full-text query (Lucene syntax) that finds names starting with what a
 * person typed: each word as a prefix, Lucene's special characters left out, so
 * "ana ok" finds "Ana Okafor" and "c++" is not a syntax error.
 */
export function namePrefixQuery(typed: string): string | null {
  const words = typed
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, ""))
    .filter((w) => w.length > 0);
  if (words.length === 0) {
    return null;
  }
  return words.map((w) => `${w}*`).join(" AND ");
}
