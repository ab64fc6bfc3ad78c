// Shared timing loops for the bench modules: run a function for about `ms` milliseconds after a warm-up and report
// operations per second. One place, so every suite measures the same way.

export type BenchRow = {
  name: string;
  ops_per_sec?: number;
  rps?: number;
  p50_ms?: number;
  p99_ms?: number;
  note?: string;
};

/** Synchronous `fn(i)` in batches (cheap calls); returns rounded operations per second. */
export function measure(fn: (i: number) => unknown, ms = 400, opts: { warmup?: number; batch?: number } = {}): number {
  const { warmup = 2000, batch = 500 } = opts;
  for (let i = 0; i < warmup; i++) fn(i);
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < batch; i++) fn(ops + i);
    ops += batch;
    elapsed = performance.now() - start;
  }
  return Math.round((ops / elapsed) * 1000);
}

/** Awaited `fn()` one call at a time (expensive calls); returns operations per second. */
export async function measureAsync(fn: () => unknown | Promise<unknown>, ms = 400, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  let ops = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await fn();
    ops++;
  }
  return (ops * 1000) / (performance.now() - start);
}
