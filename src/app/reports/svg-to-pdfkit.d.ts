declare module 'svg-to-pdfkit' {
  /** Draws an SVG document onto a PDFKit page at (x, y), scaled to the given size. */
  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: {
      width?: number;
      height?: number;
      preserveAspectRatio?: string;
      assumePt?: boolean;
      fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
      warningCallback?: (message: string) => void;
    },
  ): void;
}
