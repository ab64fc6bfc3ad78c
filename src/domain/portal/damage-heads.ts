// Damage heads a person may claim (Luật TNBTCNN 2017, Điều 23–28; brief §2.2: 23 and 27 confirmed, 24–26 and 28
// consistent but unread → unverified). The blocks of Mẫu 01/BTNN follow them.
import type { Confidence } from "../legal/parameters.ts";

export const DAMAGE_HEAD_KEYS = [
  "property",
  "income",
  "death_material",
  "health_material",
  "non_material",
  "other_costs",
] as const;
export type DamageHeadKey = (typeof DAMAGE_HEAD_KEYS)[number];

export const DAMAGE_HEADS_VI: Record<DamageHeadKey, { label: string; cite: string; confidence: Confidence }> = {
  property: { label: "Thiệt hại do tài sản bị xâm phạm", cite: "Luật TNBTCNN 2017, Điều 23", confidence: "confirmed" },
  income: {
    label: "Thiệt hại do thu nhập thực tế bị mất hoặc bị giảm sút",
    cite: "Luật TNBTCNN 2017, Điều 24",
    confidence: "unverified",
  },
  death_material: {
    label: "Thiệt hại về vật chất do người bị thiệt hại chết",
    cite: "Luật TNBTCNN 2017, Điều 25",
    confidence: "unverified",
  },
  health_material: {
    label: "Thiệt hại về vật chất do sức khỏe bị xâm phạm",
    cite: "Luật TNBTCNN 2017, Điều 26",
    confidence: "unverified",
  },
  non_material: { label: "Thiệt hại về tinh thần", cite: "Luật TNBTCNN 2017, Điều 27", confidence: "confirmed" },
  other_costs: {
    label: "Các chi phí khác được bồi thường",
    cite: "Luật TNBTCNN 2017, Điều 28",
    confidence: "unverified",
  },
};
