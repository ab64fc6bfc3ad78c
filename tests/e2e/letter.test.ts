// Browser test: a routed request → "Tạo công văn (.docx)" → the file downloads, takes the next number of the
// outgoing register, opens (parsed back here) and passes the Decree 30/2020 layout check.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import mammoth from "mammoth";
import { checkNd30Layout, inspectDocx } from "../../src/documents/index.ts";
import { browserAvailability, failureShot, type Harness, newPage, pick, signIn, startHarness } from "./harness.ts";

const { skip } = browserAvailability();

describe("Công văn .docx từ yêu cầu phối hợp (Nghị định 30/2020)", { skip, concurrency: false }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  test("KH 2021 mục II.3.1 — tạo công văn, cấp số trong sổ văn bản đi, tải .docx mở được và đúng thể thức", async () => {
    const { context, page } = await newPage(h);
    try {
      await signIn(page, h.baseUrl, "thads.thanhhoa.canbo");
      await page.goto(`${h.baseUrl}/requests`);
      await page.getByRole("button", { name: "Tạo yêu cầu" }).click();
      await pick(page, "Cơ quan nhận", "Cục Bồi thường nhà nước", "Cuc Boi thuong");
      await page.getByLabel("Trích yếu").fill("Đề nghị hướng dẫn xác định thiệt hại do kê biên tài sản");
      await page.locator(".ant-modal").getByRole("button", { name: "Lưu", exact: true }).click();
      await page.getByTestId("routing-clause").waitFor();
      // The sender does not issue the reply: no button for it.
      assert.equal(await page.getByRole("button", { name: "Tạo công văn (.docx)" }).count(), 0);
      await context.clearCookies();

      // The receiving agency (Cục BTNN) forwards it to the province with a numbered letter.
      await signIn(page, h.baseUrl, "cucbtnn.canbo");
      await page.goto(`${h.baseUrl}/requests`);
      await page.getByText("Đề nghị hướng dẫn xác định thiệt hại do kê biên tài sản").first().click();
      await page.getByTestId("routing-clause").waitFor();
      // The screen shows the citation the letter prints (issue 17): the rule's provision and the plan as a document.
      await page
        .getByTestId("routing-citation")
        .getByText(/^điểm a khoản 2 Điều 4 Thông tư số 08\/2019\/TT-BTP .* và mục II\.3\.1 Kế hoạch số … ngày/)
        .waitFor();
      await page.getByRole("button", { name: "Tạo công văn (.docx)" }).click();
      const dialog = page.locator(".ant-modal:visible");
      await dialog.getByLabel("Chức vụ người ký").fill("PHÓ CỤC TRƯỞNG");
      // The signer's name defaults to the logged-in user's full name.
      assert.equal(await dialog.getByLabel("Họ tên người ký").inputValue(), "Nguyễn Minh Tuấn");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        dialog.getByRole("button", { name: "Tạo công văn (.docx)" }).click(),
      ]);
      assert.match(download.suggestedFilename(), /\.docx$/);
      const bytes = await readFile((await download.path()) as string);

      const text = (await mammoth.extractRawText({ buffer: bytes })).value;
      assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      assert.match(
        text,
        /Số: 01\/BTNN/,
        "số đầu tiên của sổ văn bản đi trong năm (Nghị định 30: số dưới 10 ghi thêm số 0)",
      );
      assert.match(text, /Nguyễn Minh Tuấn/);
      assert.match(text, /Ủy ban nhân dân tỉnh Thanh Hóa|UBND tỉnh Thanh Hóa/i);
      assert.match(text, /Nơi nhận/);
      assert.match(
        text,
        /Căn cứ điểm a khoản 2 Điều 4 Thông tư số 08\/2019\/TT-BTP .* và mục II\.3\.1 Kế hoạch số … ngày …\/…\/2021 của Cục Bồi thường nhà nước và Tổng cục Thi hành án dân sự về phối hợp/,
      );
      assert.doesNotMatch(text, /KH 2021 mục|Điều 12 Thông tư/);
      const problems = checkNd30Layout(await inspectDocx(bytes), "letter");
      assert.deepEqual(problems, []);

      // The register now shows the issued number.
      await page.goto(`${h.baseUrl}/register`);
      await page
        .getByText(/^0?1\/BTNN/)
        .first()
        .waitFor();
    } catch (e) {
      await failureShot(page, "letter-docx");
      throw e;
    } finally {
      await context.close();
    }
  });
});
