// The app's frame: a header with the views, and the view the address names.
import { followLink, here } from "./router";
import { FindMentor } from "./views/FindMentor";
import { NotFound } from "./views/NotFound";

/** The views, by the first segment of the path ("" is the start page). */
const views: Record<string, () => preact.JSX.Element> = {
  "": FindMentor,
  find: FindMentor,
};

export function App() {
  const first = here.value.pathname.split("/")[1] ?? "";
  const View = views[first] ?? NotFound;
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
          <a href="/graphiql">GraphiQL</a>
        </nav>
      </header>
      <View />
    </>
  );
}
