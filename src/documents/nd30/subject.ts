// Trích yếu of a letter (Nghị định 30/2020/NĐ-CP, Phụ lục I: "V/v …" / "về việc …"): the subject continues the
// sentence, so a topic typed in sentence case ("Đề nghị hướng dẫn …") loses its capital; a proper name or an acronym
// at the start ("Sở Tư pháp …", "UBND tỉnh …") keeps it.
export function aboutSubject(topic: string): string {
  const t = topic.trim();
  const [first = "", second = ""] = t.split(/\s+/u);
  const chars = [...first];
  const acronym = chars.length > 1 && first === first.toLocaleUpperCase("vi");
  const properName = /^\p{Lu}/u.test(second);
  if (acronym || properName || !/^\p{Lu}/u.test(first)) return `về việc ${t}`;
  return `về việc ${chars[0]!.toLocaleLowerCase("vi")}${t.slice(chars[0]!.length)}`;
}
