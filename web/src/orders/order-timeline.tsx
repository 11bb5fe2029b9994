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
  /** Who acted, named by the API: a user's name, a token's, or システム. */
  actedBy: { kind: string; id: string | null; label: string };
  type: string;
  message: string;
};

const whoActed = ({ actedBy }: TimelineEvent, myUserId: string) =>
  actedBy.kind === "user" && actedBy.id === myUserId ? `${actedBy.label}(あなた)` : actedBy.label;

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
