import { type FormEvent, useEffect, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import type { Warehouse, WarehouseCalendar, WarehouseCalendarInput } from "../api/types.ts";
import { day } from "../format.ts";
import { Can, EditableBy } from "../session/can.tsx";
import { Field } from "../ui/field.tsx";
import { ErrorNotice, Notice } from "../ui/states.tsx";
import { CalendarMonth } from "./calendar-month.tsx";

const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"];

/**
 * カレンダー: the warehouse's 休業日 (weekdays, 祝日, 臨時休業 and 臨時営業日), 出荷締め時刻, 出荷までの
 * 日数 and days on the road per area — what each order's 出荷予定日 and お届け予定日 come from. Saving
 * recomputes the open orders' dates in the background; the month view shows the days it closes.
 */
export function CalendarSection({ warehouse, onSaved }: { warehouse: Warehouse; onSaved: () => void }) {
  const [calendar, setCalendar] = useState<WarehouseCalendar>();
  const [version, setVersion] = useState(0);
  const [loadError, setLoadError] = useState<ApiError>();
  useEffect(() => {
    api<WarehouseCalendar>("GET", `/api/warehouses/${warehouse.id}/calendar`)
      .then(setCalendar)
      .catch((e) => setLoadError(e instanceof ApiError ? e : new ApiError(0, null)));
  }, [warehouse.id]);
  return (
    <section className="calendar" aria-label={`${warehouse.name}のカレンダー`}>
      <h3>カレンダー</h3>
      <ErrorNotice error={loadError} title="カレンダーを読み込めませんでした" />
      {calendar && (
        <CalendarForm
          warehouse={warehouse}
          calendar={calendar}
          onSaved={(saved) => {
            setCalendar(saved);
            setVersion(version + 1);
            onSaved();
          }}
        />
      )}
      {calendar && <CalendarMonth warehouseId={warehouse.id} version={version} />}
    </section>
  );
}

function CalendarForm({
  warehouse,
  calendar,
  onSaved,
}: {
  warehouse: Warehouse;
  calendar: WarehouseCalendar;
  onSaved: (saved: WarehouseCalendar) => void;
}) {
  const [form, setForm] = useState<WarehouseCalendarInput>(calendar);
  const [newClosed, setNewClosed] = useState({ date: "", note: "" });
  const [newOpen, setNewOpen] = useState("");
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const change = (patch: Partial<WarehouseCalendarInput>) => {
    setSaved(false);
    setForm({ ...form, ...patch });
  };
  const toggleWeekday = (d: number) =>
    change({
      closedWeekdays: form.closedWeekdays.includes(d)
        ? form.closedWeekdays.filter((w) => w !== d)
        : [...form.closedWeekdays, d].sort(),
    });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const body: WarehouseCalendarInput = {
        closedWeekdays: form.closedWeekdays,
        holidaysClosed: form.holidaysClosed,
        closedDates: form.closedDates,
        openDates: form.openDates,
        leadDays: form.leadDays,
        cutoff: form.cutoff || null,
        deliveryDays: form.deliveryDays,
      };
      onSaved(await api<WarehouseCalendar>("PUT", `/api/warehouses/${warehouse.id}/calendar`, body));
      setSaved(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, null));
    }
  };
  return (
    <form
      className="settings-form"
      onSubmit={(e) => void submit(e)}
      aria-label={`${warehouse.name}のカレンダー設定`}
    >
      <EditableBy permission="warehouses:write">
        <fieldset className="checks calendar-weekdays">
          <legend>定休日</legend>
          {WEEKDAYS.map((label, d) => (
            <label key={label} className="checkbox">
              <input
                type="checkbox"
                checked={form.closedWeekdays.includes(d)}
                onChange={() => toggleWeekday(d)}
              />
              {label}曜
            </label>
          ))}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.holidaysClosed}
              onChange={(e) => change({ holidaysClosed: e.target.checked })}
            />
            祝日は休業
          </label>
        </fieldset>
        <Field
          label="出荷締め時刻"
          path="cutoff"
          error={error}
          hint="この時刻以降の注文は翌営業日から数えます(空欄なら締めなし)"
        >
          <input
            type="time"
            value={form.cutoff ?? ""}
            onChange={(e) => change({ cutoff: e.target.value || null })}
          />
        </Field>
        <Field
          label="出荷までの日数"
          path="leadDays"
          error={error}
          hint="営業日。0なら締め時刻までの注文は当日出荷"
        >
          <input
            className="input-short"
            type="number"
            min={0}
            max={30}
            value={form.leadDays}
            onChange={(e) => change({ leadDays: Number(e.target.value) })}
          />
        </Field>
        <fieldset className="checks">
          <legend>臨時休業日</legend>
          <ul className="placeholder-list">
            {form.closedDates.map((c, i) => (
              <li key={c.date}>
                {day(c.date)} {c.note && <span className="muted">{c.note}</span>}{" "}
                <button
                  type="button"
                  className="button button-small button-quiet"
                  aria-label={`${c.date}の臨時休業を外す`}
                  onClick={() => change({ closedDates: form.closedDates.filter((_, j) => j !== i) })}
                >
                  外す
                </button>
              </li>
            ))}
          </ul>
          <div className="inline-group">
            <Field label="日付">
              <input
                type="date"
                value={newClosed.date}
                onChange={(e) => setNewClosed({ ...newClosed, date: e.target.value })}
              />
            </Field>
            <Field label="理由(任意)">
              <input
                value={newClosed.note}
                maxLength={30}
                onChange={(e) => setNewClosed({ ...newClosed, note: e.target.value })}
              />
            </Field>
            <button
              type="button"
              className="button"
              disabled={!newClosed.date || form.closedDates.some((c) => c.date === newClosed.date)}
              onClick={() => {
                change({
                  closedDates: [...form.closedDates, newClosed].sort((a, b) => a.date.localeCompare(b.date)),
                });
                setNewClosed({ date: "", note: newClosed.note });
              }}
            >
              臨時休業日を追加
            </button>
          </div>
        </fieldset>
        <fieldset className="checks">
          <legend>臨時営業日(定休日・祝日でも出荷する日)</legend>
          <ul className="placeholder-list">
            {form.openDates.map((d) => (
              <li key={d}>
                {day(d)}{" "}
                <button
                  type="button"
                  className="button button-small button-quiet"
                  aria-label={`${d}の臨時営業を外す`}
                  onClick={() => change({ openDates: form.openDates.filter((o) => o !== d) })}
                >
                  外す
                </button>
              </li>
            ))}
          </ul>
          <div className="inline-group">
            <Field label="日付">
              <input type="date" value={newOpen} onChange={(e) => setNewOpen(e.target.value)} />
            </Field>
            <button
              type="button"
              className="button"
              disabled={!newOpen || form.openDates.includes(newOpen)}
              onClick={() => {
                change({ openDates: [...form.openDates, newOpen].sort() });
                setNewOpen("");
              }}
            >
              臨時営業日を追加
            </button>
          </div>
        </fieldset>
        <DeliveryDaysFields calendar={calendar} form={form} change={change} error={error} />
        <div className="action-row">
          <Can permission="warehouses:write">
            <button type="submit" className="button button-primary">
              カレンダーを保存
            </button>
          </Can>
        </div>
        {saved && <Notice>保存しました。未出荷の注文の出荷予定日を計算し直しています。</Notice>}
        <ErrorNotice error={error} title="保存できませんでした" />
      </EditableBy>
    </form>
  );
}

function DeliveryDaysFields({
  calendar,
  form,
  change,
  error,
}: {
  calendar: WarehouseCalendar;
  form: WarehouseCalendarInput;
  change: (patch: Partial<WarehouseCalendarInput>) => void;
  error: ApiError | undefined;
}) {
  const own = form.deliveryDays as Record<string, number | undefined>;
  return (
    <fieldset className="checks calendar-areas">
      <legend>配送日数(お届け予定日 = 出荷予定日 + 日数)</legend>
      <p className="muted">
        既定値はJuchuの目安です(配送会社の公表値ではありません)。起点:{" "}
        {calendar.originPrefecture ?? "ご依頼主未設定のため本州"}
        。離島は3日以上。
      </p>
      {calendar.areas.map((a) => (
        <Field key={a.code} label={a.label} path={`deliveryDays.${a.code}`} error={error}>
          <input
            className="input-short"
            type="number"
            min={1}
            max={14}
            value={own[a.code] ?? a.defaultDays}
            onChange={(e) => {
              const days = Number(e.target.value);
              const { [a.code]: _, ...rest } = own;
              change({ deliveryDays: days === a.defaultDays ? rest : { ...rest, [a.code]: days } });
            }}
          />
        </Field>
      ))}
    </fieldset>
  );
}
