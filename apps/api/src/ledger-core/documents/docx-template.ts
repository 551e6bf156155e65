import type JSZip from 'jszip';

/**
 * Word templates: `{{名称}}` placeholders in a .docx, filled by editing the XML parts of the zip
 * (word/document.xml, headers and footers). Word often splits what a person typed into several
 * runs (spelling marks, formatting, revisions), so placeholders are found in the text of a whole
 * paragraph and replaced across the runs that hold it. Pure: no Nest, no database.
 */

/** The XML parts that hold a document's text. */
const TEXT_PART = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;
const PLACEHOLDER = /\{\{\s*([^{}]{1,60}?)\s*\}\}/g;
/** A text node of a run, or the end of a paragraph. */
const TOKEN = /<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<\/w:p>/g;

interface TextNode {
  /** Where the element starts and ends in the part. */
  start: number;
  end: number;
  text: string;
}

const decode = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name] ?? m;
  });

const encode = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The text nodes of a part, grouped by paragraph. */
function paragraphs(xml: string): TextNode[][] {
  const out: TextNode[][] = [];
  let current: TextNode[] = [];
  for (const m of xml.matchAll(TOKEN)) {
    if (m[0] === '</w:p>') {
      if (current.length) out.push(current);
      current = [];
      continue;
    }
    current.push({ start: m.index, end: m.index + m[0].length, text: decode(m[1]) });
  }
  if (current.length) out.push(current);
  return out;
}

/** The run content for a text: line breaks become `<w:br/>` between text nodes. */
function runText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `<w:t xml:space="preserve">${encode(line)}</w:t>`)
    .join('<w:br/>');
}

/** Replaces every placeholder of one XML part; `value(name)` answers the text, or undefined to leave it. */
export function fillXml(xml: string, value: (name: string) => string | undefined): string {
  const edits: { start: number; end: number; replacement: string }[] = [];
  for (const nodes of paragraphs(xml)) {
    const joined = nodes.map((n) => n.text).join('');
    if (!joined.includes('{{')) continue;
    const owner: number[] = [];
    nodes.forEach((n, i) => {
      for (let k = 0; k < n.text.length; k++) owner.push(i);
    });
    const deleted = new Set<number>();
    const inserts = new Map<number, string>();
    for (const m of joined.matchAll(PLACEHOLDER)) {
      const text = value(m[1].trim());
      if (text === undefined) continue;
      for (let k = m.index; k < m.index + m[0].length; k++) deleted.add(k);
      inserts.set(m.index, text);
    }
    if (inserts.size === 0) continue;
    const texts = nodes.map(() => '');
    for (let k = 0; k < joined.length; k++) {
      if (inserts.has(k)) texts[owner[k]] += inserts.get(k);
      if (!deleted.has(k)) texts[owner[k]] += joined[k];
    }
    nodes.forEach((n, i) => {
      if (texts[i] !== n.text) edits.push({ start: n.start, end: n.end, replacement: runText(texts[i]) });
    });
  }
  let out = xml;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  return out;
}

/** The placeholder names of one XML part, in order of appearance. */
export function placeholdersOfXml(xml: string): string[] {
  const names: string[] = [];
  for (const nodes of paragraphs(xml)) {
    for (const m of nodes
      .map((n) => n.text)
      .join('')
      .matchAll(PLACEHOLDER))
      names.push(m[1].trim());
  }
  return names;
}

/** A zip opened with jszip, loaded on first use (most processes never open a document). */
export async function loadZip(data: Buffer): Promise<JSZip> {
  const { default: zipLibrary } = await import('jszip');
  return zipLibrary.loadAsync(data);
}

async function textParts(docx: Buffer): Promise<{ zip: JSZip; parts: string[] }> {
  const zip = await loadZip(docx);
  const parts = Object.keys(zip.files).filter((name) => TEXT_PART.test(name));
  return { zip, parts };
}

/** Whether the zip holds a Word document body. */
export async function isDocx(content: Buffer): Promise<boolean> {
  try {
    const zip = await loadZip(content);
    return zip.file('word/document.xml') !== null;
  } catch {
    return false;
  }
}

/** The distinct placeholder names of a .docx. */
export async function docxPlaceholders(docx: Buffer): Promise<string[]> {
  const { zip, parts } = await textParts(docx);
  const names = new Set<string>();
  for (const part of parts) for (const name of placeholdersOfXml(await zip.file(part)!.async('string'))) names.add(name);
  return [...names];
}

/**
 * Fills a .docx template: each `{{名称}}` whose name is in `values` becomes its text (line breaks
 * kept); unknown placeholders stay as they are. Answers the new .docx.
 */
export async function fillDocxTemplate(template: Buffer, values: Record<string, string>): Promise<Buffer> {
  const { zip, parts } = await textParts(template);
  const value = (name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined);
  for (const part of parts) {
    const file = zip.file(part)!;
    const xml = await file.async('string');
    const filled = fillXml(xml, value);
    if (filled !== xml) zip.file(part, filled, { date: file.date });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}

/** The plain text of a .docx body, a paragraph a line (tests and previews). */
export async function docxText(docx: Buffer): Promise<string> {
  const zip = await loadZip(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  return paragraphs(xml.replace(/<w:br\/>/g, '<w:t>\n</w:t>'))
    .map((nodes) => nodes.map((n) => n.text).join(''))
    .join('\n');
}
