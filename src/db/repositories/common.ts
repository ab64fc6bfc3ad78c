// Helpers shared by repositories: snake_case DTOs, paging, standard domain errors.
import { DomainError } from "../../domain/shared/errors.ts";

export type Page = { limit?: number; offset?: number };
export type PageResult<T> = { items: T[]; total: number; limit: number; offset: number };

export const MAX_PAGE = 200;

export function normalizePage(page: Page = {}): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? 20), 1), MAX_PAGE);
  const offset = Math.max(Math.trunc(page.offset ?? 0), 0);
  return { limit, offset };
}

const camelToSnake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

type SnakeKey<S extends string> = S extends `${infer H}${infer T}`
  ? H extends Lowercase<H>
    ? `${H}${SnakeKey<T>}`
    : `_${Lowercase<H>}${SnakeKey<T>}`
  : S;
export type Snake<T> = { [K in keyof T as K extends string ? SnakeKey<K> : K]: T[K] };

/** Top-level camelCase keys → snake_case (the JSON form of GLOSSARY). Nested jsonb values are left as stored. */
export function toSnake<T extends Record<string, unknown>>(row: T): Snake<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[camelToSnake(k)] = v;
  return out as Snake<T>;
}

export function notFound(what: string, field = "id"): DomainError {
  return new DomainError("not_found", field, `Không tìm thấy ${what} hoặc bạn không có quyền xem.`);
}

export function staleVersion(what: string, expected: number, actual: number): DomainError {
  return new DomainError(
    "stale_version",
    "version",
    `${what} đã được người khác cập nhật (phiên bản hiện tại ${actual}, bạn gửi phiên bản ${expected}). Hãy tải lại rồi thử lại.`,
  );
}

/** Keeps only the keys present (not undefined) in `patch` that are in `allowed`. */
export function pickDefined<T extends Record<string, unknown>, K extends keyof T>(
  patch: T,
  allowed: readonly K[],
): Partial<T> {
  const out: Partial<T> = {};
  for (const k of allowed) if (patch[k] !== undefined) out[k] = patch[k];
  return out;
}

// Adapters decide "today" (the Vietnam date of their clock); the domain receives it.
export { todayVn } from "../../domain/shared/dates.ts";
