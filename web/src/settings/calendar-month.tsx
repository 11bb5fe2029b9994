import { useEffect, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { CalendarDay } from "../api/types.ts";
import { ErrorNotice } from "../ui/states.tsx";

const HEADS = ["日", "月", "火", "水", "木", "金", "土"];

/** The first of the month `offset` months from the Tokyo today, as YYYY-MM. */
function monthOf(offset: number): string {
  const now = new Date(Date.now() + 9 * 60 * 60 * 1000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return d.toISOString().slice(0, 7);
}

function lastDay(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, m ?? 1, 0)).toISOString().slice(0, 10);
}

/** 月表示: each day of a month, the closed ones marked with why (祝日名, 定休日, 臨時休業). */
export function CalendarMonth({ warehouseId, version }: { warehouseId: string; version: number }) {
  const [offset, setOffset] = useState(0);
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [error, setError] = useState<ApiError>();
  const month = monthOf(offset);
  useEffect(() => {
    // version: a saved calendar shows at once.
    void version;
    api<{ items: CalendarDay[] }>(
      "GET",
      `/api/warehouses/${warehouseId}/calendar/days?from=${month}-01&to=${lastDay(month)}`,
    )
      .then((r) => setDays(r.items))
      .catch((e) => setError(e instanceof ApiError ? e : new ApiError(0, null)));
  }, [warehouseId, month, version]);
  const blanks = days[0] ? new Date(`${days[0].date}T00:00:00Z`).getUTCDay() : 0;
  const [y, m] = month.split("-");
  return (
    <div className="calendar-month">
      <div className="action-row">
        <button type="button" className="button button-small" onClick={() => setOffset(offset - 1)}>
          前の月
        </button>
        <strong aria-live="polite">
          {y}年{Number(m)}月
        </strong>
        <button type="button" className="button button-small" onClick={() => setOffset(offset + 1)}>
          次の月
        </button>
      </div>
      <ErrorNotice error={error} title="カレンダーを表示できませんでした" />
      <table className="table calendar-grid" aria-label={`${y}年${Number(m)}月の営業日`}>
        <thead>
          <tr>
            {HEADS.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks(blanks, days).map((week) => (
            <tr key={week.find(Boolean)?.date ?? "blank"}>
              {week.map((d, i) =>
                d ? (
                  <td
                    key={d.date}
                    data-date={d.date}
                    className={d.open ? "calendar-open" : "calendar-closed"}
                    title={why(d)}
                  >
                    <span className="calendar-date">{Number(d.date.slice(8))}</span>
                    {(!d.open || d.reason === "open_date") && <span className="calendar-why">{why(d)}</span>}
                  </td>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the blank cells before the 1st have nothing else to key on.
                  <td key={i} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function why(d: CalendarDay): string {
  if (d.reason === "holiday") return d.holidayName ?? "祝日";
  if (d.reason === "closed_date") return d.note ? `臨時休業(${d.note})` : "臨時休業";
  return d.reasonLabel ?? (d.open ? "営業" : "休業");
}

function weeks(blanks: number, days: CalendarDay[]): (CalendarDay | null)[][] {
  const cells: (CalendarDay | null)[] = [...Array.from({ length: blanks }, () => null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const rows: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(cells.slice(i, i + 7));
  return rows;
}
