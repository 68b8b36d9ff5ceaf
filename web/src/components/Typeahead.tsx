// A type-ahead (ARIA combobox): type, wait a moment, pick from a list with
// the arrow keys and Enter, or with the mouse; Escape closes the list.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, isAbort } from "../api";

export interface TypeaheadProps<T> {
  /** The input's id (the list's and options' ids derive from it). */
  id: string;
  label: string;
  placeholder?: string;
  /** What the input shows while nothing is being typed: the picked value. */
  picked: string;
  /** Options for what was typed; [] when nothing matches. */
  search: (typed: string, signal: AbortSignal) => Promise<T[]>;
  keyOf: (option: T) => string;
  render: (option: T) => ComponentChildren;
  onPick: (option: T) => void;
}

type ListState<T> =
  | { kind: "closed" }
  | { kind: "searching" }
  | { kind: "options"; options: T[]; active: number }
  | { kind: "error"; message: string };

export function Typeahead<T>(p: TypeaheadProps<T>) {
  const [typed, setTyped] = useState<string | null>(null);
  const [list, setList] = useState<ListState<T>>({ kind: "closed" });
  const timer = useRef<number | undefined>(undefined);
  const inflight = useRef<AbortController | null>(null);

  useEffect(() => () => {
    window.clearTimeout(timer.current);
    inflight.current?.abort();
  }, []);

  const listId = `${p.id}-options`;
  const optionId = (i: number) => `${p.id}-option-${i}`;

  const ask = (text: string) => {
    window.clearTimeout(timer.current);
    inflight.current?.abort();
    if (text.trim() === "") {
      setList({ kind: "closed" });
      return;
    }
    setList({ kind: "searching" });
    timer.current = window.setTimeout(() => {
      const ac = new AbortController();
      inflight.current = ac;
      p.search(text, ac.signal).then(
        (options) => {
          if (!ac.signal.aborted) {
            setList({ kind: "options", options, active: options.length > 0 ? 0 : -1 });
          }
        },
        (e: unknown) => {
          if (isAbort(e) || ac.signal.aborted) {
            return;
          }
          const message = e instanceof ApiError ? `${e.message} (${e.code})` : String(e);
          setList({ kind: "error", message });
        },
      );
    }, 150);
  };

  const pick = (o: T) => {
    window.clearTimeout(timer.current);
    inflight.current?.abort();
    setTyped(null);
    setList({ kind: "closed" });
    p.onPick(o);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      if (list.kind !== "closed") {
        e.preventDefault();
        setList({ kind: "closed" });
      } else {
        setTyped(null);
      }
      return;
    }
    if (list.kind !== "options" || list.options.length === 0) {
      if (e.key === "ArrowDown" && typed) {
        ask(typed);
      }
      return;
    }
    const n = list.options.length;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setList({ ...list, active: (list.active + 1) % n });
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setList({ ...list, active: (list.active - 1 + n) % n });
    } else if (e.key === "Enter" && list.active >= 0) {
      e.preventDefault();
      pick(list.options[list.active]);
    }
  };

  const open = list.kind !== "closed";
  const active = list.kind === "options" && list.active >= 0 ? optionId(list.active) : undefined;
  return (
    <div class="typeahead">
      <label for={p.id}>{p.label}</label>
      <input
        id={p.id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={active}
        placeholder={p.placeholder}
        value={typed ?? p.picked}
        onInput={(e) => {
          const text = (e.currentTarget as HTMLInputElement).value;
          setTyped(text);
          ask(text);
        }}
        onKeyDown={onKeyDown}
        onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
        onBlur={() => {
          // Leave the list open long enough for a click on an option.
          window.setTimeout(() => {
            setList({ kind: "closed" });
            setTyped(null);
          }, 150);
        }}
      />
      <ul id={listId} role="listbox" aria-label={p.label} class="typeahead-list" hidden={!open}>
        {list.kind === "searching" && <li class="typeahead-note">Searching…</li>}
        {list.kind === "error" && (
          <li class="typeahead-note error" role="alert">
            {list.message}
          </li>
        )}
        {list.kind === "options" && list.options.length === 0 && <li class="typeahead-note">No match</li>}
        {list.kind === "options" &&
          list.options.map((o, i) => (
            <li
              key={p.keyOf(o)}
              id={optionId(i)}
              role="option"
              aria-selected={i === list.active}
              data-id={p.keyOf(o)}
              class={i === list.active ? "active" : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
            >
              {p.render(o)}
            </li>
          ))}
      </ul>
    </div>
  );
}
