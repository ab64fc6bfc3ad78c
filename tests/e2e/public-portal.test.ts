// Acceptance journey of the public help portal (issue 15) on a 360 px phone: a person with no account reads the home
// page and the FAQ, takes the guided check with the keyboard only (reload and "back" lose nothing), gets the result
// (scope, time left under Điều 6, where to file, papers), downloads the filled Mẫu 01, files the claim with two
// attachments, gets a receipt code and the phiếu tiếp nhận, and follows the file with the code and the phone number.
// axe-core finds no serious or critical violation on any public page; the console stays clean (no error, no 401: the
// portal never calls an authenticated endpoint). Then the competent agency's officer (second browser context) finds
// the file in the agency's work, accepts it as a claim, and the person's status page shows it with the next date.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { CONSENT_VERSION } from "../../src/domain/portal/consent.ts";
import { browserAvailability, failureShot, type Harness, login, newPage, ROOT, startHarness } from "./harness.ts";

const { skip } = browserAvailability();
const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const PHONE = { width: 360, height: 740 };
// Two small real files for the attachments (the upload checks sniff the content, not only the name).
const MINI_PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const MINI_PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

type Watch = { errors: string[]; unauthorized: string[] };

async function phone(h: Harness): Promise<{ context: BrowserContext; page: Page; watch: Watch }> {
  const context = await h.browser.newContext({
    viewport: PHONE,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const watch: Watch = { errors: [], unauthorized: [] };
  // A failed response is reported by its URL below (the console's "Failed to load resource" names none); the one
  // failure expected is the status lookup with a wrong second factor (404, on purpose).
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) watch.errors.push(m.text());
  });
  page.on("pageerror", (e) => watch.errors.push(e.message));
  page.on("response", (r) => {
    if (r.status() === 401) watch.unauthorized.push(r.url());
    else if (r.status() >= 400 && !(r.status() === 404 && r.url().endsWith("/api/public/status")))
      watch.errors.push(`${r.status()} ${r.url()}`);
  });
  return { context, page, watch };
}

/** axe-core in the page (CDP evaluation, not an inline script: the page's CSP stays on): serious/critical only. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{
            violations: Array<{
              id: string;
              impact: string;
              nodes: Array<{ target: string[]; failureSummary?: string }>;
            }>;
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} (${n.failureSummary ?? ""})`).join(", ")}`);
  });
}

/** The question's heading has the focus (moved there after each screen renders): keys go where a person expects. */
async function questionFocused(page: Page) {
  await page.waitForFunction(() => document.activeElement?.id === "q-title");
}

async function assertAccessible(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], `axe (${what})`);
}

/** The page fits the phone: nothing wider than the viewport (no sideways scrolling). */
async function assertNoSideScroll(page: Page, what: string) {
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(w <= PHONE.width, `${what}: trang rộng ${w}px > ${PHONE.width}px`);
}

describe("Cổng công dân trên điện thoại 360 px", { skip, concurrency: false }, () => {
  let h: Harness;
  /** The receipt code the person got (ABCD-EFGH-JKMN), for the officer's side below. */
  let receiptCode = "";
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  test("trang chủ, hỏi đáp, tờ gấp, kiểm tra nhanh bằng bàn phím: không lỗi, không 401, axe sạch", async () => {
    const { context, page, watch } = await phone(h);
    try {
      // Home: content from the Cục BTNN's table, steps with dates computed on the working-day calendar.
      await page.goto(`${h.baseUrl}/cong-dan`);
      await page.getByRole("heading", { level: 1, name: "Bạn bị thiệt hại do cán bộ nhà nước làm sai?" }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Ai được yêu cầu bồi thường?" }).waitFor();
      await page.getByRole("heading", { level: 3, name: "Thụ lý hồ sơ" }).waitFor();
      assert.ok(
        await page
          .getByText(/^Chậm nhất: \d{2}\/\d{2}\/\d{4}$/)
          .first()
          .isVisible(),
      );
      assert.equal(await page.getByRole("banner").count(), 1);
      assert.equal(await page.getByRole("main").count(), 1);
      assert.equal(await page.getByRole("contentinfo").count(), 1);
      await assertAccessible(page, "trang chủ");
      await assertNoSideScroll(page, "trang chủ");

      // The leaflet is a real PDF, reachable without a session.
      const pdf = await page.request.get(`${h.baseUrl}/api/public/leaflet.pdf`);
      assert.equal(pdf.status(), 200);
      assert.equal((await pdf.body()).subarray(0, 5).toString(), "%PDF-");

      await page.getByRole("navigation").getByRole("link", { name: "Hỏi đáp" }).click();
      await page.getByRole("heading", { level: 1, name: "Câu hỏi thường gặp" }).waitFor();
      await page.getByRole("heading", { name: "Tôi có phải trả tiền để yêu cầu bồi thường không?" }).waitFor();
      await assertAccessible(page, "hỏi đáp");
      await assertNoSideScroll(page, "hỏi đáp");

      // The guided check, keyboard only: the heading of each question has focus; Tab reaches the answers, Space picks,
      // Enter continues.
      await page.goto(`${h.baseUrl}/cong-dan/kiem-tra`);
      await page.getByRole("heading", { level: 1, name: "Bạn là ai đối với người bị thiệt hại?" }).waitFor();
      await page.waitForURL(/buoc=capacity/);
      await assertAccessible(page, "câu hỏi 1");
      await assertNoSideScroll(page, "câu hỏi 1");
      // Enter without an answer: a Vietnamese message, still on the same question.
      await questionFocused(page);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await page.getByRole("alert").filter({ hasText: "Vui lòng chọn một câu trả lời." }).waitFor();
      await page.keyboard.press("Space");
      await page.keyboard.press("Enter");

      await page
        .getByRole("heading", { level: 1, name: "Người gây thiệt hại đang làm công việc gì của Nhà nước?" })
        .waitFor();
      await questionFocused(page);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Space"); // Thi hành án dân sự (first)
      await page.keyboard.press("Enter");

      await page.getByRole("heading", { level: 1, name: /cơ quan thi hành án dân sự nào/ }).waitFor();
      await page.waitForURL(/buoc=agency_kind/);
      // A reload keeps the step (URL) and the answers (sessionStorage); "Quay lại" shows the earlier answer.
      await page.reload();
      await page.getByRole("heading", { level: 1, name: /cơ quan thi hành án dân sự nào/ }).waitFor();
      await page.getByRole("button", { name: "Quay lại" }).focus();
      await page.keyboard.press("Enter");
      await page
        .getByRole("heading", { level: 1, name: "Người gây thiệt hại đang làm công việc gì của Nhà nước?" })
        .waitFor();
      assert.ok(await page.getByRole("radio", { name: /Thi hành án dân sự/ }).isChecked());
      await questionFocused(page);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");

      await page.getByRole("heading", { level: 1, name: /cơ quan thi hành án dân sự nào/ }).waitFor();

      await questionFocused(page);
      await page.keyboard.press("Tab");
      await page.keyboard.press("ArrowDown"); // Cục THADS tỉnh (second option)
      assert.ok(await page.getByRole("radio", { name: /Cục Thi hành án dân sự tỉnh/ }).isChecked());
      await page.keyboard.press("Enter");

      await page.getByRole("heading", { level: 1, name: "Việc xảy ra ở tỉnh, thành phố nào?" }).waitFor();
      await assertAccessible(page, "câu hỏi tỉnh");
      const target = await page
        .getByLabel("Tỉnh, thành phố", { exact: true })
        .evaluate((s) => [...(s as HTMLSelectElement).options].findIndex((o) => o.value === "thanh-hoa"));
      assert.ok(target > 0);
      await questionFocused(page);
      await page.keyboard.press("Tab");
      for (let i = 0; i < target; i++) await page.keyboard.press("ArrowDown");
      assert.equal(await page.getByLabel("Tỉnh, thành phố", { exact: true }).inputValue(), "thanh-hoa");
      await page.keyboard.press("Enter");

      await page.getByRole("heading", { level: 1, name: "Việc gây thiệt hại xảy ra vào khoảng ngày nào?" }).waitFor();

      await questionFocused(page);
      await page.keyboard.press("Tab");
      await page.keyboard.type("31/02/2025");
      await page.keyboard.press("Enter");
      await page.getByRole("alert").filter({ hasText: "Ngày không hợp lệ" }).waitFor();
      await page.keyboard.press("Control+A");
      await page.keyboard.type("10/09/2025");
      await page.keyboard.press("Enter");

      await page.getByRole("heading", { level: 1, name: "Bạn muốn yêu cầu điều gì?" }).waitFor();

      await questionFocused(page);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Space"); // Bồi thường thiệt hại
      await page.keyboard.press("Enter");

      await page.getByRole("heading", { level: 1, name: /văn bản xác định hành vi/ }).waitFor();

      await questionFocused(page);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Space"); // Đã nhận
      await page.keyboard.press("Enter");

      await page.getByRole("heading", { level: 1, name: "Bạn nhận được văn bản đó vào ngày nào?" }).waitFor();

      await questionFocused(page);
      await page.keyboard.press("Tab");
      // A day before the act (10/09/2025): said on the question (it used to fail the result page with a 422).
      await page.keyboard.type("05/09/2025");
      await page.keyboard.press("Enter");
      await page
        .getByRole("alert")
        .filter({ hasText: "không thể trước ngày xảy ra việc gây thiệt hại (10/09/2025)" })
        .waitFor();
      await page.keyboard.press("Control+A");
      await page.keyboard.type("01/10/2025");
      await page.keyboard.press("Enter");

      // The result: in scope, time left under Điều 6 (3 years from 01/10/2025 → 01/10/2028), THADS Thanh Hóa.
      await page.getByRole("heading", { level: 1, name: "Kết quả kiểm tra" }).waitFor();
      await page.waitForURL(/buoc=ket-qua/);
      await page
        .getByTestId("check-scope")
        .getByText("Có vẻ thuộc phạm vi trách nhiệm bồi thường của Nhà nước.", { exact: true })
        .waitFor();
      const limitation = await page.getByTestId("check-limitation").textContent();
      assert.match(limitation ?? "", /Bạn còn \d+ ngày để yêu cầu bồi thường — đến hết ngày \d{2}\/10\/2028\./);
      assert.match((await page.getByTestId("check-agency").textContent()) ?? "", /Thanh Hóa/);
      await page.getByRole("heading", { level: 2, name: "Giấy tờ cần chuẩn bị" }).waitFor();
      await assertAccessible(page, "kết quả");
      await assertNoSideScroll(page, "kết quả");
      // A reload of the result keeps it.
      await page.reload();
      await page.getByTestId("check-agency").waitFor();

      // The filled claim letter (Mẫu 01/BTNN) from the answers, the person's details and the damage heads chosen.
      await page.getByRole("link", { name: "Tải văn bản yêu cầu bồi thường (Mẫu 01)" }).click();
      await page.getByRole("heading", { level: 1, name: "Nộp hồ sơ trực tuyến" }).waitFor();
      await page.getByLabel("Họ và tên (bắt buộc)").fill("Nguyễn Văn Bình");
      await page.getByLabel("Địa chỉ liên hệ (bắt buộc)").fill("12 Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa");
      await page
        .getByLabel(/^Tóm tắt sự việc/)
        .fill(
          "Ngày 10/09/2025 chấp hành viên kê biên nhầm xe máy của tôi, không phải tài sản của người phải thi hành án.",
        );
      await page.getByRole("checkbox", { name: "Thiệt hại do tài sản bị xâm phạm" }).check();
      await page
        .getByLabel("Mô tả và cách tính — Thiệt hại do tài sản bị xâm phạm")
        .fill("Xe máy bị hư hỏng khi vận chuyển: chi phí sửa chữa theo hóa đơn.");
      await page.getByLabel("Số tiền yêu cầu (đồng, nếu biết)").fill("4.500.000");
      // A reload mid-form, then Back and Forward: what was typed is still there (it used to be lost).
      const keptInput = async (what: string) => {
        await page.getByRole("heading", { level: 1, name: "Nộp hồ sơ trực tuyến" }).waitFor();
        assert.equal(await page.getByLabel("Họ và tên (bắt buộc)").inputValue(), "Nguyễn Văn Bình", what);
        assert.equal(await page.getByLabel("Số tiền yêu cầu (đồng, nếu biết)").inputValue(), "4.500.000", what);
      };
      await page.reload();
      await keptInput("sau khi tải lại");
      await page.goBack();
      await page.getByRole("heading", { level: 1, name: "Kết quả kiểm tra" }).waitFor();
      await page.goForward();
      await keptInput("sau khi quay lại rồi đi tiếp");
      await assertAccessible(page, "nộp hồ sơ");
      await assertNoSideScroll(page, "nộp hồ sơ");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Tải Mẫu 01 (PDF)" }).click(),
      ]);
      assert.match(download.suggestedFilename(), /mau-01\.pdf$/);
      const path = await download.path();
      assert.equal(readFileSync(path).subarray(0, 5).toString(), "%PDF-");

      // File the claim online with two attachments; the phone number is the second factor for tracking.
      await page.getByRole("textbox", { name: "Số điện thoại", exact: true }).fill("0912 345 678");
      await page.getByLabel("Chọn tệp (ảnh chụp, bản quét giấy tờ)").setInputFiles([
        { name: "quyet-dinh-huy-ke-bien.pdf", mimeType: "application/pdf", buffer: MINI_PDF },
        { name: "anh-xe-may.png", mimeType: "image/png", buffer: MINI_PNG },
      ]);
      await page.getByLabel("Loại tài liệu").first().selectOption("basis_document");
      await page.getByLabel("Số điện thoại dùng để tra cứu").fill("0912345678");
      // Sending without consent: refused in Vietnamese, nothing sent.
      await page.getByRole("button", { name: "Gửi hồ sơ yêu cầu bồi thường" }).click();
      await page.getByRole("alert").filter({ hasText: "Bạn cần đồng ý cho phép xử lý dữ liệu cá nhân" }).waitFor();
      await page.getByRole("checkbox", { name: /Tôi đã đọc và đồng ý/ }).check();
      await page.getByRole("button", { name: "Gửi hồ sơ yêu cầu bồi thường" }).click();
      await page.getByRole("heading", { level: 1, name: "Đã nhận hồ sơ của bạn" }).waitFor();
      const code = ((await page.getByTestId("receipt-code").textContent()) ?? "").trim();
      // Grouped as on the PDF receipt, the e-mails and the officers' screens.
      assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      receiptCode = code;
      assert.match((await page.getByTestId("receipt-answer-by").textContent()) ?? "", /\d{2}\/\d{2}\/\d{4}/);
      await assertAccessible(page, "phiếu tiếp nhận");
      const [receiptPdf] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Tải phiếu tiếp nhận (PDF)" }).click(),
      ]);
      assert.equal(
        readFileSync(await receiptPdf.path())
          .subarray(0, 5)
          .toString(),
        "%PDF-",
      );

      // Track the file: code + phone → received, the next statutory date and who holds it. A wrong factor: one
      // Vietnamese answer, nothing revealed.
      await page.getByRole("main").getByRole("link", { name: "Tra cứu hồ sơ" }).click();
      await page.getByRole("heading", { level: 1, name: "Tra cứu hồ sơ" }).waitFor();
      assert.equal(await page.getByLabel("Mã hồ sơ").inputValue(), code);
      await page.getByLabel("Số điện thoại hoặc 4 số cuối căn cước").fill("0999999999");
      await page.getByRole("button", { name: "Tra cứu" }).click();
      await page.locator("#s-error").waitFor();
      assert.equal(await page.getByTestId("status-result").count(), 0);
      await page.getByLabel("Số điện thoại hoặc 4 số cuối căn cước").fill("0912345678");
      await page.getByRole("button", { name: "Tra cứu" }).click();
      await page.getByTestId("status-result").waitFor();
      assert.match((await page.getByTestId("status-holder").textContent()) ?? "", /Thanh Hóa/);
      assert.match((await page.getByTestId("status-next").textContent()) ?? "", /\d{2}\/\d{2}\/\d{4}/);
      await assertAccessible(page, "tra cứu");
      await assertNoSideScroll(page, "tra cứu");

      assert.deepEqual(watch.unauthorized, [], "không gọi API cần đăng nhập");
      assert.deepEqual(watch.errors, [], "không lỗi trong console");
    } catch (e) {
      await failureShot(page, "public-portal-check");
      throw e;
    } finally {
      await context.close();
    }
  });

  test("dữ liệu cá nhân (Luật 91/2025/QH15): xem, đề nghị sửa, rút lại sự đồng ý trên trang tra cứu — axe sạch", async () => {
    const { context, page, watch } = await phone(h);
    try {
      // A support request filed through the API (the claim journey above keeps its own file for the officer).
      const sent = await page.request.post(`${h.baseUrl}/api/public/submissions`, {
        data: {
          kind: "support",
          answers: { activity: "civil_enforcement", agency_kind: "thads_province", province: "thanh-hoa" },
          person: { full_name: "Phạm Thị Lan", address: "Số 3 phố Cửa Bắc, tỉnh Thanh Hóa", phone: "0977000111" },
          facts: "Tôi cần được hướng dẫn làm hồ sơ yêu cầu bồi thường.",
          factor: { kind: "phone", value: "0977000111" },
          consent: { accepted: true, text_version: CONSENT_VERSION },
        },
      });
      assert.equal(sent.status(), 201, await sent.text());
      const code = (await sent.json()).code as string;

      await page.goto(`${h.baseUrl}/cong-dan/tra-cuu?ma=${code}`);
      await page.getByRole("heading", { level: 1, name: "Tra cứu hồ sơ" }).waitFor();
      await page.getByLabel("Số điện thoại hoặc 4 số cuối căn cước").fill("0977000111");
      await page.getByRole("button", { name: "Tra cứu", exact: true }).click();
      await page.getByTestId("status-result").waitFor();

      // See: everything given, the agency and purpose, the consent with its version.
      await page.getByRole("button", { name: "Xem dữ liệu của tôi", exact: true }).click();
      const held = page.getByTestId("my-data");
      await held.getByText("Phạm Thị Lan", { exact: true }).waitFor();
      assert.match((await held.textContent()) ?? "", /0977000111/);
      await assertAccessible(page, "dữ liệu của tôi");
      await assertNoSideScroll(page, "dữ liệu của tôi");

      // Correct: a mistake first (nothing chosen) → Vietnamese message; then a request the agency will decide on.
      await page.getByRole("button", { name: "Gửi đề nghị sửa", exact: true }).click();
      await page.getByRole("alert").filter({ hasText: "Vui lòng chọn thông tin cần sửa" }).waitFor();
      await page.getByLabel("Thông tin cần sửa", { exact: true }).selectOption("address");
      await page.getByLabel("Thông tin đúng", { exact: true }).fill("Số 5 phố Cửa Bắc, tỉnh Thanh Hóa");
      await page.getByRole("button", { name: "Gửi đề nghị sửa", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Đã gửi đề nghị sửa" }).waitFor();
      await page
        .getByTestId("corrections")
        .getByText(/Địa chỉ: Số 5 phố Cửa Bắc.*đang chờ cơ quan xem xét/)
        .waitFor();
      // The form is idle again (the data are re-read after the request) before it is checked.
      await page
        .locator('form[aria-labelledby="h-correct"]:not([data-sending]) button[type="submit"]:not([disabled])')
        .waitFor();
      assert.match((await held.textContent()) ?? "", /Số 3 phố Cửa Bắc/, "dữ liệu không tự thay đổi");
      await assertAccessible(page, "đề nghị sửa");

      // Withdraw: what it does is explained before; without the tick → message; then withdrawn and erased.
      assert.match((await page.getByTestId("withdraw-effect").textContent()) ?? "", /bị xóa/);
      await page.getByRole("button", { name: "Rút lại sự đồng ý", exact: true }).click();
      await page.getByRole("alert").filter({ hasText: "Vui lòng đánh dấu xác nhận" }).waitFor();
      await page.getByRole("checkbox", { name: "Tôi đã đọc và muốn rút lại sự đồng ý" }).check();
      await page.getByRole("button", { name: "Rút lại sự đồng ý", exact: true }).click();
      await page.getByTestId("withdrawn").waitFor();
      await page
        .getByTestId("status-step")
        .getByText(/đã rút/)
        .waitFor();
      await held.getByText("(đã xóa theo yêu cầu)", { exact: true }).first().waitFor();
      assert.doesNotMatch((await held.textContent()) ?? "", /Phạm Thị Lan|0977000111/);
      await assertAccessible(page, "đã rút lại sự đồng ý");
      await assertNoSideScroll(page, "đã rút lại sự đồng ý");

      assert.deepEqual(watch.unauthorized, [], "không gọi API cần đăng nhập");
      assert.deepEqual(watch.errors, [], "không lỗi trong console");
    } catch (e) {
      await failureShot(page, "public-portal-data-rights");
      throw e;
    } finally {
      await context.close();
    }
  });

  test("cán bộ THADS Thanh Hóa thấy hồ sơ trong việc của cơ quan, tiếp nhận thành vụ việc; người gửi thấy kết quả và hạn tiếp theo", async () => {
    assert.ok(receiptCode, "the citizen's journey above gave a receipt code");
    const raw = receiptCode.replace(/-/g, "");
    const dashed = raw.replace(/(.{4})(?=.)/g, "$1-");
    const officer = await newPage(h);
    const errors: string[] = [];
    officer.page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    officer.page.on("pageerror", (e) => errors.push(e.message));
    let citizen: Awaited<ReturnType<typeof phone>> | undefined;
    try {
      const page = officer.page;
      await login(page, h.baseUrl, "thads.thanhhoa.canbo");
      // The agency's work list (home) carries the submission, linked to its screen.
      const inbox = await page.request.get(`${h.baseUrl}/api/inbox`);
      assert.equal(inbox.status(), 200);
      const item = ((await inbox.json()) as { items: Array<{ kind: string; title: string; url: string }> }).items.find(
        (i) => i.kind === "public_submission" && i.title.includes(raw),
      );
      assert.ok(item, "the submission is in the THADS's work list");
      // On the home screen ("Việc của tôi"), the officer finds it by the code the person quotes, and opens it.
      await page.goto(`${h.baseUrl}/`);
      await page.getByRole("tab", { name: /Việc của cơ quan/ }).waitFor();
      await page.getByLabel("Tìm theo tên việc, mã hồ sơ").first().fill(dashed);
      await page
        .getByRole("link", { name: new RegExp(raw) })
        .first()
        .click();
      await page.waitForURL(new RegExp(item.url));
      await page.getByTestId("submission-code").filter({ hasText: dashed }).waitFor();
      // The menu's list of online submissions, then the submission's screen: the person's data masked.
      await page.getByRole("menuitem", { name: "Hồ sơ gửi trực tuyến" }).click();
      await page.getByRole("heading", { level: 3, name: "Hồ sơ gửi trực tuyến" }).waitFor();
      await page.getByRole("link", { name: dashed, exact: true }).click();
      await page.waitForURL(new RegExp(item.url));
      await page.getByTestId("submission-code").filter({ hasText: dashed }).waitFor();
      assert.match((await page.getByTestId("person-phone").textContent()) ?? "", /^•+78$/);
      for (const name of ["quyet-dinh-huy-ke-bien.pdf", "anh-xe-may.png"])
        await page.locator(".ant-list-item", { hasText: name }).waitFor();
      // Return without a reason: said under the field, nothing sent, no uncaught error (it used to throw one).
      await page.getByTestId("submission-actions").getByRole("button", { name: "Trả lại hồ sơ", exact: true }).click();
      const refuse = page.getByRole("dialog");
      await refuse.getByRole("button", { name: "Trả lại hồ sơ", exact: true }).click();
      await refuse.locator(".ant-form-item-explain-error").first().waitFor();
      await refuse.getByRole("button", { name: "Hủy", exact: true }).click();
      await refuse.waitFor({ state: "hidden" });
      assert.deepEqual(errors, [], "không lỗi khi bỏ trống lý do trả lại");
      // Accept: a confirmation naming the date and the two files, then the claim's screen.
      await page
        .getByTestId("submission-actions")
        .getByRole("button", { name: "Tiếp nhận thành vụ việc", exact: true })
        .click();
      const dialog = page.getByRole("dialog");
      await dialog.getByTestId("accept-confirm").filter({ hasText: "2 tệp đính kèm" }).waitFor();
      await dialog.getByRole("button", { name: "Tiếp nhận thành vụ việc", exact: true }).click();
      await page.waitForURL(/\/claims\/[0-9a-f-]{36}$/, { timeout: 60_000 });
      await page.getByTestId("claim-state").filter({ hasText: "Đã nhận hồ sơ" }).waitFor();
      const claimCode = ((await page.getByTestId("claim-code").textContent()) ?? "").trim();
      assert.match(claimCode, /^BT-\d{4}-\d{4}$/);
      assert.deepEqual(errors, [], "không lỗi trong console của cán bộ");

      // The person looks the file up again: accepted, the claim's number and step, the next statutory date.
      citizen = await phone(h);
      const cp = citizen.page;
      await cp.goto(`${h.baseUrl}/cong-dan/tra-cuu?ma=${receiptCode}`);
      await cp.getByRole("heading", { level: 1, name: "Tra cứu hồ sơ" }).waitFor();
      await cp.getByLabel("Số điện thoại hoặc 4 số cuối căn cước").fill("0912345678");
      await cp.getByRole("button", { name: "Tra cứu" }).click();
      await cp.getByTestId("status-step").filter({ hasText: "đã tiếp nhận hồ sơ vào sổ" }).waitFor();
      assert.match(
        (await cp.getByTestId("status-claim").textContent()) ?? "",
        // Not yet accepted (thụ lý): the claim's code, not a "số thụ lý".
        new RegExp(`^Mã vụ việc ${claimCode} — bước hiện tại: Đã nhận hồ sơ$`),
      );
      assert.match((await cp.getByTestId("status-holder").textContent()) ?? "", /Thanh Hóa/);
      assert.match((await cp.getByTestId("status-next").textContent()) ?? "", /\d{2}\/\d{2}\/\d{4}.*Điều 42 khoản 2/);
      await assertAccessible(cp, "tra cứu sau khi tiếp nhận");
      await assertNoSideScroll(cp, "tra cứu sau khi tiếp nhận");
      assert.deepEqual(citizen.watch.unauthorized, [], "không gọi API cần đăng nhập");
      assert.deepEqual(citizen.watch.errors, [], "không lỗi trong console");
    } catch (e) {
      await failureShot(officer.page, "public-portal-officer");
      await failureShot(citizen?.page, "public-portal-status-after");
      throw e;
    } finally {
      await officer.context.close();
      await citizen?.context.close();
    }
  });
});
