// Calendar module throughput: lunar conversions and BLDS period arithmetic on the default working-day calendar.
import {
  addPeriod,
  createWorkCalendar,
  defaultCalendar,
  lunarToSolar,
  solarToLunar,
} from "../src/domain/calendar/index.ts";
import { fromDayNumber, toDayNumber } from "../src/domain/shared/dates.ts";
import { measure } from "./measure.ts";

type Row = { name: string; ops_per_sec: number; note?: string };

export async function run(): Promise<Row[]> {
  const first = toDayNumber("2000-01-01");
  const span = toDayNumber("2079-12-31") - first;
  // deterministic pseudo-random dates (LCG) so runs are comparable
  const dates: string[] = [];
  let seed = 12345;
  for (let i = 0; i < 4096; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    dates.push(fromDayNumber(first + (seed % span)));
  }
  const lunars = dates.map((d) => solarToLunar(d));

  const t0 = performance.now();
  const fresh = createWorkCalendar();
  for (let y = 2000; y < 2080; y++) fresh.holidays(y);
  const buildMs = performance.now() - t0;
  for (let y = 2000; y < 2081; y++) defaultCalendar.holidays(y); // warm the shared cache

  return [
    { name: "solarToLunar", ops_per_sec: measure((i) => solarToLunar(dates[i & 4095])) },
    { name: "lunarToSolar", ops_per_sec: measure((i) => lunarToSolar(lunars[i & 4095])) },
    {
      name: "addPeriod 15 working_days",
      ops_per_sec: measure((i) => addPeriod(defaultCalendar, dates[i & 4095], 15, "working_days")),
      note: "with explanation steps",
    },
    {
      name: "addPeriod 30 working_days",
      ops_per_sec: measure((i) => addPeriod(defaultCalendar, dates[i & 4095], 30, "working_days")),
      note: "with explanation steps",
    },
    {
      name: "addPeriod 30 calendar_days",
      ops_per_sec: measure((i) => addPeriod(defaultCalendar, dates[i & 4095], 30, "calendar_days")),
    },
    {
      name: "isWorkingDay",
      ops_per_sec: measure((i) => defaultCalendar.isWorkingDay(dates[i & 4095])),
      note: `cold build of 80 years of holidays: ${buildMs.toFixed(1)} ms (incl. lunar tables)`,
    },
  ];
}
