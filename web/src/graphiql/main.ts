// GraphiQL for /graphiql, bundled so that it works offline: React, the
// editor and its workers are served by the binary, nothing from a CDN.
// This bundle is separate from the app's and loads only on that page.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { createElement } from "react";
import { createRoot } from "react-dom/client";

// The hashed URLs of the worker bundles, by the label Monaco asks for;
// filled in by web/build.
declare const MONACO_WORKER_URLS: Record<string, string>;

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string): Worker {
    return new Worker(MONACO_WORKER_URLS[label] ?? MONACO_WORKER_URLS.editor);
  },
};

// A signed-in browser's POSTs carry its session's CSRF token (the mg_csrf
// cookie), as the app's do.
function csrfToken(): string {
  const m = /(?:^|;\s*)mg_csrf=([^;]*)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]) : "";
}

const fetcher = createGraphiQLFetcher({
  url: "/graphql",
  fetch: (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set("X-CSRF-Token", csrfToken());
    return fetch(input, { ...init, headers });
  },
});
const root = document.getElementById("graphiql");
if (root) {
  createRoot(root).render(createElement(GraphiQL, { fetcher }));
}
