// route(): finds the one clause that governs a coordination situation, or explains which clauses came nearest.

import type { Role } from "../agencies/roles.ts";
import { type Output, ROUTING_RULES, type RoleRef, type RoutingRule } from "./rules.ts";
import { parseSituation, REQUEST_KIND_VI, type Situation } from "./situation.ts";

export interface RouteResult {
  rule: string;
  clause: string;
  /** Cơ quan chủ trì. */
  lead: Role;
  /** Cơ quan phối hợp. */
  coordinators: Role[];
  /** Where the request (or a copy) is forwarded. */
  forward_to: Role[];
  /** Addressees of the output document. */
  recipients: Role[];
  output: Output;
  basis: string;
  timing?: string;
  note?: string;
}

export interface NearestRule {
  rule: string;
  basis: string;
  /** Vietnamese: which conditions of that clause the situation does not meet. */
  why: string;
  /** Conditions met / conditions in the clause (the request kind counts as one). */
  matched: number;
  of: number;
}

export interface NoRoute {
  rule: null;
  nearest: NearestRule[];
}

function resolveRef(ref: RoleRef, s: Situation): Role | undefined {
  if (ref === "$from") return s.from_role;
  if (ref === "$to") return s.to_role;
  return ref;
}

function resolveRefs(refs: readonly RoleRef[], s: Situation): Role[] {
  const out: Role[] = [];
  for (const ref of refs) {
    const r = resolveRef(ref, s);
    if (r !== undefined && !out.includes(r)) out.push(r);
  }
  return out;
}

function applyRule(rule: RoutingRule, s: Situation): RouteResult {
  const result: RouteResult = {
    rule: rule.id,
    clause: rule.clause,
    lead: resolveRef(rule.lead, s)!,
    coordinators: resolveRefs(rule.coordinators, s),
    forward_to: resolveRefs(rule.forward_to, s),
    recipients: resolveRefs(rule.recipients, s),
    output: rule.output,
    basis: rule.basis,
  };
  if (rule.timing !== undefined) result.timing = rule.timing;
  if (rule.note !== undefined) result.note = rule.note;
  return result;
}

/** Rules whose kind and every condition hold. The table is built so that there is at most one. */
export function matchingRules(s: Situation, rules: readonly RoutingRule[] = ROUTING_RULES): RoutingRule[] {
  return rules.filter((r) => r.kind === s.kind && r.conditions.every((c) => c.test(s)));
}

const MAX_NEAREST = 3;

function nearest(s: Situation, rules: readonly RoutingRule[]): NearestRule[] {
  const sameKind = rules.filter((r) => r.kind === s.kind);
  const pool = sameKind.length > 0 ? sameKind : rules;
  const scored = pool.map((r, index) => {
    const kindOk = r.kind === s.kind;
    const unmet = r.conditions.filter((c) => !c.test(s));
    const why = [...(kindOk ? [] : [`loại yêu cầu phải là "${REQUEST_KIND_VI[r.kind]}"`]), ...unmet.map((c) => c.vi)];
    const of = r.conditions.length + 1;
    const matched = of - why.length;
    return { index, r, why, matched, of };
  });
  scored.sort((a, b) => b.matched / b.of - a.matched / a.of || b.matched - a.matched || a.index - b.index);
  return scored.slice(0, MAX_NEAREST).map(({ r, why, matched, of }) => ({
    rule: r.id,
    basis: r.basis,
    why: `Chưa đáp ứng: ${why.join("; ")}.`,
    matched,
    of,
  }));
}

/** Routes an already validated situation (no schema check). */
export function routeSituation(s: Situation, rules: readonly RoutingRule[] = ROUTING_RULES): RouteResult | NoRoute {
  for (const r of rules) {
    if (r.kind === s.kind && r.conditions.every((c) => c.test(s))) return applyRule(r, s);
  }
  return { rule: null, nearest: nearest(s, rules) };
}

/**
 * Routes a coordination situation (JSON as received). Throws DomainError("invalid_situation", field, …) on bad input.
 * Returns the governing clause's routing, or `{ rule: null, nearest }` when no clause covers the situation — never a guess.
 */
export function route(input: unknown): RouteResult | NoRoute {
  return routeSituation(parseSituation(input));
}

export function isRouted(r: RouteResult | NoRoute): r is RouteResult {
  return r.rule !== null;
}
