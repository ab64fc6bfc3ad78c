import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isDomainError } from "../../shared/errors.ts";
import { route } from "../route.ts";

describe("Dữ liệu đầu vào sai: lỗi tiếng Việt nêu tên trường", () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    ["vai trò lạ ở from_role", { kind: "guidance", from_role: "CUC_XYZ" }, "from_role", /from_role.*CUC_XYZ/],
    ["vai trò lạ ở to_role", { kind: "guidance", from_role: "THADS_TINH", to_role: "SO_XYZ" }, "to_role", /to_role/],
    ["thiếu from_role", { kind: "guidance" }, "from_role", /Thiếu trường "from_role"/],
    ["loại yêu cầu lạ", { kind: "phone_call", from_role: "CUC_BTNN" }, "kind", /kind.*phone_call/],
    ["trường không được phép", { kind: "guidance", from_role: "CUC_BTNN", agency: "x" }, "situation", /agency/],
    [
      "prior sai kiểu",
      { kind: "guidance", from_role: "THADS_TINH", prior: { guided_by_province: "yes" } },
      "prior.guided_by_province",
      /prior\.guided_by_province.*true\/false/,
    ],
    [
      "căn cứ đôn đốc ngoài khoản 1–7",
      { kind: "urging", from_role: "CUC_BTNN", prior: { urging_grounds: [9] } },
      "prior.urging_grounds.0",
      /Điều 14/,
    ],
    [
      "căn cứ theo dõi rỗng",
      { kind: "report_request", from_role: "CUC_BTNN", prior: { monitoring_grounds: [] } },
      "prior.monitoring_grounds",
      /không được rỗng/,
    ],
    ["không phải đối tượng", "guidance", "situation", /đối tượng JSON/],
    ["null", null, "situation", /đối tượng JSON/],
  ];
  for (const [what, input, field, message] of cases) {
    test(`Lược đồ tình huống — ${what} → lỗi ở trường ${field}`, () => {
      assert.throws(
        () => route(input),
        (e: unknown) => {
          assert.ok(isDomainError(e));
          assert.equal(e.code, "invalid_situation");
          assert.equal(e.field, field);
          assert.match(e.message, message);
          return true;
        },
      );
    });
  }
});
