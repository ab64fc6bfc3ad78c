// Inspections in Chromium (KH 2021 mục II.10; KH Thanh Hóa 2024 mục II.6): Cục BTNN plans an inspection of Sở Tư pháp
// Thanh Hóa (team leader and members, target and its date) → records a finding and a recommendation with a deadline
// (the result goes to the other lead agency, Cục Quản lý THADS) → the recommendation is a follow-up the inspected
// agency sees in its list of things to carry out, and reports done → the inspection report .docx is downloaded and
// parsed back with inspectDocx (Decree 30 report layout, the finding, the recommendation and the team in the text).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe } from "node:test";
import type { Page } from "playwright-core";
import { checkNd30Layout, inspectDocx } from "../../src/documents/index.ts";
import {
  browserAvailability,
  fillDate,
  type Harness,
  newPage,
  pick,
  type SignedIn,
  screenshot,
  signIn,
  startHarness,
  stepper,
} from "./harness.ts";

const { skip } = browserAvailability();
const TITLE = "Kiểm tra công tác bồi thường nhà nước tại Sở Tư pháp Thanh Hóa năm 2025";
const FINDING = "Sở Tư pháp đã hướng dẫn 04 vụ việc; 01 vụ việc chậm thụ lý 03 ngày làm việc.";
const RECOMMENDATION = "Rà soát, chấn chỉnh việc thụ lý hồ sơ yêu cầu bồi thường đúng thời hạn.";
const RESULT = "Đã ban hành văn bản chấn chỉnh số 210/STP-BTNN ngày 05/12/2025.";

describe("Kiểm tra trong Chromium — kế hoạch, kết quả, kiến nghị thành việc phải làm, báo cáo .docx (KH 2021 mục II.10)", {
  skip,
  concurrency: false,
}, () => {
  let h: Harness;
  let ministry: SignedIn;
  let province: SignedIn;
  let current: Page | undefined;

  before(async () => {
    h = await startHarness();
    ministry = await newPage(h);
    province = await newPage(h);
  });
  after(async () => {
    await h?.close();
  });

  const step = stepper("inspections", () => current);

  const openDrawer = async (page: Page) => {
    await page.getByRole("button", { name: TITLE }).click();
    const drawer = page.getByRole("dialog");
    await drawer.getByText(TITLE).first().waitFor();
    return drawer;
  };

  step("Cục BTNN lập kế hoạch kiểm tra: đoàn (trưởng đoàn, thành viên), đối tượng, lịch", async () => {
    const { page } = ministry;
    current = page;
    await signIn(page, h.baseUrl, "cucbtnn.canbo");
    await page.goto(`${h.baseUrl}/inspections`);
    await page.getByRole("heading", { name: "Kiểm tra công tác bồi thường nhà nước" }).waitFor();
    // Required fields are checked in the browser, in Vietnamese.
    await page.getByRole("button", { name: "Lưu kế hoạch kiểm tra" }).click();
    await page.getByText("Vui lòng nhập tên cuộc kiểm tra").waitFor();
    await page.getByText("Vui lòng chọn đối tượng kiểm tra").waitFor();

    await page.getByLabel("Tên cuộc kiểm tra").fill(TITLE);
    await page.getByLabel("Năm", { exact: true }).fill("2025");
    await page.getByLabel("Trưởng đoàn kiểm tra").fill("Nguyễn Minh Tuấn");
    await page.getByLabel("Thành viên đoàn (mỗi dòng một người)").fill("Trần Thu Hà\nLê Văn Bình");
    await pick(page, "Đối tượng kiểm tra", "Sở Tư pháp tỉnh Thanh Hóa", "So Tu phap tinh Thanh Hoa");
    await fillDate(page, "Ngày kiểm tra", "20/11/2025");
    await page.getByRole("button", { name: "Lưu kế hoạch kiểm tra" }).click();
    const row = page.getByRole("row", { name: new RegExp(TITLE) });
    await row.getByText("Đã lập kế hoạch").waitFor();
    await row.getByText("Sở Tư pháp tỉnh Thanh Hóa").waitFor();

    const drawer = await openDrawer(page);
    await drawer.getByText("Nguyễn Minh Tuấn (Trưởng đoàn); Trần Thu Hà; Lê Văn Bình").waitFor();
    await drawer.getByText("Sở Tư pháp tỉnh Thanh Hóa — 20/11/2025").waitFor();
  });

  step(
    "Ghi kết quả và kiến nghị có thời hạn → gửi cơ quan chủ trì còn lại; kiến nghị thành việc phải thực hiện",
    async () => {
      const { page } = ministry;
      current = page;
      const drawer = page.getByRole("dialog");
      await drawer.getByLabel("Kết quả kiểm tra", { exact: true }).fill(FINDING);
      await drawer.getByLabel("Kiến nghị", { exact: true }).fill(RECOMMENDATION);
      await fillDate(page, "Thời hạn thực hiện kiến nghị", "31/12/2025");
      await drawer.getByRole("button", { name: "Ghi kết quả và gửi cơ quan chủ trì còn lại" }).click();
      await drawer.getByRole("listitem").filter({ hasText: FINDING }).waitFor();
      const fu = drawer.getByRole("row", { name: new RegExp(RECOMMENDATION.slice(0, 30)) });
      await fu.getByText("Chưa thực hiện").waitFor();
      await fu.getByText("31/12/2025").waitFor();
      // KH 2021 mục II.10: the result is sent to the other lead agency (Cục Quản lý THADS).
      await drawer
        .getByText(/Cục Quản lý thi hành án dân sự|Cục Quản lý THADS/)
        .first()
        .waitFor();
      await page
        .getByRole("row", { name: new RegExp(TITLE) })
        .getByText("Đã có kết quả")
        .waitFor();
      await screenshot(page, "inspection-result");
    },
  );

  step("Tải báo cáo kết quả kiểm tra (.docx) và đọc lại bằng inspectDocx", async () => {
    const { page } = ministry;
    current = page;
    const drawer = page.getByRole("dialog");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      drawer.getByRole("link", { name: "Tải báo cáo kết quả kiểm tra (.docx)" }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.docx$/);
    const ins = await inspectDocx(readFileSync((await download.path())!));
    assert.deepEqual(checkNd30Layout(ins, "report"), [], "thể thức báo cáo theo Nghị định 30/2020/NĐ-CP");
    assert.match(ins.text, /BÁO CÁO/);
    assert.match(ins.text, /CỤC BỒI THƯỜNG NHÀ NƯỚC/i);
    assert.match(ins.text, /Sở Tư pháp tỉnh Thanh Hóa/);
    assert.ok(ins.text.includes(FINDING), "kết quả kiểm tra có trong báo cáo");
    assert.ok(ins.text.includes(RECOMMENDATION), "kiến nghị có trong báo cáo");
    assert.match(ins.text, /Nguyễn Minh Tuấn/);
    assert.match(ins.text, /Lê Văn Bình/);
    await page.keyboard.press("Escape");
  });

  step("Sở Tư pháp Thanh Hóa thấy kiến nghị trong danh sách việc phải thực hiện và báo cáo đã thực hiện", async () => {
    const { page } = province;
    current = page;
    await signIn(page, h.baseUrl, "stp.thanhhoa.canbo");
    await page.goto(`${h.baseUrl}/inspections`);
    const mine = page.getByTestId("my-followups");
    const row = mine.getByRole("row", { name: new RegExp(RECOMMENDATION.slice(0, 30)) });
    await row.getByText("Chưa thực hiện").waitFor();
    await row.getByText(TITLE).waitFor();
    await row.getByText("31/12/2025").waitFor();
    await row.getByRole("textbox").fill(RESULT);
    await row.getByRole("button", { name: "Báo cáo đã thực hiện" }).click();
    await row.getByText("Đã thực hiện").waitFor();
    await row.getByText(RESULT).waitFor();

    // The lead agency sees the outcome on the inspection.
    current = ministry.page;
    await ministry.page.reload();
    const drawer = await openDrawer(ministry.page);
    const fu = drawer.getByRole("row", { name: new RegExp(RECOMMENDATION.slice(0, 30)) });
    await fu.getByText("Đã thực hiện").waitFor();
    await fu.getByText(RESULT).waitFor();
  });
});
