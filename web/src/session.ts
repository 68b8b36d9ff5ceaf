// Who is signed in (the me query), what sign-in the server offers
// (/auth/config), and signing in and out (/auth/signin, /auth/signout).
import { signal } from "@preact/signals";
import { ApiError, csrfToken, request, signedOut } from "./api";
import MeQuery from "./graphql/Me.graphql";

export type Role = "MEMBER" | "ORGANIZER" | "ADMIN";

/** The signed-in account. */
export interface Me {
  login: string;
  role: Role;
  person: { id: string; name: string } | null;
  organizerOf: { id: string; name: string }[];
}

/** The signed-in account: undefined until known, null when anonymous. */
export const me = signal<Me | null | undefined>(undefined);

/** What sign-in the server offers. */
export interface AuthConfig {
  password: boolean;
  oidc: string | null;
  publicDirectory: boolean;
}

export const authConfig = signal<AuthConfig | null>(null);

/** Asks who is signed in and what sign-in the server offers. */
export async function loadSession(): Promise<void> {
  fetch("/auth/config")
    .then((r) => r.json() as Promise<AuthConfig>)
    .then(
      (c) => (authConfig.value = c),
      () => undefined,
    );
  try {
    const data = await request<{ me: Me | null }>(MeQuery, {});
    // null: an anonymous visitor of a public directory.
    me.value = data.me;
  } catch (e) {
    if (e instanceof ApiError && e.code === "UNAUTHENTICATED") {
      me.value = null;
    }
  }
}

/** A random token for the sign-in's double submit (cookie and header). */
function preSessionToken(): string {
  let t = csrfToken();
  if (t.length < 16) {
    const b = new Uint8Array(32);
    crypto.getRandomValues(b);
    t = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    document.cookie = `mg_csrf=${t}; path=/; SameSite=Lax`;
  }
  return t;
}

/** Signs in with a password; resolves to an error message, or null. */
export async function signIn(login: string, password: string): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch("/auth/signin", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": preSessionToken() },
      body: JSON.stringify({ login, password }),
    });
  } catch {
    return "cannot reach the server: check your connection and try again";
  }
  if (!res.ok) {
    const answer = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null;
    return answer?.errors?.[0]?.message ?? `the server answered ${res.status}`;
  }
  signedOut.value = false;
  await loadSession();
  return null;
}

/** Signs out and forgets the account. */
export async function signOut(): Promise<void> {
  await fetch("/auth/signout", { method: "POST", headers: { "X-CSRF-Token": csrfToken() } }).catch(() => undefined);
  me.value = null;
  signedOut.value = true;
}

/** Whether the signed-in account may view the app as anyone (admins). */
export function viewsAsAnyone(): boolean {
  const m = me.value;
  return m == null || m.role === "ADMIN" || m.person == null;
}

/** The person the views start from: the signed-in account's. */
export function myPersonID(): string | null {
  return me.value?.person?.id ?? null;
}
