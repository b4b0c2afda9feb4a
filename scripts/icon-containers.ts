// Writers (and readers, for the tests) of the two icon containers electron-builder wants beside
// icon.png: Apple's .icns and Windows' .ico. Both are short headers around images we render.

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((byte, i) => png[i] !== byte)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** ICNS element types holding PNG data, by pixel size (the @2x types reuse the larger bitmaps). */
export const icnsTypes: ReadonlyArray<{ type: string; pixels: number }> = [
  { type: 'icp4', pixels: 16 },
  { type: 'ic11', pixels: 32 },
  { type: 'icp5', pixels: 32 },
  { type: 'ic12', pixels: 64 },
  { type: 'ic07', pixels: 128 },
  { type: 'ic13', pixels: 256 },
  { type: 'ic08', pixels: 256 },
  { type: 'ic14', pixels: 512 },
  { type: 'ic09', pixels: 512 },
  { type: 'ic10', pixels: 1024 },
];

/** An .icns file: 'icns' + total length, then one (type, length, PNG) element per entry. */
export function encodeIcns(pngBySize: ReadonlyMap<number, Uint8Array>): Buffer {
  const elements = icnsTypes.map(({ type, pixels }) => {
    const png = pngBySize.get(pixels);
    if (!png) throw new Error(`missing ${pixels}px PNG for ${type}`);
    const header = Buffer.alloc(8);
    header.write(type, 0, 'latin1');
    header.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([header, png]);
  });
  const body = Buffer.concat(elements);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([header, body]);
}

/** The elements of an .icns file, with the size of the PNG each holds. */
export function readIcns(file: Uint8Array): Array<{ type: string; width: number; height: number }> {
  const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buffer.toString('latin1', 0, 4) !== 'icns' || buffer.readUInt32BE(4) !== buffer.length) {
    throw new Error('not an icns file');
  }
  const elements: Array<{ type: string; width: number; height: number }> = [];
  for (let offset = 8; offset < buffer.length;) {
    const type = buffer.toString('latin1', offset, offset + 4);
    const length = buffer.readUInt32BE(offset + 4);
    if (length < 8 || offset + length > buffer.length) throw new Error(`bad icns element ${type}`);
    elements.push({ type, ...pngSize(buffer.subarray(offset + 8, offset + length)) });
    offset += length;
  }
  return elements;
}

/** One square image as straight (not premultiplied) RGBA, row by row from the top. */
export type RgbaImage = { size: number; rgba: Uint8Array };

/**
 * A 32-bit BMP (DIB) icon image: BITMAPINFOHEADER with double height (XOR + AND masks), BGRA rows
 * bottom-up, then an all-zero AND mask (the alpha channel does the masking). BMP rather than PNG
 * entries because NSIS reads installer icons and is not reliable with PNG-compressed ones.
 */
function encodeDib({ size, rgba }: RgbaImage): Buffer {
  const maskRow = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2] ?? 0;
      pixels[to + 1] = rgba[from + 1] ?? 0;
      pixels[to + 2] = rgba[from] ?? 0;
      pixels[to + 3] = rgba[from + 3] ?? 0;
    }
  }
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

/** An .ico file with one 32-bit image per size (sizes up to 256). */
export function encodeIco(images: readonly RgbaImage[]): Buffer {
  const dibs = images.map(encodeDib);
  const directory = Buffer.alloc(6 + 16 * images.length);
  directory.writeUInt16LE(1, 2);
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  images.forEach((image, i) => {
    const dib = dibs[i] ?? Buffer.alloc(0);
    if (image.size < 1 || image.size > 256) throw new Error(`icon size ${image.size} out of range`);
    const entry = 6 + 16 * i;
    // 0 stands for 256 in the one-byte width and height fields.
    directory.writeUInt8(image.size % 256, entry);
    directory.writeUInt8(image.size % 256, entry + 1);
    directory.writeUInt16LE(1, entry + 4);
    directory.writeUInt16LE(32, entry + 6);
    directory.writeUInt32LE(dib.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += dib.length;
  });
  return Buffer.concat([directory, ...dibs]);
}

/** The images of an .ico file: size, bit depth, and the pixel at the centre (RGBA). */
export function readIco(
  file: Uint8Array,
): Array<{ size: number; bitCount: number; centre: number[] }> {
  const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buffer.readUInt16LE(0) !== 0 || buffer.readUInt16LE(2) !== 1)
    throw new Error('not an ico file');
  const count = buffer.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    // A width byte of 0 means 256 pixels.
    const width = buffer.readUInt8(entry);
    const size = width === 0 ? 256 : width;
    const offset = buffer.readUInt32LE(entry + 12);
    const bitCount = buffer.readUInt16LE(offset + 14);
    const half = Math.floor(size / 2);
    const pixel = offset + 40 + ((size - 1 - half) * size + half) * 4;
    const [b, g, r, a] = [0, 1, 2, 3].map((k) => buffer.readUInt8(pixel + k));
    return { size, bitCount, centre: [r, g, b, a].map((channel) => channel ?? 0) };
  });
}
