import type { Order } from "../api/types.ts";
import { dateTime } from "../format.ts";
import { useSignedIn } from "../session/session.tsx";

type ActedBy = { kind: string; id: string | null; label: string };

/** Who did it, as the API names them (a user, a token, システム); the signed-in person is marked. */
export function whoActed(actedBy: ActedBy, myUserId: string): string {
  return actedBy.kind === "user" && actedBy.id === myUserId ? `${actedBy.label}(あなた)` : actedBy.label;
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
  actedBy: ActedBy;
  type: string;
  message: string;
};

/** The steps of an order (or of what was done about an inquiry), newest first, with who did each. */
export function TimelineEvents({ events }: { events: readonly TimelineEvent[] }) {
  const session = useSignedIn();
  return (
    <ol className="timeline">
      {[...events].reverse().map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: events carry no id; the list only ever grows at the top.
        <li key={`${e.at}-${i}`} className={`timeline-item timeline-${e.type}`}>
          <time dateTime={e.at}>{dateTime(e.at)}</time>
          <span className="timeline-actor">{whoActed(e.actedBy, session.user.id)}</span>
          <span className="timeline-message">{e.message}</span>
        </li>
      ))}
    </ol>
  );
}
