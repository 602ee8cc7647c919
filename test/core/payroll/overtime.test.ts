import { dayFromYMD, type Day } from "../../../src/core/dates";
import { overtimeForPayPeriod, weekdayOf, weeklyOvertime, workweekStartOf } from "../../../src/core/payroll";

const d = (y: number, m: number, day: number): Day => dayFromYMD(y, m, day) as Day;
const s = (x: { toString(): string }): string => x.toString();

describe("weeklyOvertime (FLSA, no averaging across workweeks)", () => {
  it("pays overtime on hours over 40 in each workweek on its own", () => {
    const [w1, w2] = weeklyOvertime([45, 35]);
    // week 1: 45 − 40 = 5 overtime; week 2: 35, none (averaging 80 / 2 = 40 would wrongly give 0)
    expect([s(w1.regularHours), s(w1.overtimeHours)]).toEqual(["40", "5"]);
    expect([s(w2.regularHours), s(w2.overtimeHours)]).toEqual(["35", "0"]);
  });

  it("adds decimal hours exactly", () => {
    // 9.25 × 4 + 4.1 = 41.1 → 40 regular, 1.1 overtime (binary floating point gives 1.1000000000000014)
    const [w] = weeklyOvertime([[9.25, 9.25, 9.25, 9.25, 4.1]]);
    expect(s(w.regularHours)).toBe("40");
    expect(s(w.overtimeHours)).toBe("1.1");
  });

  it("California daily: a 13-hour day is 8 regular, 4 at 1.5 ×, 1 at 2 ×", () => {
    // 13 h: first 8 regular; 8 → 12 = 4 overtime; 13 − 12 = 1 double time
    const [w] = weeklyOvertime([[13]], { daily: true });
    expect([s(w.regularHours), s(w.overtimeHours), s(w.doubleTimeHours)]).toEqual(["8", "4", "1"]);
  });

  it("California: weekly 40 counts only straight-time hours, no hour paid twice", () => {
    // Mon–Fri 10 h: each day 8 regular + 2 overtime → 40 regular, 10 overtime
    // Sat 6 h: the 40 straight hours are used up → 6 more overtime; total 40 / 16
    const [w] = weeklyOvertime([[10, 10, 10, 10, 10, 6]], { daily: true });
    expect([s(w.regularHours), s(w.overtimeHours), s(w.doubleTimeHours)]).toEqual(["40", "16", "0"]);
    // Six 8-hour days: no daily overtime; 48 − 40 = 8 weekly overtime (7th-day rule not applied)
    const [v] = weeklyOvertime([[8, 8, 8, 8, 8, 8]], { daily: true });
    expect([s(v.regularHours), s(v.overtimeHours)]).toEqual(["40", "8"]);
  });

  it("applies only the weekly rule when a workweek is given as a total", () => {
    // 50 as a total: 40 + 10, even with the daily option
    const [w] = weeklyOvertime([50], { daily: true });
    expect([s(w.regularHours), s(w.overtimeHours), s(w.doubleTimeHours)]).toEqual(["40", "10", "0"]);
  });

  it("refuses negative hours", () => {
    expect(() => weeklyOvertime([-1])).toThrow(RangeError);
  });
});

describe("overtimeForPayPeriod (a workweek split across two pay periods)", () => {
  // 2026-01-01 is a Thursday, so 2026-02-01 and 2026-03-01 are Sundays.
  it("knows the weekdays", () => {
    expect(weekdayOf(d(2026, 3, 1))).toBe(0); // Sunday
    expect(weekdayOf(d(1970, 1, 1))).toBe(4); // Thursday
    // workweek starting Sunday: Wed 2026-03-04 belongs to the week of Sun 2026-03-01
    expect(workweekStartOf(d(2026, 3, 4), 0)).toBe(d(2026, 3, 1));
    // workweek starting Wednesday (3): Tue 2026-03-03 belongs to the week of Wed 2026-02-25
    expect(workweekStartOf(d(2026, 3, 3), 3)).toBe(d(2026, 2, 25));
  });

  it("counts the earlier period's hours toward 40 and puts the overtime in the period it was worked", () => {
    // Workweek Sun 3/1 – Sat 3/7. Period 1 ends Tue 3/3: Mon 12 h + Tue 12 h = 24 h.
    const prior = [{ date: d(2026, 3, 2), hours: 12 }, { date: d(2026, 3, 3), hours: 12 }];
    const first = overtimeForPayPeriod(prior, 0, { from: d(2026, 2, 18), to: d(2026, 3, 3) });
    // period 1 alone: 24 h, under 40 → 24 regular, 0 overtime
    expect([s(first.regularHours), s(first.overtimeHours)]).toEqual(["24", "0"]);

    // Period 2, Wed 3/4 – Tue 3/17: Wed–Sat 6 h each = 24 h in the first workweek,
    // Sun 3/8 – Thu 3/12 8 h each = 40 h, Sun 3/15 – Tue 3/17 8 h each = 24 h.
    const days = [
      ...[4, 5, 6, 7].map((n) => ({ date: d(2026, 3, n), hours: 6 })),
      ...[8, 9, 10, 11, 12].map((n) => ({ date: d(2026, 3, n), hours: 8 })),
      ...[15, 16, 17].map((n) => ({ date: d(2026, 3, n), hours: 8 })),
    ];
    const second = overtimeForPayPeriod(days, 0, { from: d(2026, 3, 4), to: d(2026, 3, 17) }, prior);
    // week of 3/1: 24 prior + 24 now = 48 → the 8 h over 40 fall in period 2: 16 regular, 8 overtime
    expect(second.workweeks.map((w) => [w.workweekStart, s(w.priorHours), s(w.regularHours), s(w.overtimeHours)])).toEqual([
      [d(2026, 3, 1), "24", "16", "8"],
      [d(2026, 3, 8), "0", "40", "0"], // exactly 40
      [d(2026, 3, 15), "0", "24", "0"],
    ]);
    // period 2: 16 + 40 + 24 = 80 regular, 8 overtime
    expect([s(second.regularHours), s(second.overtimeHours)]).toEqual(["80", "8"]);
    expect(second.ignoredDates).toEqual([]);
  });

  it("keeps overtime already worked in the earlier period there", () => {
    // Sun 3/1 – Thu 3/5 9 h each = 45 h in period 1 (its own 5 h overtime); period 2 starts Fri 3/6
    const prior = [1, 2, 3, 4, 5].map((n) => ({ date: d(2026, 3, n), hours: 9 }));
    const p = overtimeForPayPeriod([{ date: d(2026, 3, 6), hours: 8 }], 0, { from: d(2026, 3, 6), to: d(2026, 3, 19) }, prior);
    // the week is already past 40 → Friday's 8 h are all overtime in period 2, nothing regular
    expect([s(p.regularHours), s(p.overtimeHours)]).toEqual(["0", "8"]);
  });

  it("adds several entries of one date, applies the daily option, and lists dates outside the period", () => {
    const p = overtimeForPayPeriod(
      [{ date: d(2026, 3, 4), hours: 7.5 }, { date: d(2026, 3, 4), hours: 5.5 }, { date: d(2026, 2, 1), hours: 8 }],
      0, { from: d(2026, 3, 4), to: d(2026, 3, 17) }, [{ date: d(2026, 2, 20), hours: 8 }], { daily: true },
    );
    // 3/4: 7.5 + 5.5 = 13 h → 8 regular, 4 overtime, 1 double time
    expect([s(p.regularHours), s(p.overtimeHours), s(p.doubleTimeHours)]).toEqual(["8", "4", "1"]);
    // 2/1 is outside the period; 2/20 is not in the first workweek (3/1 – 3/7)
    expect(p.ignoredDates).toEqual([d(2026, 2, 1), d(2026, 2, 20)]);
  });

  it("refuses a weekday outside 0..6", () => {
    expect(() => overtimeForPayPeriod([], 7, { from: 0, to: 13 })).toThrow(RangeError);
  });
});
