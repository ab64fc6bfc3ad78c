// Agency lists in plan fields: "Sở Tư pháp chủ trì phối hợp với Tòa án nhân dân tỉnh, …; UBND cấp huyện và các cơ quan,
// tổ chức có liên quan." → AgencyRef[] (role from the agency resolver; unresolved wording kept as text).
import { findAgencyMentions } from "../agencies/resolve.ts";
import type { AgencyRef } from "./types.ts";

/** Generic wording that names no registry agency: "các cơ quan, đơn vị (có) liên quan", "các cơ quan, tổ chức …". */
const GENERIC_RE =
  /^(?:các\s+)?(?:cơ quan|đơn vị|tổ chức|địa phương)(?:\s*,\s*(?:cơ quan|đơn vị|tổ chức|địa phương))*(?:\s+(?:có\s+)?liên quan)?/iu;
const LEAD_SPLIT_RE = /^(.*?)\s+chủ trì\s*,?\s*(?:phối hợp với|phối hợp|và phối hợp với)\s+(.*)$/isu;

function cleanEnd(s: string): string {
  return s.replace(/[\s.;,:]+$/u, "").trim();
}

function stripSeparators(s: string): string {
  return s.replace(/^(?:\s|,|;|và(?=\s)|với(?=\s))+/u, "");
}

/** One ";"-separated segment → refs. After an agency, words that are not a separator are a note on it. */
function parseSegment(segment: string): AgencyRef[] {
  const refs: AgencyRef[] = [];
  let s = stripSeparators(segment.trim());
  while (s.length > 0) {
    const mention = findAgencyMentions(s)[0];
    let ref: AgencyRef;
    let rest: string;
    if (mention && mention.start === 0) {
      ref = { text: mention.matched, role: mention.role };
      rest = s.slice(mention.end);
    } else {
      const generic = GENERIC_RE.exec(s);
      if (generic) {
        ref = { text: cleanEnd(generic[0]), role: null };
        rest = s.slice(generic[0].length);
      } else if (mention) {
        ref = { text: cleanEnd(s.slice(0, mention.start).replace(/\s+(?:và|,)\s*$/u, "")), role: null };
        rest = s.slice(mention.start);
        if (ref.text.length === 0) {
          s = rest;
          continue;
        }
        refs.push(ref);
        s = rest;
        continue;
      } else {
        const text = cleanEnd(s);
        if (text) refs.push({ text, role: null });
        break;
      }
    }
    refs.push(ref);
    if (/^\s*(?:,|và\s)/u.test(rest) || rest.trim().length === 0) {
      s = stripSeparators(rest);
      continue;
    }
    const note = cleanEnd(rest);
    if (note) ref.note = note;
    break;
  }
  return refs;
}

/** Agencies of a list ("A, B; C và D"), in order. */
export function parseAgencyList(value: string): AgencyRef[] {
  const out: AgencyRef[] = [];
  for (const seg of value.split(";")) out.push(...parseSegment(seg));
  return out;
}

/**
 * "A chủ trì (,) phối hợp với B, C" → { lead: [A], coordinators: [B, C] }; without "chủ trì" → { lead: [], others }.
 */
export function splitLead(value: string): { lead: AgencyRef[]; coordinators: AgencyRef[]; all: AgencyRef[] } {
  const m = LEAD_SPLIT_RE.exec(value.trim());
  if (!m) {
    const all = parseAgencyList(value);
    return { lead: [], coordinators: [], all };
  }
  const lead = parseAgencyList(m[1]);
  const coordinators = parseAgencyList(m[2]);
  return { lead, coordinators, all: [...lead, ...coordinators] };
}
