/** Parses the server's diagram SVG into an element the page can show inline. */
export function parseDiagramSvg(text: string): SVGSVGElement {
  const document = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = document.documentElement;
  if (!(root instanceof SVGSVGElement)) throw new Error('the server sent no SVG diagram');
  return root;
}

/** The diagram's own size in SVG units, from its viewBox. */
export function diagramSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box.width <= 0 || box.height <= 0) throw new Error('the diagram has no size');
  return { width: box.width, height: box.height };
}

/**
 * Prefixes every id in an SVG, and every reference to one, so that two diagrams on one page (each with its
 * own `arrow-0` marker and title) never borrow each other's parts.
 */
export function scopeSvgIds(svg: SVGSVGElement, prefix: string): void {
  const renamed = new Map<string, string>();
  for (const element of svg.querySelectorAll('[id]')) {
    renamed.set(element.id, `${prefix}-${element.id}`);
    element.id = `${prefix}-${element.id}`;
  }
  const rename = (id: string) => renamed.get(id) ?? id;
  for (const element of [svg, ...svg.querySelectorAll('*')]) {
    for (const attribute of [...element.attributes]) {
      let value = attribute.value.replace(/url\(#([^)]+)\)/g, (_match, id: string) => `url(#${rename(id)})`);
      if (attribute.name === 'href' && value.startsWith('#')) value = `#${rename(value.slice(1))}`;
      if (attribute.name === 'aria-labelledby' || attribute.name === 'aria-describedby') {
        value = value.split(/\s+/).map(rename).join(' ');
      }
      if (value !== attribute.value) attribute.value = value;
    }
  }
}

/** Saves a blob under a file name, as a click on a download link does. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; revoking later frees the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves the diagram as the SVG file the server drew. */
export function downloadDiagramSvg(text: string, fileName: string): void {
  saveBlob(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), fileName);
}

/** Pixels per SVG unit of the PNG: twice the drawn size, sharp on print and high-density screens. */
const PNG_SCALE = 2;

/**
 * Saves the diagram as a PNG: the SVG, given a fixed pixel size, is drawn by the browser on a canvas
 * (white behind it, as on the page) and encoded there, so no server is involved.
 */
export async function downloadDiagramPng(text: string, fileName: string): Promise<void> {
  const svg = parseDiagramSvg(text);
  const size = diagramSize(svg);
  const width = Math.ceil(size.width * PNG_SCALE);
  const height = Math.ceil(size.height * PNG_SCALE);
  // The served SVG fills its container (width="100%"); an image needs a size of its own.
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  // A data: URL, as the page's content security policy admits for images (blob: it does not).
  const image = new Image(width, height);
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  const png = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png'),
  );
  saveBlob(png, fileName);
}
