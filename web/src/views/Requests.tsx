// "Mentorship requests" (/requests): the requests others made to you, to
// accept (the mentorship is recorded) or decline, and the ones you made,
// to withdraw. A mentorship needs both sides: one asks (from "Find a
// mentor", or as a mentor from here), the other answers here.
import { useState } from "preact/hooks";
import { ApiError, request } from "../api";
import { ApiErrorBox, toApiError } from "../components/ApiErrorBox";
import AcceptMentorshipRequest from "../graphql/AcceptMentorshipRequest.graphql";
import DeclineMentorshipRequest from "../graphql/DeclineMentorshipRequest.graphql";
import MentorshipRequestsQuery from "../graphql/MentorshipRequests.graphql";
import { forget, useLoad } from "../load";
import { followLink } from "../router";
import { me, myPersonID } from "../session";
import type { MentorshipRequest, MentorshipRequestsData } from "../types";

/** The key under which the requests are kept (forgotten after an answer). */
const requestsKey = "requests";

/** Forgets the kept requests, so the next look asks again. */
export function forgetRequests(): void {
  forget(requestsKey);
}

export function Requests() {
  const [version, setVersion] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ what: string; error: ApiError } | null>(null);
  const mine = myPersonID();
  const load = useLoad<MentorshipRequestsData>(mine ? requestsKey : null, () => request<MentorshipRequestsData>(MentorshipRequestsQuery, {}), version);

  const answer = async (q: MentorshipRequest, accept: boolean, what: string, said: string) => {
    setFailed(null);
    setDone(null);
    try {
      await request(accept ? AcceptMentorshipRequest : DeclineMentorshipRequest, { mentee: q.mentee.id, mentor: q.mentor.id });
      setDone(said);
    } catch (e) {
      setFailed({ what, error: toApiError(e) });
    }
    forgetRequests();
    setVersion((v) => v + 1);
  };

  return (
    <main id="main" class="requests">
      <h1>Mentorship requests</h1>
      <p class="note">
        A mentorship is recorded when both sides agree: one asks, the other accepts. Ask from{" "}
        <a href="/find" onClick={followLink}>
          Find a mentor
        </a>
        .
      </p>
      <p class="status" role="status" id="requests-status">
        {done ?? ""}
      </p>
      {failed && <ApiErrorBox what={failed.what} error={failed.error} />}
      {!mine ? (
        <p class="status empty">{me.value ? "Your account has no person in the network, so it has no mentorship requests." : "Sign in to see your mentorship requests."}</p>
      ) : load.kind === "error" ? (
        <ApiErrorBox what="Could not load your mentorship requests" error={load.error} />
      ) : load.kind !== "ok" ? (
        <p class="status">Loading your requests…</p>
      ) : (
        <>
          <section aria-labelledby="received-h">
            <h2 id="received-h">Asked of you</h2>
            {load.data.me == null || load.data.me.received.length === 0 ? (
              <p class="status empty" id="received-empty">
                Nobody is waiting for your answer.
              </p>
            ) : (
              <ul class="request-list" id="received">
                {load.data.me.received.map((q) => {
                  const asker = q.requestedBy.id === q.mentor.id ? q.mentor : q.mentee;
                  const asMentor = q.requestedBy.id === q.mentee.id;
                  return (
                    <RequestCard key={asker.id} q={q} who={asker} says={asMentor ? "asks you to mentor them" : "offers to mentor you"}>
                      <button
                        type="button"
                        class="action"
                        data-accept={asker.id}
                        onClick={() =>
                          void answer(q, true, `Could not accept ${asker.name}'s request`, asMentor ? `You now mentor ${asker.name}.` : `${asker.name} now mentors you.`)
                        }
                      >
                        Accept
                      </button>
                      <button
                        type="button"
                        class="link"
                        data-decline={asker.id}
                        onClick={() => void answer(q, false, `Could not decline ${asker.name}'s request`, `You declined ${asker.name}'s request.`)}
                      >
                        Decline
                      </button>
                    </RequestCard>
                  );
                })}
              </ul>
            )}
          </section>
          <section aria-labelledby="sent-h">
            <h2 id="sent-h">Asked by you</h2>
            {load.data.me == null || load.data.me.sent.length === 0 ? (
              <p class="status empty" id="sent-empty">
                No request of yours is waiting.
              </p>
            ) : (
              <ul class="request-list" id="sent">
                {load.data.me.sent.map((q) => {
                  const other = q.mentee.id === mine ? q.mentor : q.mentee;
                  const says = q.mentee.id === mine ? "you asked them to mentor you" : "you offered to mentor them";
                  return (
                    <RequestCard key={other.id} q={q} who={other} says={says}>
                      <button
                        type="button"
                        class="link"
                        data-withdraw={other.id}
                        onClick={() => void answer(q, false, "Could not withdraw your request", `You withdrew your request to ${other.name}.`)}
                      >
                        Withdraw
                      </button>
                    </RequestCard>
                  );
                })}
              </ul>
            )}
          </section>
        </>
      )}
    </main>
  );
}

interface RequestCardProps {
  q: MentorshipRequest;
  who: { id: string; name: string; headline: string | null };
  says: string;
  children: preact.ComponentChildren;
}

/** One request: who, what they ask, about which skills, their note. */
function RequestCard({ q, who, says, children }: RequestCardProps) {
  return (
    <li class="request" data-person-id={who.id}>
      <p>
        <a href={`/person/${encodeURIComponent(who.id)}`} onClick={followLink} class="request-who">
          {who.name}
        </a>{" "}
        {says}
        {q.focus.length > 0 && <> in {q.focus.map((s) => s.name).join(", ")}</>}{" "}
        <span class="note">({new Date(q.requestedAt).toLocaleDateString()})</span>
      </p>
      {who.headline && <p class="headline">{who.headline}</p>}
      {q.message && <blockquote class="request-message">{q.message}</blockquote>}
      <p class="intro-actions">{children}</p>
    </li>
  );
}
