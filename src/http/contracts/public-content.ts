// zod contracts of the public portal's content (GET /api/public/content, the leaflet) and its admin editing.
import { z } from "zod";
import { CONTENT_KEY_PATTERN, CONTENT_PAGES } from "../../domain/public-content/content.ts";

/** OpenAPI tag of every public portal route (no login: `security: []`). */
export const PUBLIC_PORTAL_TAG = "Cổng công dân";

const ExplanationStep = z.object({
  rule: z.string(),
  date: z.string().optional(),
  text: z.string(),
  source: z.string().optional(),
});

export const ContentItemOut = z.object({
  key: z.string(),
  page: z.enum(CONTENT_PAGES),
  position: z.number().int(),
  title: z.string(),
  body: z.string(),
  sources: z.array(z.string()),
  unverified: z.boolean(),
  hidden: z.boolean(),
  /** 0 = built-in default, never edited. */
  version: z.number().int(),
  updated_at: z.string().nullable(),
  updated_by: z.string().nullable(),
});
export type ContentItem = z.output<typeof ContentItemOut>;

export const PublicStepOut = z.object({
  key: z.string(),
  title: z.string(),
  text: z.string(),
  value: z.number().int(),
  unit: z.string(),
  complex_value: z.number().int().optional(),
  duration_vi: z.string(),
  cite: z.string(),
  confidence: z.enum(["confirmed", "unverified"]),
  example: z.object({ from_date: z.string(), due: z.string(), explanation: z.array(ExplanationStep) }),
});

export const PublicContentOut = z.object({
  /** Vietnam date the example deadlines count from. */
  today: z.string(),
  items: z.array(ContentItemOut.omit({ hidden: true, updated_by: true })),
  steps: z.array(PublicStepOut),
  /** Shown once when an item or a step is marked unverified. */
  unverified_legend: z.string(),
});
export type PublicContent = z.output<typeof PublicContentOut>;

export const ContentKeyParam = z.object({
  key: z
    .string()
    .max(70)
    .regex(CONTENT_KEY_PATTERN, 'mã mục có dạng "home.ten-muc" hoặc "faq.ten-muc" (chữ thường, số, gạch nối)'),
});

export const ContentEditIn = z
  .object({
    page: z.enum(CONTENT_PAGES),
    position: z.number().int().min(0).max(10_000),
    title: z.string().trim().min(3, "Tiêu đề cần ít nhất 3 ký tự").max(200),
    body: z.string().trim().min(10, "Nội dung cần ít nhất 10 ký tự").max(8_000),
    sources: z.array(z.string().trim().min(3).max(300)).max(10).default([]),
    unverified: z.boolean().default(false),
    hidden: z.boolean().default(false),
    /** The version being replaced (0 for a default or a new item). */
    version: z.number().int().min(0),
  })
  .strict();
