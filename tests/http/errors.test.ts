// Error mapping (plugins/errors.ts): domain errors, database constraint errors and unexpected faults.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DomainError } from "../../src/domain/shared/errors.ts";
import { HttpError, toPointer } from "../../src/http/http-error.ts";
import { toErrorResponse } from "../../src/http/plugins/errors.ts";

describe("toErrorResponse", () => {
  test("DomainError của trình tự luật định → 422, trường dạng JSON Pointer", () => {
    const r = toErrorResponse(
      new DomainError("transition_forbidden", "events[2].type", "Không được chi trả khi chưa có quyết định"),
      "r1",
    );
    assert.equal(r.status, 422);
    assert.deepEqual(r.body.issues, [{ path: "/events/2/type", message: "Không được chi trả khi chưa có quyết định" }]);
    assert.equal(r.body.error, "Không được chi trả khi chưa có quyết định");
  });
  test("mã lỗi có trạng thái riêng: stale_version/duplicate → 409, not_found → 404, forbidden → 403", () => {
    assert.equal(toErrorResponse(new DomainError("stale_version", "version", "cũ"), "r").status, 409);
    assert.equal(toErrorResponse(new DomainError("duplicate", "code", "trùng"), "r").status, 409);
    assert.equal(toErrorResponse(new DomainError("not_found", "id", "không có"), "r").status, 404);
    assert.equal(toErrorResponse(new DomainError("forbidden", "agency_id", "ngoài phạm vi"), "r").status, 403);
  });
  test("DomainError bọc trong cause (như Drizzle bọc lỗi) vẫn được nhận ra", () => {
    const wrapped = new Error("Failed query", { cause: new DomainError("stale_version", "version", "cũ") });
    assert.equal(toErrorResponse(wrapped, "r").status, 409);
  });
  test("lỗi ràng buộc PostgreSQL → 4xx tiếng Việt (23505 → 409, 23503 → 422, 22P02 → 400)", () => {
    const pg = (code: string) => new Error("Failed query", { cause: Object.assign(new Error("db"), { code }) });
    assert.equal(toErrorResponse(pg("23505"), "r").status, 409);
    assert.equal(toErrorResponse(pg("23503"), "r").status, 422);
    assert.equal(toErrorResponse(pg("22P02"), "r").status, 400);
    assert.match(toErrorResponse(pg("23505"), "r").body.error, /trùng/);
  });
  test("lỗi bất ngờ → 500 chỉ kèm mã yêu cầu, không lộ thông điệp hay stack", () => {
    const r = toErrorResponse(
      new TypeError("Cannot read properties of undefined (reading 'x') at /work/main/src/secret.ts:1"),
      "req-42",
    );
    assert.equal(r.status, 500);
    assert.equal(r.log, true);
    assert.equal(r.body.request_id, "req-42");
    assert.doesNotMatch(JSON.stringify(r.body), /secret|Cannot read|at \//);
  });
  test("HttpError giữ nguyên trạng thái, mã và các trường", () => {
    const r = toErrorResponse(
      new HttpError(428, "version_required", "Cần phiên bản", [{ path: "/version", message: "bắt buộc" }]),
      "r",
    );
    assert.equal(r.status, 428);
    assert.equal(r.body.code, "version_required");
  });
  test("toPointer", () => {
    assert.equal(toPointer("events[3].date"), "/events/3/date");
    assert.equal(toPointer("from_role"), "/from_role");
    assert.equal(toPointer("/already"), "/already");
    assert.equal(toPointer(""), "");
  });
});
