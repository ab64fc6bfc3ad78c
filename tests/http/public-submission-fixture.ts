// A citizen's claim file with two attachments (a PDF and a PNG) as the public portal sends it, consenting to the
// current consent text: shared by the tests of the public submission routes, of the officers' handling of them, of the
// data subject's rights and the hostile tests of the portal.
import { CONSENT_VERSION } from "../../src/domain/portal/consent.ts";

export const PDF_B64 = Buffer.from("%PDF-1.4\n% quyết định hủy quyết định kê biên\n").toString("base64");
export const PNG_B64 = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString("base64");

export const SUBMISSION = {
  kind: "claim",
  answers: {
    capacity: "injured",
    activity: "civil_enforcement",
    agency_kind: "thads_province",
    province: "thanh-hoa",
    act_date: "2025-09-10",
    request_kind: "compensation",
    has_basis_document: "yes",
    basis_document_received_on: "2026-11-02",
  },
  person: {
    full_name: "Trần Văn Bình",
    id_number: "038090001234",
    address: "Số 12 phố Hàng Than, phường Hạc Thành, tỉnh Thanh Hóa",
    phone: "0912345678",
    email: "binh@example.vn",
  },
  facts: "Chấp hành viên kê biên nhầm chiếc xe tải của tôi.",
  damage_heads: [{ head: "property", description: "Xe tải bị kê biên 2 tháng", amount: 40_000_000 }],
  attachments: [
    {
      kind: "basis_document",
      title: "Quyết định hủy quyết định kê biên",
      file_name: "quyet-dinh.pdf",
      content_base64: PDF_B64,
    },
    { kind: "evidence", title: "Ảnh xe tải", file_name: "xe.png", content_base64: PNG_B64 },
  ],
  factor: { kind: "phone", value: "0912 345 678" },
  consent: { accepted: true, text_version: CONSENT_VERSION },
};
