// `npm run bench`: runs every bench/*.bench.ts module in one process, prints one table and writes bench/results.json.
// Figures depend on the machine; each module reports its own baseline beside its figures so ratios stay meaningful.
import { readdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";

type Row = { name: string; ops_per_sec?: number; rps?: number; p50_ms?: number; p99_ms?: number; note?: string };

const dir = new URL(".", import.meta.url).pathname;
const only = process.argv.slice(2);
const modules = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const results: Array<Row & { suite: string }> = [];
for (const file of modules) {
  const suite = file.replace(/\.bench\.ts$/, "");
  process.stderr.write(`… ${suite}\n`);
  const mod = (await import(join(dir, file))) as { run: () => Promise<Row[]> };
  try {
    for (const row of await mod.run()) results.push({ suite, ...row });
  } catch (e) {
    results.push({ suite, name: "(lỗi)", note: (e as Error).message });
  }
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined ? "" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const header = ["suite", "case", "ops/s", "req/s", "p50 ms", "p99 ms", "note"];
const lines = results.map((r) => [
  r.suite,
  r.name,
  fmt(r.ops_per_sec),
  fmt(r.rps),
  fmt(r.p50_ms, 2),
  fmt(r.p99_ms, 2),
  r.note ?? "",
]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
console.log(row(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const l of lines) console.log(row(l));

const machine = { date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length };
console.log(
  `\n${machine.date} · Node ${machine.node} · ${machine.cores} × ${machine.cpu} · ${Math.round(totalmem() / 2 ** 30)} GiB`,
);
writeFileSync(join(dir, "results.json"), JSON.stringify({ machine, results }, null, 2));
