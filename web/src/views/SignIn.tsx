// The sign-in page (/signin?return=<path>&error=<why>): a password form,
// and "Sign in with <provider>" when the server has an OpenID Provider.
import { useState } from "preact/hooks";
import { navigate, here } from "../router";
import { authConfig, signIn } from "../session";

/** Where to go after signing in: a path of this site. */
function returnPath(): string {
  const r = here.value.searchParams.get("return") ?? "";
  if (r.startsWith("/") && !r.startsWith("//") && !r.startsWith("/signin")) {
    return r;
  }
  if (here.value.pathname !== "/signin") {
    return here.value.pathname + here.value.search;
  }
  return "/";
}

export function SignIn() {
  const [error, setError] = useState<string | null>(here.value.searchParams.get("error"));
  const [busy, setBusy] = useState(false);
  const cfg = authConfig.value;
  const back = returnPath();
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const login = (form.elements.namedItem("login") as HTMLInputElement).value;
    const password = (form.elements.namedItem("password") as HTMLInputElement).value;
    setBusy(true);
    const failed = await signIn(login, password);
    setBusy(false);
    if (failed) {
      setError(failed);
      return;
    }
    navigate(back, true);
  };
  return (
    <main class="signin" id="main">
      <h1>Sign in</h1>
      <p>MentorGraph holds personal data about real people: sign in to see your network.</p>
      {error && (
        <p class="error" role="alert" id="signin-error">
          {error}
        </p>
      )}
      <form onSubmit={submit} aria-label="Sign in with a password">
        <label for="signin-login">Login (e-mail address or name)</label>
        <input id="signin-login" name="login" autocomplete="username" required />
        <label for="signin-password">Password</label>
        <input id="signin-password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
      {cfg?.oidc && (
        <p>
          <a class="button" id="signin-oidc" href={`/auth/oidc/start?return=${encodeURIComponent(back)}`}>
            Sign in with {cfg.oidc}
          </a>
        </p>
      )}
    </main>
  );
}
