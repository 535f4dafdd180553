import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF made by src/server/platform/pdf.ts, for assertions: inflates every content
 * stream and decodes the hex strings of its text operators (the standard fonts are WinAnsi, which
 * matches Latin-1 for the characters we print). Lines come from each text object (BT ... ET).
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const streamRe = /(?<!end)stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streamRe.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = Buffer.from(raw.slice(start, end), 'latin1');
    let body: string;
    try {
      body = inflateSync(bytes).toString('latin1');
    } catch {
      body = bytes.toString('latin1');
    }
    for (const bt of body.split('BT').slice(1)) {
      const segment = bt.split('ET')[0];
      const parts = [...segment.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) =>
        Buffer.from(h[1], 'hex').toString('latin1'),
      );
      if (parts.length) out.push(parts.join(''));
    }
    streamRe.lastIndex = end;
  }
  // pdfkit writes each word of a line as its own text object, the space kept at the word's end.
  return out.reduce(
    (text, part) => (text === '' || text.endsWith(' ') ? text + part : `${text}\n${part}`),
    '',
  );
}

/**
 * The text without any whitespace: pdfmake breaks lines after "/" and "-" too, so a pact number may
 * come out in pieces; compare compacted strings to find it whole.
 */
export const pdfCompact = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, '');
export const compact = (s: string) => s.replace(/\s+/g, '');
