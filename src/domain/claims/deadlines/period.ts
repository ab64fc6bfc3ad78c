// The length of one period and its due date: the parameter's value (the complex-case value when the claim is complex),
// the clock stopped by suspensions, an agreed extension; with the explanation of each step of the count.
import { addPeriod } from "../../calendar/periods.ts";
import type { ExplanationStep } from "../../calendar/types.ts";
import type { LegalParameter } from "../../legal/parameters.ts";
import type { IsoDate } from "../../shared/dates.ts";
import { formatVi } from "../../shared/dates.ts";
import type { ClaimExtensions } from "../events.ts";
import type { Ctx } from "./context.ts";
import { dueWithPauses, SUSPENSION_CLOCK_POLICY } from "./suspension-clock.ts";

function periodValue(p: LegalParameter, complex: boolean): number {
  return complex && p.complex_value !== undefined ? p.complex_value : p.value;
}

export type Computed = {
  param: LegalParameter;
  due: IsoDate;
  days: number;
  explanation: ExplanationStep[];
  paused: boolean;
  unverifiedPolicy: boolean;
};

export function compute(
  ctx: Ctx,
  param: LegalParameter,
  from: IsoDate,
  extension?: keyof ClaimExtensions,
  pausable = false,
): Computed {
  const base = periodValue(param, ctx.history.complex);
  const d = dueWithPauses(ctx, from, base, param.unit, pausable && SUSPENSION_CLOCK_POLICY.steps.includes(param.key));
  let explanation = d.explanation;
  if (ctx.history.complex && param.complex_value !== undefined) {
    explanation = [
      {
        rule: "note",
        text: `Vụ việc phức tạp: thời hạn ${param.complex_value} thay cho ${param.value} (${param.cite})`,
        source: param.cite,
      },
      ...explanation,
    ];
  }
  let due = d.date;
  let days = base;
  const ext = extension ? ctx.history.extensions?.[extension] : undefined;
  if (ext && param.extension_max !== undefined && !d.paused) {
    const n = Math.min(ext, param.extension_max);
    const e = addPeriod(ctx.cal, due, n, "calendar_days");
    explanation = [
      ...explanation,
      {
        rule: "note",
        date: due,
        text: `Kéo dài theo thỏa thuận ${n} ngày (tối đa ${param.extension_max} ngày) kể từ ngày hết thời hạn ${formatVi(due)}`,
        source: param.cite,
      },
      ...e.explanation,
    ];
    due = e.date;
    days = base + n;
  }
  return { param, due, days, explanation, paused: d.paused, unverifiedPolicy: d.pausedApplied };
}
