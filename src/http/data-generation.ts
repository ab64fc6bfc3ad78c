// The in-process data generation: a counter that changes whenever data may have changed, so that cached read
// responses (plugins/response-cache.ts) computed under an older generation are never served again.
// Bumped by: every unsafe HTTP request (POST/PUT/PATCH/DELETE, before its response is sent), every read that wrote an
// audit row, the scheduler's daily jobs (src/jobs/scheduler.ts) and, on PostgreSQL, a change of the server's commit
// watermark (writes by other processes such as the CLI). Any other code in this process that writes outside HTTP
// must call bumpDataGeneration() after its transaction commits.

let generation = 0;

/** The current data generation (only compared for equality). */
export function dataGeneration(): number {
  return generation;
}

/** Marks every cached read as stale; call AFTER the write has committed. */
export function bumpDataGeneration(): void {
  generation++;
}
