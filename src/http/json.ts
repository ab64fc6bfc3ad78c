// Response helpers: Date → ISO string (recursively) so response schemas stay plain JSON types.
export type Jsonish<T> = T extends Date
  ? string
  : T extends Array<infer U>
    ? Array<Jsonish<U>>
    : T extends object
      ? { [K in keyof T]: Jsonish<T[K]> }
      : T;

export function jsonDates<T>(value: T): Jsonish<T> {
  if (value instanceof Date) return value.toISOString() as Jsonish<T>;
  if (Array.isArray(value)) return value.map(jsonDates) as Jsonish<T>;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = jsonDates(v);
    return out as Jsonish<T>;
  }
  return value as Jsonish<T>;
}
