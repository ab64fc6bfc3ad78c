// A full report round in Chromium: the ministry (Cục BTNN) opens a round for two provinces → Sở Tư pháp Thanh Hóa
// reviews its derived figures, adds narrative and submits on time → time passes (the deadline is moved into the past
// in the database, standing in for the clock) → Nghệ An shows "Quá hạn", the ministry reminds it, it submits late →
// the ministry consolidates → DOCX and XLSX are downloaded and parsed back (mammoth / exceljs).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe } from "node:test";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import type { Page } from "playwright-core";
import { reportRounds } from "../../src/db/schema/index.ts";
import { addDays, formatVi as ddmmyyyy, todayVn } from "../../src/domain/shared/dates.ts";
import { INDICATOR_CODE } from "../../src/domain/statistics/indicators.ts";
import {
  answerConfirm,
  browserAvailability,
  contextCookies,
  fillDate,
  type Harness,
  pick,
  type SignedIn,
  screenshot,
  signedInPage,
  startHarness,
  stepper,
} from "./harness.ts";

const { skip } = browserAvailability();

describe("Kỳ báo cáo tổng hợp trong Chromium — KH 2024 Thanh Hóa mục III; TT 08/2019/TT-BTP Điều 24–25", {
  skip,
  concurrency: false,
}, () => {
  let h: Harness;
  let ministry: SignedIn;
  let roundUrl = "";
  let roundId = "";
  let current: Page | undefined;

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  const step = stepper("report-round", () => current);

  step("Cục BTNN mở kỳ báo cáo năm cho Sở Tư pháp Thanh Hóa và Nghệ An", async () => {
    ministry = await signedInPage(h, "cucbtnn.canbo", { path: "/reports" });
    const { page } = ministry;
    current = page;
    await page.getByRole("heading", { name: "Báo cáo tổng hợp" }).waitFor();
    await page.getByLabel("Tên kỳ báo cáo").fill("Báo cáo công tác bồi thường nhà nước năm 2025");
    await page.getByLabel("Năm", { exact: true }).fill("2025");
    await fillDate(page, "Hạn gửi báo cáo", ddmmyyyy(addDays(todayVn(), 10)));
    await pick(page, "Cơ quan báo cáo", "Sở Tư pháp tỉnh Thanh Hóa", "Thanh Hóa");
    await pick(page, "Cơ quan báo cáo", "Sở Tư pháp tỉnh Nghệ An", "Nghệ An");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Mở kỳ báo cáo" }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    roundUrl = page.url();
    roundId = roundUrl.split("/").pop()!;
    await page.getByTestId("status-stp-thanh-hoa").getByText("Chưa gửi").waitFor();
    await page.getByTestId("status-stp-nghe-an").getByText("Chưa gửi").waitFor();
    await screenshot(page, "report-round-open");
  });

  step("Sở Tư pháp Thanh Hóa xem số liệu tính từ vụ việc, viết thuyết minh và gửi đúng hạn", async () => {
    const { page } = await signedInPage(h, "stp.thanhhoa.canbo", { path: new URL(roundUrl).pathname });
    current = page;
    await page.getByText("Báo cáo của cơ quan (số liệu tính từ vụ việc)").waitFor();
    await page.getByText("Tổng số vụ việc thụ lý giải quyết (mới + kỳ trước chuyển sang)").waitFor();
    // Every narrative field empty: sending asks first; going back sends nothing (issue 17).
    await page.getByRole("button", { name: "Gửi báo cáo" }).click();
    await page.locator(".ant-modal-confirm-title", { hasText: "Gửi báo cáo không có thuyết minh?" }).waitFor();
    await answerConfirm(page, "Quay lại điền");
    await page.getByTestId("status-stp-thanh-hoa").getByText("Chưa gửi").waitFor();
    await page.getByLabel("Kết quả thực hiện").fill("Thanh Hóa: giải quyết dứt điểm các vụ việc thi hành án dân sự.");
    await page.getByLabel("Khó khăn, vướng mắc").fill("Thanh Hóa: xác minh thiệt hại kéo dài.");
    await page.getByLabel("Đề xuất, kiến nghị").fill("Thanh Hóa: đề nghị tập huấn kỹ năng thương lượng.");
    await page.getByRole("button", { name: "Gửi báo cáo" }).click();
    await page.getByText("Cơ quan đã gửi báo cáo kỳ này").waitFor();
    await page.getByTestId("status-stp-thanh-hoa").getByText("Đã gửi", { exact: true }).waitFor();
    // Recalled before consolidation: back to draft with the narrative kept, then sent again (no question: not empty).
    await page.getByTestId("recall").click();
    await answerConfirm(page, "Thu hồi để chỉnh sửa");
    await page.getByTestId("status-stp-thanh-hoa").getByText("Đang soạn").waitFor();
    assert.match(await page.getByLabel("Khó khăn, vướng mắc").inputValue(), /xác minh thiệt hại kéo dài/);
    await page.getByRole("button", { name: "Gửi báo cáo" }).click();
    await page.getByText("Cơ quan đã gửi báo cáo kỳ này").waitFor();
    await page.getByTestId("status-stp-thanh-hoa").getByText("Đã gửi", { exact: true }).waitFor();
    // The province sees only its own row.
    assert.equal(await page.getByTestId("status-stp-nghe-an").count(), 0);
  });

  step("Quá hạn: Nghệ An chưa gửi → Cục BTNN đôn đốc", async () => {
    // Time passes: the last day is moved to yesterday (the clock stands still in the test).
    await h.database.db
      .update(reportRounds)
      .set({ deadline: addDays(todayVn(), -1) })
      .where(eq(reportRounds.id, roundId));
    const { page } = ministry;
    current = page;
    await page.reload();
    await page.getByTestId("status-stp-nghe-an").getByText("Quá hạn").waitFor();
    await page.getByTestId("status-stp-thanh-hoa").getByText("Đã gửi", { exact: true }).waitFor();
    await page.getByRole("button", { name: /Đôn đốc — Sở Tư pháp tỉnh Nghệ An/ }).click();
    await page.getByTestId("reminders-stp-nghe-an").getByText("1").waitFor();
  });

  step("Sở Tư pháp Nghệ An gửi sau hạn → đánh dấu trễ hạn", async () => {
    const { page } = await signedInPage(h, "stp.nghean.canbo", { path: new URL(roundUrl).pathname });
    current = page;
    await page.getByTestId("reminders-stp-nghe-an").getByText("1").waitFor();
    await page.getByLabel("Kết quả thực hiện").fill("Nghệ An: tiếp nhận và thụ lý đúng hạn.");
    await page.getByLabel("Đề xuất, kiến nghị").fill("Nghệ An: đề nghị hướng dẫn xác định trách nhiệm hoàn trả.");
    await page.getByRole("button", { name: "Gửi báo cáo" }).click();
    await page.getByTestId("status-stp-nghe-an").getByText("Đã gửi (trễ hạn)").waitFor();
  });

  step("Cục BTNN tổng hợp; tải DOCX và XLSX và đọc lại", async () => {
    const { page } = ministry;
    current = page;
    await page.reload();
    await page.getByRole("button", { name: "Tổng hợp báo cáo" }).click();
    await page.getByTestId("round-status").getByText("Đã tổng hợp").waitFor();
    await screenshot(page, "report-round-consolidated");

    // Expected totals: the sum of the two submitted snapshots (API).
    const round = await h.app.inject({
      method: "GET",
      url: `/api/report-rounds/${roundId}`,
      cookies: await contextCookies(ministry.context),
    });
    const body = round.json() as {
      submissions: Array<{ agency_id: string; late: boolean; figures: { total: Record<string, number> } }>;
    };
    const th = body.submissions.find((s) => s.agency_id === "stp-thanh-hoa")!;
    const na = body.submissions.find((s) => s.agency_id === "stp-nghe-an")!;
    assert.equal(th.late, false);
    assert.equal(na.late, true);
    const handled = th.figures.total.handled + na.figures.total.handled;
    assert.ok(th.figures.total.handled > 0, "Thanh Hóa có vụ việc trong dữ liệu mẫu");

    const [docx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải báo cáo (DOCX)" }).click(),
    ]);
    const docxText = (await mammoth.extractRawText({ buffer: readFileSync((await docx.path())!) })).value;
    assert.match(docxText, /BÁO CÁO/);
    assert.match(docxText, /CỤC BỒI THƯỜNG NHÀ NƯỚC/);
    assert.match(docxText, /Thanh Hóa: giải quyết dứt điểm các vụ việc thi hành án dân sự\./);
    assert.match(docxText, /Nghệ An: đề nghị hướng dẫn xác định trách nhiệm hoàn trả\./);
    assert.match(docxText, /Tổng số vụ việc thụ lý giải quyết/);

    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải bảng số liệu (XLSX)" }).click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    let headerRow = 0;
    let handledRow = 0;
    ws.eachRow((row, n) => {
      const values = row.values as unknown[];
      if (values.includes("Tổng số")) headerRow = n;
      if (values.includes(INDICATOR_CODE.handled)) handledRow = n;
    });
    assert.ok(headerRow > 0 && handledRow > headerRow, "bảng có dòng tiêu đề và dòng chỉ tiêu số 1 (thụ lý)");
    const totalCol = (ws.getRow(headerRow).values as unknown[]).indexOf("Tổng số");
    assert.equal(Number(ws.getRow(handledRow).getCell(totalCol).value), handled);
  });
});
