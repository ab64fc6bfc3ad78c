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
  for await (const { type, data } of source) {
    if (!data?.file || data.nesting !== 0) continue;
    const e = entry(data.file);
    const ms = data.details?.duration_ms ?? 0;
    // With process isolation each file is itself a top-level test named as given on the command line; it only completes.
    if (type === "test:complete" && (data.name === basename(data.file) || data.file.endsWith(`/${data.name}`)))
      e.wall = ms;
    else if (type === "test:pass" || type === "test:fail") {
      e.inTests += ms;
      if (type === "test:fail") e.failed = true;
    }
  }
  const rows = [...files].sort((a, b) => b[1].wall - a[1].wall);
  const total = rows.reduce((s, [, e]) => s + e.wall, 0);
  yield `# thời gian theo tệp (giây): toàn tệp | trong các test | tệp — tổng ${(total / 1000).toFixed(1)} s\n`;
  for (const [file, e] of rows)
    yield `${(e.wall / 1000).toFixed(1).padStart(7)} ${(e.inTests / 1000).toFixed(1).padStart(7)}  ${relative(ROOT, file)}${e.failed ? "  (lỗi)" : ""}\n`;
}
