// Documents kept on a claim's file (hồ sơ vụ việc): what the claimant filed (Luật TNBTCNN 2017, Điều 41: văn bản yêu
// cầu, văn bản làm căn cứ, giấy tờ tùy thân, chứng cứ), what the agency issued (quyết định, thông báo, biên bản,
// báo cáo) and the forms BTNN generated. A new upload with the same type, title and number is a new version of that
// document; earlier versions are kept.

export const ATTACHMENT_KINDS = [
  "claim_request",
  "basis_document",
  "identity",
  "evidence",
  "decision",
  "notice",
  "minutes",
  "report",
  "other",
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_VI: Record<AttachmentKind | "form", string> = {
  claim_request: "Văn bản yêu cầu bồi thường",
  basis_document: "Văn bản làm căn cứ yêu cầu bồi thường",
  identity: "Giấy tờ chứng minh nhân thân",
  evidence: "Tài liệu, chứng cứ",
  decision: "Quyết định",
  notice: "Thông báo",
  minutes: "Biên bản",
  report: "Báo cáo",
  other: "Tài liệu khác",
  form: "Biểu mẫu do hệ thống lập (TT 04/2018)",
};

/** Same document (for versions): same type, title and number. */
export function documentKey(d: { kind: string; title: string; number: string | null }): string {
  return `${d.kind}\u0000${d.title.trim().toLowerCase()}\u0000${(d.number ?? "").trim().toLowerCase()}`;
}

/** Numbers the versions of each document (1 = first upload) in upload order; `latest` marks the newest. */
export function withVersions<
  T extends { kind: string; title: string; number: string | null; uploaded_at: string | Date },
>(docs: readonly T[]): Array<T & { version: number; latest: boolean }> {
  const sorted = [...docs].sort((a, b) => String(a.uploaded_at).localeCompare(String(b.uploaded_at)));
  const seen = new Map<string, number>();
  const out = sorted.map((d) => {
    const k = documentKey(d);
    const v = (seen.get(k) ?? 0) + 1;
    seen.set(k, v);
    return { ...d, version: v, latest: false };
  });
  for (const d of out) d.latest = d.version === seen.get(documentKey(d));
  return out;
}
