// Builds a .docx from plan text the way officials type it: heading paragraphs (Word "Heading" styles for "#" lines,
// bold runs for "**…**" lines), bullet paragraphs for "- " (level 0) and "+ " (level 1), plain paragraphs otherwise.
// Numbers ("II.", "1.1.", "a)") stay typed in the text. Blank-line-separated page-break artefacts stay two paragraphs.
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

export async function planTextToDocx(text: string): Promise<Buffer> {
  const paragraphs: Paragraph[] = [];
  for (const rawLine of text.split("\n")) {
    const line = rawLine.replace(/\s+$/u, "");
    if (!line.trim()) continue;
    const hash = /^(#{1,6})\s+(.*)$/u.exec(line);
    if (hash) {
      const content = hash[2].replace(/\*/gu, "");
      paragraphs.push(new Paragraph({ heading: HEADINGS[hash[1].length - 1], children: [new TextRun(content)] }));
      continue;
    }
    const bullet = /^([-+])\s+(.*)$/u.exec(line);
    if (bullet) {
      paragraphs.push(
        new Paragraph({
          bullet: { level: bullet[1] === "-" ? 0 : 1 },
          children: [new TextRun(bullet[2].replace(/\*/gu, ""))],
        }),
      );
      continue;
    }
    const bold = /^\*\*(.*?)\*\*$/u.exec(line.trim());
    if (bold) {
      paragraphs.push(new Paragraph({ children: [new TextRun({ text: bold[1].replace(/\*/gu, ""), bold: true })] }));
      continue;
    }
    // Inline italics ("PHÓ CỤC TRƯỞNG *NH*") become italic runs.
    const runs = line
      .split(/(\*[^*]+\*)/u)
      .filter((part) => part.length > 0)
      .map((part) =>
        /^\*[^*]+\*$/u.test(part)
          ? new TextRun({ text: part.slice(1, -1), italics: true })
          : new TextRun(part.replace(/\*/gu, "")),
      );
    paragraphs.push(new Paragraph({ children: runs }));
  }
  const doc = new Document({ sections: [{ children: paragraphs }] });
  return Packer.toBuffer(doc);
}
