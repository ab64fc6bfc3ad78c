// A province round feeding the national round, in Chromium (KH 2024 Thanh Hóa mục III; TT 08/2019 Điều 24–25):
// the ministry opens a national round (API) → Sở Tư pháp Thanh Hóa opens its own round choosing that national round
// as parent (UI select) → the national round shows the Sở's submission fed by the province round ("0/1 cơ quan đã
// nộp") and its manual submit button disabled → THADS Thanh Hóa submits (API), the Sở consolidates (UI) → the
// ministry sees the tag "Đã tổng hợp", "1/1 cơ quan đã nộp" and the Sở's submission sent.
import assert from "node:assert/strict";
import { after, before, describe } from "node:test";
import type { Page } from "playwright-core";
import { addDays, formatVi as ddmmyyyy, todayVn } from "../../src/domain/shared/dates.ts";
import {
  type ApiSession,
  apiSession,
  browserAvailability,
  fillDate,
  type Harness,
  pick,
  signedInPage,
  startHarness,
  stepper,
} from "./harness.ts";

const { skip } = browserAvailability();
const NATIONAL_TITLE = "Báo cáo toàn quốc năm 2025 (liên kết tỉnh)";
const PROVINCE_TITLE = "Báo cáo năm 2025 của tỉnh Thanh Hóa (chuyển lên Bộ)";

describe("Kỳ báo cáo của tỉnh chuyển lên kỳ báo cáo của Bộ trong Chromium — KH 2024 Thanh Hóa mục III", {
  skip,
  concurrency: false,
}, () => {
  let h: Harness;
  let sTP: Page;
  let ministry: ApiSession;
  let nationalId = "";
  let provinceUrl = "";
  let current: Page | undefined;

  before(async () => {
    h = await startHarness();
    ministry = await apiSession(h, "cucbtnn.canbo");
    const r = (await ministry("POST", "/api/report-rounds", {
      title: NATIONAL_TITLE,
      template_id: "tt08-annual",
      period_kind: "year",
      year: 2025,
      deadline: addDays(todayVn(), 10),
      agency_id: "cuc-btnn",
      participant_ids: ["stp-thanh-hoa"],
    })) as { id: string };
    nationalId = r.id;
  });
  after(async () => {
    await h?.close();
  });

  const step = stepper("report-hierarchy", () => current);

  step("Sở Tư pháp Thanh Hóa mở kỳ của tỉnh, chọn đợt báo cáo cấp trên của Bộ", async () => {
    sTP = (await signedInPage(h, "stp.thanhhoa.canbo", { path: "/reports" })).page;
    const page = sTP;
    current = page;
    await page.getByRole("heading", { name: "Báo cáo tổng hợp" }).waitFor();
    await page.getByLabel("Tên kỳ báo cáo").fill(PROVINCE_TITLE);
    await page.getByLabel("Năm", { exact: true }).fill("2025");
    await fillDate(page, "Hạn gửi báo cáo", ddmmyyyy(addDays(todayVn(), 5)));
    await pick(page, "Cơ quan báo cáo", "Thi hành án dân sự tỉnh Thanh Hóa", "Thi hành án dân sự tỉnh");
    await page.keyboard.press("Escape");
    await pick(page, "Đợt báo cáo cấp trên (toàn quốc)", NATIONAL_TITLE);
    await page.getByRole("button", { name: "Mở kỳ báo cáo" }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    provinceUrl = page.url();
    await page.getByTestId("round-parent").getByText("Số liệu tổng hợp sẽ chuyển lên:").waitFor();
    await page.getByTestId("round-parent").getByRole("link", { name: NATIONAL_TITLE }).waitFor();
  });

  step("Trong kỳ của Bộ: báo cáo của Sở lấy từ kỳ của tỉnh, không gửi thủ công được", async () => {
    const page = sTP;
    current = page;
    await page.goto(`${h.baseUrl}/reports/${nationalId}`);
    const tag = page.getByTestId("subround-stp-thanh-hoa");
    await tag.getByText("Đang nhận báo cáo").waitFor();
    await tag.getByText("0/1 cơ quan đã nộp").waitFor();
    const submit = page.getByTestId("submit-fed");
    await submit.waitFor();
    assert.equal(await submit.isDisabled(), true);
  });

  step("THADS Thanh Hóa gửi, Sở tổng hợp → kỳ của Bộ ghi nhận báo cáo của Sở đã gửi", async () => {
    const thads = await apiSession(h, "thads.thanhhoa.canbo");
    const provinceId = provinceUrl.split("/").pop()!;
    await thads("PUT", `/api/report-rounds/${provinceId}/submissions/thads-thanh-hoa`, { submit: true });
    const page = sTP;
    current = page;
    await page.goto(provinceUrl);
    await page.getByRole("button", { name: "Tổng hợp báo cáo" }).click();
    await page.getByTestId("round-status").getByText("Đã tổng hợp").waitFor();

    const ministryPage = (await signedInPage(h, "cucbtnn.canbo", { path: `/reports/${nationalId}` })).page;
    current = ministryPage;
    const tag = ministryPage.getByTestId("subround-stp-thanh-hoa");
    await tag.getByText("Đã tổng hợp").waitFor();
    await tag.getByText("1/1 cơ quan đã nộp").waitFor();
    await ministryPage.getByTestId("status-stp-thanh-hoa").getByText("Đã gửi", { exact: true }).waitFor();
  });
});
