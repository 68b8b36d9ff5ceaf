// "You": the signed-in person, from the session. Admins (and visitors of a
// public directory) pick whom to view the network as instead, clearly
// marked as viewing as someone else.
import type { ComponentChildren } from "preact";
import { me } from "../session";
import { Typeahead } from "./Typeahead";
import { pickedPeople, searchPeople } from "../search";
import type { PersonSummary } from "../types";

export interface YouPickerProps {
  /** The person the view is about (its me parameter). */
  current: string | null;
  render: (p: PersonSummary) => ComponentChildren;
  onPick: (p: PersonSummary) => void;
}

export function YouPicker({ current, render, onPick }: YouPickerProps) {
  const m = me.value;
  if (m && m.person && m.role !== "ADMIN") {
    return (
      <div class="you" id="you">
        <span class="label">You</span> <strong>{m.person.name}</strong>
      </div>
    );
  }
  const admin = m?.role === "ADMIN";
  return (
    <div class={admin ? "viewing-as" : undefined} data-viewing-as={admin ? "true" : undefined}>
      <Typeahead<PersonSummary>
        id="me"
        label={admin ? "Viewing as (admin)" : "You are"}
        placeholder="Type a name"
        picked={current ? (pickedPeople.get(current) ?? current) : ""}
        search={searchPeople}
        keyOf={(p) => p.id}
        render={render}
        onPick={onPick}
      />
      {admin && <p class="viewing-as-note">As an admin you see the network as the person you pick.</p>}
    </div>
  );
}
