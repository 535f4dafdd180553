import { createRequire } from 'node:module';

/**
 * PDF documents built from data (pdfmake document definitions), never from HTML or user markup. The
 * standard Helvetica font is used, so nothing is read from disk or network: the access policies
 * refuse every URL and every local path but the built-in font names. Shared by the integrity pact, the cycle results and later reports.
 */

// pdfmake ships CommonJS without types; the small surface used here is typed below.
const require = createRequire(import.meta.url);
interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}
const STANDARD_FONTS = new Set(['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique']);
let instance: PdfMake | null = null;
function pdfmake(): PdfMake {
  if (!instance) {
    instance = require('pdfmake') as PdfMake;
    instance.setFonts({
      Helvetica: {
        normal: 'Helvetica',
        bold: 'Helvetica-Bold',
        italics: 'Helvetica-Oblique',
        bolditalics: 'Helvetica-BoldOblique',
      },
    });
    instance.setUrlAccessPolicy(() => false);
    // pdfmake asks the local policy about font names too: only the built-in PDF fonts pass.
    instance.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));
  }
  return instance;
}

/** A pdfmake node: text, table, columns, stack, qr ... (https://pdfmake.github.io/docs/). */
export type PdfContent = Record<string, unknown> | string | PdfContent[];

export interface PdfDocument {
  title: string;
  content: PdfContent[];
  /** Shown at the bottom of every page with the page number. */
  footer?: string;
  pageOrientation?: 'portrait' | 'landscape';
}

/** Renders a document to PDF bytes (A4, Helvetica, title in the document info). */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  const definition = {
    info: { title: doc.title, creator: 'Lelang Kinerja', producer: 'Lelang Kinerja' },
    pageSize: 'A4',
    pageOrientation: doc.pageOrientation ?? 'portrait',
    pageMargins: [48, 48, 48, 56],
    defaultStyle: { font: 'Helvetica', fontSize: 9.5, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      muted: { color: '#555555', fontSize: 8.5 },
      th: { bold: true, fillColor: '#eeeeee' },
    },
    content: doc.content,
    footer: (page: number, pages: number) => ({
      margin: [48, 16, 48, 0],
      columns: [
        { text: doc.footer ?? doc.title, style: 'muted' },
        { text: `Halaman ${page} dari ${pages}`, style: 'muted', alignment: 'right' },
      ],
    }),
  };
  return pdfmake().createPdf(definition).getBuffer();
}

/** A table with a grey header row; cells are plain strings or pdfmake nodes. */
export function pdfTable(header: string[], rows: PdfContent[][], widths?: (string | number)[]): PdfContent {
  return {
    table: {
      headerRows: 1,
      widths: widths ?? header.map(() => '*'),
      body: [header.map((h) => ({ text: h, style: 'th' })), ...rows],
    },
    layout: { hLineColor: () => '#999999', vLineColor: () => '#999999' },
    margin: [0, 2, 0, 6],
  };
}

/** 1.234.567,5 (Indonesian grouping). */
const idNumber = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
export const formatId = (n: number | null | undefined) =>
  n === null || n === undefined ? '-' : idNumber.format(n);
/** Rp1.234.567 */
export const formatRupiah = (n: number | null | undefined) =>
  n === null || n === undefined ? '-' : `Rp${idNumber.format(n)}`;
