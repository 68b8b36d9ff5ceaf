// The address bar is the app's state: views read their parameters from
// `here` and change them with navigate/replace, so a reload or a shared
// link shows the same screen.
import { signal } from "@preact/signals";

/** The current address. */
export const here = signal<URL>(new URL(window.location.href));

window.addEventListener("popstate", () => {
  here.value = new URL(window.location.href);
});

/** Goes to an address (a new history entry, or replacing the current one). */
export function navigate(to: string | URL, replace = false): void {
  const url = new URL(to, window.location.href);
  if (url.href === window.location.href) {
    return;
  }
  if (replace) {
    window.history.replaceState(null, "", url);
  } else {
    window.history.pushState(null, "", url);
  }
  here.value = url;
}

/**
 * Changes some query parameters of the current address: a value of null or
 * "" removes the parameter. Parameters keep a stable order, so equal screens
 * have equal addresses.
 */
export function setParams(change: Record<string, string | null>, replace = false): void {
  const url = new URL(here.value.href);
  for (const [k, v] of Object.entries(change)) {
    if (v == null || v === "") {
      url.searchParams.delete(k);
    } else {
      url.searchParams.set(k, v);
    }
  }
  url.searchParams.sort();
  navigate(url, replace);
}

/** A click on an in-app link moves without reloading the page. */
export function followLink(e: MouseEvent): void {
  const a = e.currentTarget as HTMLAnchorElement;
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || a.target) {
    return;
  }
  const url = new URL(a.href);
  if (url.origin !== window.location.origin) {
    return;
  }
  e.preventDefault();
  navigate(url);
}
