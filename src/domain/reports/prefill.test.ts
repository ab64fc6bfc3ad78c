import assert from "node:assert/strict";
import { test } from "node:test";
import { prefillFromTasks, taskOutcomeTexts } from "./build.ts";

test("KH 2021 mục III.3 — kết quả của nhiệm vụ lấy từ minh chứng: nội dung, ghi chú, tệp, báo cáo họp, danh mục, tập huấn", () => {
  assert.deepEqual(
    taskOutcomeTexts([
      { outcome: "Đã lập danh mục" },
      { attachment_id: "a1", file_name: "dm.xlsx" },
      { meeting_id: "m1", number: "12/BC-BTNN", file_name: "bc.docx" },
      { case_list_snapshot_id: "s1", period: "2021-H1", total: 7 },
      { training_id: "t1", kind: "training", title: "Tập huấn Luật TNBTCNN", date: "2024-05-10", participants: 65 },
      { training_id: "t2", kind: "dissemination", title: "Tuyên truyền pháp luật" },
    ]),
    [
      "Đã lập danh mục",
      'tệp minh chứng "dm.xlsx"',
      "Báo cáo số 12/BC-BTNN",
      "Danh mục vụ việc kỳ 2021-H1: 7 vụ việc",
      'Tập huấn "Tập huấn Luật TNBTCNN" ngày 10/05/2024 (65 người tham dự)',
      'Tuyên truyền "Tuyên truyền pháp luật"',
    ],
  );
  assert.deepEqual(taskOutcomeTexts({ notes: [{ text: "Ghi chú 1" }, { text: "Ghi chú 1" }] }), ["Ghi chú 1"]);
  assert.deepEqual(taskOutcomeTexts(null), []);
});

test("KH 2021 mục III.3 — điền sẵn: hoàn thành và đang làm trong hạn vào kết quả, quá hạn vào khó khăn, bỏ nhiệm vụ hủy và chưa đến hạn", () => {
  const n = prefillFromTasks(
    [
      { ref: "II.4", title: "Tập huấn", status: "done", completed_on: "2021-05-10", outcomes: ["Lớp 65 người."] },
      { ref: "II.7", title: "Giải đáp", status: "in_progress", due: "2021-12-31" },
      { ref: "II.1", title: "Danh mục", status: "pending", due: "2021-02-01", outcomes: ["Đã rà soát"] },
      { ref: "II.8", title: "Hỗ trợ", status: "pending", due: "2021-12-31" },
      { ref: "II.9", title: "Hoàn trả", status: "cancelled", due: "2021-02-01" },
    ],
    "2021-07-01",
  );
  assert.deepEqual(n, {
    results: [
      "Đã hoàn thành 1/4 nhiệm vụ của kế hoạch.",
      "- II.4 Tập huấn: đã hoàn thành ngày 10/05/2021. Kết quả: Lớp 65 người.",
      "- II.7 Giải đáp: đang thực hiện.",
    ].join("\n"),
    difficulties: "- II.1 Danh mục: chưa hoàn thành (hạn 01/02/2021). Đã thực hiện: Đã rà soát.",
  });
  assert.deepEqual(prefillFromTasks([], "2021-07-01"), {});
});
