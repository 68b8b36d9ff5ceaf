// The app's frame: a header with the views and who is signed in, and the
// view the address names; the sign-in page when the server says
// UNAUTHENTICATED (or at /signin).
import { signedOut } from "./api";
import { followLink, here } from "./router";
import { me, signOut } from "./session";
import { Coverage } from "./views/Coverage";
import { FindMentor } from "./views/FindMentor";
import { Board } from "./views/Board";
import { Introductions } from "./views/Introductions";
import { NotFound } from "./views/NotFound";
import { Person } from "./views/Person";
import { Requests } from "./views/Requests";
import { SignIn } from "./views/SignIn";

/** The views, by the first segment of the path ("" is the start page). */
const views: Record<string, () => preact.JSX.Element> = {
  "": FindMentor,
  find: FindMentor,
  intro: Introductions,
  person: Person,
  board: Board,
  coverage: Coverage,
  requests: Requests,
};

export function App() {
  const first = here.value.pathname.split("/")[1] ?? "";
  const View = first === "signin" || signedOut.value ? SignIn : (views[first] ?? NotFound);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="/" onClick={followLink}>
          MentorGraph
        </a>
        <nav aria-label="Views">
          <a href="/find" onClick={followLink} aria-current={View === FindMentor ? "page" : undefined}>
            Find a mentor
          </a>
          <a href="/intro" onClick={followLink} aria-current={View === Introductions ? "page" : undefined}>
            Introductions
          </a>
          <a href="/person" onClick={followLink} aria-current={View === Person ? "page" : undefined}>
            People
          </a>
          <a href="/board" onClick={followLink} aria-current={View === Board ? "page" : undefined}>
            Board of mentors
          </a>
          <a href="/coverage" onClick={followLink} aria-current={View === Coverage ? "page" : undefined}>
            Coverage
          </a>
          <a href="/requests" onClick={followLink} aria-current={View === Requests ? "page" : undefined}>
            Requests
          </a>
          <a href="/graphiql">GraphiQL</a>
        </nav>
        <Account />
      </header>
      <View />
    </>
  );
}

/** Who is signed in, with their role, and the sign-out button. */
function Account() {
  const m = me.value;
  if (m === undefined || signedOut.value) {
    return null;
  }
  if (m === null) {
    // An anonymous visitor of a public directory.
    return (
      <div class="account" id="account">
        <a href="/signin" onClick={followLink}>
          Sign in
        </a>
      </div>
    );
  }
  const who = m.person?.name ?? m.login;
  const role = m.role === "ADMIN" ? "admin" : m.organizerOf.length > 0 ? "organizer" : "member";
  return (
    <div class="account" id="account" data-role={m.role}>
      <span>
        Signed in as <strong id="account-name">{who}</strong> <span class="role">({role})</span>
      </span>
      <button
        type="button"
        class="link"
        id="signout"
        onClick={() => {
          void signOut();
        }}
      >
        Sign out
      </button>
    </div>
  );
}
