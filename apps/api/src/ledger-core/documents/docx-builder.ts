import { loadZip } from './docx-template';

/** One paragraph of a generated document; its text may hold `{{名称}}` placeholders. */
export interface DocBlock {
  text: string;
  /** A bold heading line. */
  heading?: boolean;
  align?: 'left' | 'center' | 'right';
  /** First-line indent of two characters, as Chinese official documents have. */
  indent?: boolean;
  /** Space before the paragraph, in points. */
  spaceBefore?: number;
}

export interface DocOutline {
  title: string;
  blocks: DocBlock[];
  /** Document properties. */
  creator?: string;
  description?: string;
}

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const TITLE_FONT = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };
const BODY_SIZE = 28; // half-points: 四号 (14 pt)
const TITLE_SIZE = 44; // 二号 (22 pt)

/**
 * A plain Word document (A4, 宋体 四号, a centred 黑体 title) from an outline, generated with the
 * `docx` package. Ledgers use it for their built-in templates: each placeholder stays in one run,
 * so the template fills cleanly; staff may replace it with a template of their own.
 */
export async function buildDocx(outline: DocOutline): Promise<Buffer> {
  const { AlignmentType, Document, Packer, Paragraph, TextRun } = await import('docx');
  const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 400 },
    children: [new TextRun({ text: outline.title, font: TITLE_FONT, size: TITLE_SIZE, bold: true })],
  });
  const body = outline.blocks.map(
    (b) =>
      new Paragraph({
        alignment: ALIGN[b.align ?? 'left'],
        indent: b.indent ? { firstLine: BODY_SIZE * 10 * 2 } : undefined,
        spacing: { before: (b.spaceBefore ?? (b.heading ? 12 : 0)) * 20, line: 360 },
        children: [new TextRun({ text: b.text, font: FONT, size: BODY_SIZE, bold: b.heading ?? false })],
      }),
  );
  const doc = new Document({
    creator: outline.creator ?? 'Fazhi Ledger',
    title: outline.title,
    description: outline.description,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1587, right: 1474 } } }, children: [title, ...body] }],
  });
  return timeless(await Packer.toBuffer(doc));
}

/** A built-in template carries no time of its making. */
const TEMPLATE_TIME = new Date('2021-01-01T00:00:00Z');

/**
 * The same outline gives the same bytes at any time: the package's dates and its entries' times
 * are fixed, so a document filled from it is stored once however often it is generated.
 */
async function timeless(docx: Buffer): Promise<Buffer> {
  const zip = await loadZip(docx);
  const stamp = TEMPLATE_TIME.toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    let content: string | Buffer = await file.async('nodebuffer');
    if (name === 'docProps/core.xml') {
      content = content.toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
    }
    zip.file(name, content, { date: TEMPLATE_TIME });
  }
  // Folders are made anew, with the current time, as their files are added back.
  for (const entry of Object.values(zip.files)) if (entry.dir) entry.date = TEMPLATE_TIME;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}
