import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeIcns, encodeIco, icnsTypes, pngSize, readIcns, readIco } from './icon-containers';
import { appleGrid, iconSvg } from './icon-design';

const buildDir = path.resolve(import.meta.dirname, '..', 'build');
const read = (name: string): Buffer => fs.readFileSync(path.join(buildDir, name));

/** A minimal PNG header: signature + IHDR with the given size (enough for the containers). */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
}

describe('icon containers', () => {
  it('an .icns written from PNGs lists each element with its PNG size', () => {
    const pngs = new Map(
      icnsTypes.map(({ pixels }) => [pixels, pngHeader(pixels, pixels)] as const),
    );
    const elements = readIcns(encodeIcns(pngs));
    expect(elements).toEqual(
      icnsTypes.map(({ type, pixels }) => ({ type, width: pixels, height: pixels })),
    );
  });

  it('an .ico keeps every image’s size and pixels (BGRA bottom-up on disk, read back as RGBA)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 256 }), { minLength: 1, maxLength: 4 }),
        fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)),
        (sizes, colour) => {
          const images = sizes.map((size) => ({
            size,
            rgba: Uint8Array.from({ length: size * size * 4 }, (_, i) => colour[i % 4] ?? 0),
          }));
          const read = readIco(encodeIco(images));
          expect(read).toEqual(sizes.map((size) => ({ size, bitCount: 32, centre: colour })));
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('the committed icons', () => {
  it('icon.png is a 1024 × 1024 PNG', () => {
    expect(pngSize(read('icon.png'))).toEqual({ width: 1024, height: 1024 });
  });

  it('icon.icns holds every size macOS asks for, up to 1024', () => {
    const elements = readIcns(read('icon.icns'));
    expect(elements.map((e) => e.type)).toEqual(icnsTypes.map((t) => t.type));
    for (const element of elements) expect(element.width).toBe(element.height);
    expect(Math.max(...elements.map((e) => e.width))).toBe(1024);
  });

  it('icon.ico holds 16 to 256 px images in 32-bit colour, opaque blue at the centre', () => {
    const images = readIco(read('icon.ico'));
    expect(images.map((i) => i.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const image of images) {
      expect(image.bitCount).toBe(32);
      const [r = 0, g = 0, b = 0, a = 0] = image.centre;
      expect(a).toBe(255);
      // The centre of the tile is the blue gradient or the white line: never red-dominant or clear.
      expect(b >= r && b >= g).toBe(true);
    }
  });

  it('icon.svg is the current design (render-icon.ts writes it with the bitmaps)', () => {
    expect(read('icon.svg').toString('utf8').trim()).toBe(iconSvg(appleGrid));
  });
});
