// The view for an address the app does not know.
import { followLink, here } from "../router";

export function NotFound() {
  return (
    <main id="main" class="not-found">
      <h1>Nothing here</h1>
      <p>
        There is no page at <code>{here.value.pathname}</code>.{" "}
        <a href="/find" onClick={followLink}>
          Find a mentor
        </a>{" "}
        instead.
      </p>
    </main>
  );
}
