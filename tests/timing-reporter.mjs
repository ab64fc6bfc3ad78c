// node:test reporter beside the spec reporter (tests/run.mjs): one line per test file, slowest first — the file's
// wall time (process start, imports and hooks included) and the time inside its top-level tests — so the next person
// sees where the suite's minutes go. tests/run.mjs writes it to test-results/timings.txt, prints the 10 slowest lines
// at the end and orders the next run's files by it (longest first).
import { basename, relative } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname;

export default async function* timings(source) {
  /** file → { wall, inTests, failed } */
  const files = new Map();
  const entry = (file) => {
    if (!files.has(file)) files.set(file, { wall: 0, inTests: 0, failed: false });
    return files.get(file);
  };
  // A test's own event names the file that defines it (maybe a shared module such as tests/durability/kill9.ts), so the
  // time of top-level tests is summed until the runner reports the summary of the test file that ran them: it
  // reports each file's tests, then that file's summary, one file after the other.
  let pending = 0;
  let pendingFailed = false;
  for await (const { type, data } of source) {
    if (!data?.file) continue;
    if (type === "test:summary") {
      const e = entry(data.file);
      e.inTests += pending;
      e.failed ||= pendingFailed || data.success === false;
      pending = 0;
      pendingFailed = false;
    } else if (data.nesting !== 0) continue;
    // With process isolation each file is itself a top-level test named as given on the command line; it only completes.
    else if (type === "test:complete" && (data.name === basename(data.file) || data.file.endsWith(`/${data.name}`)))
      entry(data.file).wall = data.details?.duration_ms ?? 0;
    else if (type === "test:pass" || type === "test:fail") {
      pending += data.details?.duration_ms ?? 0;
      if (type === "test:fail") pendingFailed = true;
    }
  }
  const rows = [...files].sort((a, b) => b[1].wall - a[1].wall);
  const total = rows.reduce((s, [, e]) => s + e.wall, 0);
  yield `# thời gian theo tệp (giây): toàn tệp | trong các test | tệp — tổng ${(total / 1000).toFixed(1)} s\n`;
  for (const [file, e] of rows)
    yield `${(e.wall / 1000).toFixed(1).padStart(7)} ${(e.inTests / 1000).toFixed(1).padStart(7)}  ${relative(ROOT, file)}${e.failed ? "  (lỗi)" : ""}\n`;
}
