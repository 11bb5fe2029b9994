import assert from "node:assert/strict";
import { test } from "node:test";
import { businessCalendarOf, calendarDay, calendarDays, plannedShipDate } from "./business-calendar.ts";

const weekdaysOnly = businessCalendarOf({});
/** 年末年始 closed 12/29–1/3, as merchants set it every year. */
const yearEnd = businessCalendarOf({
  closedDates: ["2027-12-29", "2027-12-30", "2027-12-31", "2028-01-01", "2028-01-02", "2028-01-03"].map(
    (date) => ({
      date,
      note: "年末年始",
    }),
  ),
});
const jst = (local: string) => new Date(`${local}+09:00`);

test("出荷予定日 table: cut-off, weekends, public holidays, merchant's closed days, time zone", () => {
  const rows: [string, ReturnType<typeof businessCalendarOf>, string | null, Date, string | null][] = [
    [
      "a weekday before the cut-off ships that day",
      weekdaysOnly,
      "15:00",
      jst("2027-06-09T10:00"),
      "2027-06-09",
    ],
    [
      "at the cut-off it counts from the next day",
      weekdaysOnly,
      "15:00",
      jst("2027-06-09T15:00"),
      "2027-06-10",
    ],
    // 2027-07-19 is 海の日 (Monday): Friday 14:59 ships Friday, 15:00 waits for Tuesday.
    ["Friday 14:59 before a holiday Monday", weekdaysOnly, "15:00", jst("2027-07-16T14:59"), "2027-07-16"],
    ["Friday 15:00 before a holiday Monday", weekdaysOnly, "15:00", jst("2027-07-16T15:00"), "2027-07-20"],
    // Golden Week 2027: 4/29 昭和の日, 5/1–2 weekend, 5/3 憲法記念日, 5/4 みどりの日, 5/5 こどもの日.
    [
      "Golden Week: Friday 4/30 after the cut-off",
      weekdaysOnly,
      "15:00",
      jst("2027-04-30T16:00"),
      "2027-05-06",
    ],
    ["Golden Week: ordered on 昭和の日", weekdaysOnly, "15:00", jst("2027-04-29T09:00"), "2027-04-30"],
    ["年末年始 12/29–1/3 closed", yearEnd, "15:00", jst("2027-12-28T15:30"), "2028-01-04"],
    ["ordered on 12/28 before the cut-off", yearEnd, "15:00", jst("2027-12-28T14:00"), "2027-12-28"],
    ["ordered on a Sunday (定休日) morning", weekdaysOnly, "15:00", jst("2027-06-06T10:00"), "2027-06-07"],
    // 23:59 JST is 14:59 UTC the same day; 00:30 JST Monday is still Sunday in UTC.
    [
      "23:59 JST Monday is after the cut-off",
      weekdaysOnly,
      "15:00",
      new Date("2027-06-07T14:59:00Z"),
      "2027-06-08",
    ],
    [
      "00:30 JST Monday (Sunday in UTC)",
      weekdaysOnly,
      "15:00",
      new Date("2027-06-06T15:30:00Z"),
      "2027-06-07",
    ],
    ["no cut-off: the whole day counts", weekdaysOnly, null, jst("2027-06-09T23:30"), "2027-06-09"],
    [
      "臨時営業日 on 憲法記念日 opens it",
      businessCalendarOf({ openDates: ["2027-05-03"] }),
      "15:00",
      jst("2027-04-30T16:00"),
      "2027-05-03",
    ],
    [
      "holidays open: Friday 15:00 ships on 海の日",
      businessCalendarOf({ holidaysClosed: false }),
      "15:00",
      jst("2027-07-16T15:00"),
      "2027-07-19",
    ],
    [
      "出荷までの日数 2 counts open days only",
      businessCalendarOf({ leadDays: 2 }),
      "15:00",
      jst("2027-07-16T10:00"),
      "2027-07-21",
    ],
    [
      "a merchant who ships on Saturdays",
      businessCalendarOf({ closedWeekdays: [0] }),
      "12:00",
      jst("2027-06-11T13:00"),
      "2027-06-12",
    ],
    [
      "every weekday closed: no date is made up",
      businessCalendarOf({ closedWeekdays: [0, 1, 2, 3, 4, 5, 6] }),
      "15:00",
      jst("2027-06-09T10:00"),
      null,
    ],
  ];
  for (const [why, calendar, cutoff, at, expected] of rows)
    assert.equal(plannedShipDate(calendar, cutoff, at), expected, why);
});

test("お届け対応可能日数 of the products: more open days after the warehouse's own", () => {
  const rows: [string, ReturnType<typeof businessCalendarOf>, Date, number, string | null][] = [
    ["none: the calendar's day", weekdaysOnly, jst("2027-06-09T10:00"), 0, "2027-06-09"],
    ["2 days from a Wednesday", weekdaysOnly, jst("2027-06-09T10:00"), 2, "2027-06-11"],
    // Friday 15:00 before 海の日: counts from Tuesday 7/20, then 1 open day.
    ["Friday 15:00 before a holiday, 1 day", weekdaysOnly, jst("2027-07-16T15:00"), 1, "2027-07-21"],
    // Golden Week: from Wednesday 4/28, 4/30 is the one open day before 5/6.
    ["Golden Week: 2 days from 4/28", weekdaysOnly, jst("2027-04-28T10:00"), 2, "2027-05-06"],
    ["年末年始: 1 day from 12/28", yearEnd, jst("2027-12-28T10:00"), 1, "2028-01-04"],
    [
      "added to the warehouse's 出荷までの日数",
      businessCalendarOf({ leadDays: 1 }),
      jst("2027-06-09T10:00"),
      2,
      "2027-06-14",
    ],
  ];
  for (const [why, calendar, at, days, expected] of rows)
    assert.equal(plannedShipDate(calendar, "15:00", at, days), expected, why);
});

test("each closed day says why: 祝日 with its name, 定休日, 臨時休業 with the note, 臨時営業日", () => {
  const calendar = businessCalendarOf({
    closedDates: [{ date: "2027-06-09", note: "棚卸" }],
    openDates: ["2027-05-04"],
  });
  assert.deepEqual(calendarDay(calendar, "2027-05-03"), {
    date: "2027-05-03",
    open: false,
    reason: "holiday",
    holidayName: "憲法記念日",
    note: null,
  });
  assert.equal(calendarDay(calendar, "2027-05-04").reason, "open_date");
  assert.equal(calendarDay(calendar, "2027-05-04").holidayName, "みどりの日");
  assert.equal(calendarDay(calendar, "2027-06-05").reason, "weekday");
  assert.deepEqual(
    { ...calendarDay(calendar, "2027-06-09") },
    { date: "2027-06-09", open: false, reason: "closed_date", holidayName: null, note: "棚卸" },
  );
  // 振替休日 comes from the package too: 2027-03-22 follows 春分の日 on Sunday the 21st.
  assert.equal(calendarDay(calendar, "2027-03-22").holidayName, "春分の日 振替休日");
  const june = calendarDays(calendar, "2027-06-01", "2027-06-30");
  assert.equal(june.length, 30);
  assert.equal(june.filter((d) => d.open).length, 21);
});

test("a calendar's settings are checked field by field", () => {
  assert.deepEqual(businessCalendarOf({}), {
    closedWeekdays: [0, 6],
    holidaysClosed: true,
    closedDates: [],
    openDates: [],
    leadDays: 0,
  });
  assert.throws(() => businessCalendarOf({ closedWeekdays: [7] }), /曜日は0\(日\)〜6\(土\)です/);
  assert.throws(() => businessCalendarOf({ closedDates: [{ date: "12/29" }] }), /日付は 2027-05-06/);
  assert.throws(() => businessCalendarOf({ leadDays: 31 }), /出荷までの日数は30日まで/);
});
