// A step's ground (căn cứ) as people read it, never the stored key ("success", "a"): a lettered point of the clause
// as "điểm a" with its wording, a named ground (thương lượng thành) by its name.
import { EVENT_GROUNDS, type EventType, normalizeGround } from "../../../../src/domain/claims/events.ts";

export function groundText(type: string, ground: string | null | undefined): { text: string; title?: string } | null {
  if (!ground) return null;
  const key = normalizeGround(ground);
  const def = EVENT_GROUNDS[type as EventType]?.[key];
  if (!def) return { text: ground };
  return /^(?:[a-h]|đ)$/u.test(key)
    ? { text: `điểm ${key}`, title: `${def.label} (${def.basis})` }
    : { text: def.label, title: def.basis };
}
