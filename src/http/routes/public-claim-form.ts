// POST /api/public/claim-form?format=docx|pdf — the văn bản yêu cầu bồi thường (Mẫu 01/BTNN) filled from the interview
// answers, the person's details and the damage heads chosen. Creates nothing, stores nothing (the person's data only
// passes through). Contract: src/http/contracts/public-portal.ts (ClaimFormBody, ClaimFormQuery).
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import {
  buildClaimRequestDocx,
  buildClaimRequestPdf,
  type ClaimRequestFormInput,
} from "../../documents/claim-request-form.ts";
import { defaultCalendar } from "../../domain/calendar/index.ts";
import { type CheckResult, checkAnswers, optionsOf, questionById } from "../../domain/portal/index.ts";
import { todayVn } from "../../domain/shared/dates.ts";
import { errorResponses } from "../contracts/common.ts";
import { ClaimFormBody, ClaimFormQuery, PUBLIC_TAGS } from "../contracts/public-portal.ts";
import { sendFile } from "../uploads.ts";

const label = (id: "capacity" | "activity", value: string | undefined) =>
  optionsOf(questionById(id)).find((o) => o.value === value)?.label ?? "";

type FormFields = Omit<z.output<typeof ClaimFormBody>, "answers">;

/** The form's input from a check result and the person's details (also used for a submitted claim's form). */
export function claimFormInput(check: CheckResult, body: FormFields, today: string): ClaimRequestFormInput {
  const a = check.answers;
  const agency = check.agency;
  return {
    addressee: agency ? agency.name : (check.where_to_go ?? "Cơ quan giải quyết bồi thường"),
    addressee_note: agency?.determined_by_so_tu_phap ? "(đề nghị xác định cơ quan giải quyết bồi thường)" : undefined,
    person: body.person,
    capacity_label: label("capacity", a.capacity),
    activity_label: label("activity", a.activity),
    act_date: a.act_date!,
    facts: body.facts,
    basis: { received_on: a.basis_document_received_on, request_collection: body.request_basis_document_collection },
    damage_heads: body.damage_heads,
    request_advance: body.request_advance,
    request_honour: body.request_honour || a.request_kind !== "compensation",
    papers: check.papers.filter((p) => p.id !== "claim_request").map((p) => p.text),
    date: today,
  };
}

export const publicClaimFormRoutes: FastifyPluginAsyncZod<{ now?: () => Date }> = async (app, { now }) => {
  app.post(
    "/api/public/claim-form",
    {
      schema: {
        tags: PUBLIC_TAGS,
        summary:
          "Văn bản yêu cầu bồi thường (Mẫu 01/BTNN) điền sẵn từ câu trả lời — tệp .docx hoặc .pdf để in, ký và nộp (không lưu dữ liệu)",
        security: [],
        querystring: ClaimFormQuery,
        body: ClaimFormBody,
        response: { ...errorResponses },
      },
      config: { access: "public", idempotency: false },
    },
    async (request, reply) => {
      const today = todayVn(now ? now() : new Date());
      const { answers, ...rest } = request.body;
      const check = checkAnswers(answers, { today, calendar: defaultCalendar });
      const input = claimFormInput(check, rest, today);
      if (request.query.format === "docx")
        return sendFile(
          reply,
          "van-ban-yeu-cau-boi-thuong.docx",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          await buildClaimRequestDocx(input),
        );
      return sendFile(reply, "van-ban-yeu-cau-boi-thuong.pdf", "application/pdf", await buildClaimRequestPdf(input));
    },
  );
};
