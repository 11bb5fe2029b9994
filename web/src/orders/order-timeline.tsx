import type { Order } from "../api/types.ts";
import { dateTime } from "../format.ts";
import { useSignedIn } from "../session/session.tsx";

/** Who did it, in words: the timeline stores `user:<id>`, `token:<id>` or `system[:job]`. */
export function actorLabel(actor: string, myUserId: string): string {
  const [kind, id] = actor.split(":");
  if (kind === "user") return id === myUserId ? "あなた" : "ユーザー";
  if (kind === "token") return "APIトークン";
  return "システム";
}

export function OrderTimeline({ order }: { order: Order }) {
  return (
    <section className="card span-all" aria-labelledby="timeline-title">
      <h2 id="timeline-title">履歴</h2>
      <TimelineEvents events={order.events} />
    </section>
  );
}

type TimelineEvent = {
  at: string;
  actor: string;
  /** Who acted, named by the API (the order's history has it; other timelines fall back to the kind). */
  actedBy?: { kind: string; id: string | null; label: string };
  type: string;
  message: string;
};

function whoActed(e: TimelineEvent, myUserId: string): string {
  if (!e.actedBy) return actorLabel(e.actor, myUserId);
  return e.actedBy.kind === "user" && e.actedBy.id === myUserId
    ? `${e.actedBy.label}(あなた)`
    : e.actedBy.label;
}

/** The steps of an order (or of what was done about an inquiry), newest first, with who did each. */
export function TimelineEvents({ events }: { events: readonly TimelineEvent[] }) {
  const session = useSignedIn();
  return (
    <ol className="timeline">
      {[...events].reverse().map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: events carry no id; the list only ever grows at the top.
        <li key={`${e.at}-${i}`} className={`timeline-item timeline-${e.type}`}>
          <time dateTime={e.at}>{dateTime(e.at)}</time>
          <span className="timeline-actor">{whoActed(e, session.user.id)}</span>
          <span className="timeline-message">{e.message}</span>
        </li>
      ))}
    </ol>
  );
}
