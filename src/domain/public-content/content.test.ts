// The public content table: every item well-formed and cited; the text format (paragraphs, "- " bullets) parsed the
// same way for the web page and the leaflet; the steps read from the legal parameter table.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { defaultCalendar } from "../calendar/index.ts";
import { parameterFor } from "../legal/parameters.ts";
import { CONTENT_KEY_PATTERN, contentBlocks, DEFAULT_PUBLIC_CONTENT, mergeContent } from "./content.ts";
import { publicSteps } from "./steps.ts";

describe("nội dung cổng công dân (dữ liệu)", () => {
  test("every default item: a valid unique key matching its page, a title, a body and at least one source", () => {
    const keys = new Set<string>();
    for (const item of DEFAULT_PUBLIC_CONTENT) {
      assert.match(item.key, CONTENT_KEY_PATTERN, item.key);
      assert.equal(item.key.split(".")[0], item.page, item.key);
      assert.ok(!keys.has(item.key), `duplicate ${item.key}`);
      keys.add(item.key);
      assert.ok(item.title.length >= 3 && item.body.length >= 10, item.key);
      assert.ok(item.sources.length > 0, `${item.key}: no source`);
      assert.doesNotMatch(item.body, /<[a-z/]/i, `${item.key}: no markup in the text`);
    }
  });

  test("contentBlocks: blank line separates paragraphs; '- ' lines form one list", () => {
    assert.deepEqual(contentBlocks("Một.\nHai.\n\n- a\n- b\nBa."), [
      { kind: "paragraph", text: "Một. Hai." },
      { kind: "list", items: ["a", "b"] },
      { kind: "paragraph", text: "Ba." },
    ]);
    assert.deepEqual(contentBlocks("  \n\n"), []);
  });

  test("mergeContent: an edit replaces the default of its key; hidden items only for the admin", () => {
    const base = DEFAULT_PUBLIC_CONTENT.slice(0, 2);
    const edited = { ...base[1], title: "Tiêu đề mới", hidden: true };
    assert.equal(mergeContent(base, [edited]).length, 1);
    assert.equal(mergeContent(base, [edited], { includeHidden: true })[1].title, "Tiêu đề mới");
  });
});

describe("các bước và thời hạn (bảng tham số pháp lý)", () => {
  // Friday 19/12/2025: the chain crosses a weekend and Tết Dương lịch 2026 (01/01, with 02/01 swapped off).
  const steps = publicSteps(defaultCalendar, "2025-12-19");

  test("Điều 43 khoản 1: acceptance within 2 working days of the receipt (Mon 22, Tue 23/12/2025)", () => {
    const accept = steps.find((s) => s.key === "accept");
    assert.equal(accept?.example.due, "2025-12-23");
  });

  test("Điều 43 khoản 3 điểm a: officer appointed within 2 working days of acceptance", () => {
    assert.equal(steps.find((s) => s.key === "appoint_officer")?.example.due, "2025-12-25");
  });

  test("Điều 45 khoản 2: verification 15 days from acceptance, rolled over a day off (BLDS Điều 148 khoản 5)", () => {
    const verify = steps.find((s) => s.key === "verify");
    assert.ok(verify);
    assert.equal(verify.example.from_date, "2025-12-25");
    assert.ok(defaultCalendar.isWorkingDay(verify.example.due));
    assert.ok(verify.example.due >= "2026-01-09");
  });

  test("Điều 47 khoản 1: the decision is handed over the day negotiation succeeds (0 days)", () => {
    const end = steps.find((s) => s.key === "negotiation_end");
    const decision = steps.find((s) => s.key === "decision");
    assert.equal(decision?.example.due, end?.example.due);
    assert.equal(decision?.duration_vi, "ngay trong ngày");
  });

  test("every step's duration and citation come from the parameter row in force", () => {
    for (const s of steps) {
      const p = parameterFor(s.key, "law_2017", "2025-12-19");
      assert.ok(p, s.key);
      assert.equal(s.value, p.value, s.key);
      assert.equal(s.cite, p.cite, s.key);
      assert.equal(s.confidence, p.confidence, s.key);
    }
    assert.deepEqual(
      steps.map((s) => s.key),
      [
        "accept",
        "appoint_officer",
        "verify",
        "verification_report",
        "negotiation_start",
        "negotiation_end",
        "decision",
        "decision_effective",
      ],
    );
  });
});
