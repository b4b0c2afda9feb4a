// One-off: renders the icon design (scripts/icon-design.ts) to the files electron-builder uses,
// which are committed: build/icon.svg (the source, for reference), build/icon.png (1024 px, Linux
// and the fallback), build/icon.icns (macOS) and build/icon.ico (Windows).
//   node --import tsx scripts/render-icon.ts [--chromium <path>]   (default: the e2e tests' browser)
// Rendering goes through Chromium's canvas (playwright-core) so nothing beyond the test tools is
// needed, and each size is drawn from the vector.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { findE2eBrowser } from '../e2e/support/e2e-browser';
import { encodeIcns, encodeIco } from './icon-containers';
import { appleGrid, iconSvg, windowsTile } from './icon-design';
import type { IconVariant } from './icon-design';

const { values } = parseArgs({
  options: {
    chromium: { type: 'string' },
  },
});
let executablePath = values.chromium;
if (executablePath === undefined) {
  const found = findE2eBrowser();
  if (!found.found) {
    console.error(found.message);
    process.exit(1);
  }
  executablePath = found.path;
}
const buildDir = path.resolve(import.meta.dirname, '..', 'build');

/** Below this many pixels the spreadsheet rows blur into noise and are left out. */
const DETAIL_FROM = 48;

function variantAt(base: IconVariant, size: number): IconVariant {
  return { ...base, detailed: size >= DETAIL_FROM };
}

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  // Runs in the page, so it is plain JavaScript: this file is type-checked without DOM types.
  await page.addScriptTag({
    content: `window.renderIcon = async (svg, size) => {
      const image = new Image();
      image.src = 'data:image/svg+xml;base64,' + btoa(svg);
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d');
      context.imageSmoothingQuality = 'high';
      context.drawImage(image, 0, 0, size, size);
      return {
        png: canvas.toDataURL('image/png').split(',')[1],
        rgba: Array.from(context.getImageData(0, 0, size, size).data),
      };
    };`,
  });
  type Rendered = { png: string; rgba: number[] };
  const render = async (svg: string, size: number): Promise<{ png: Buffer; rgba: Uint8Array }> => {
    const result = await page.evaluate(
      ([svg, size]) =>
        (
          globalThis as unknown as { renderIcon: (svg: string, size: number) => Promise<Rendered> }
        ).renderIcon(svg, size),
      [svg, size] as const,
    );
    return { png: Buffer.from(result.png, 'base64'), rgba: Uint8Array.from(result.rgba) };
  };

  fs.writeFileSync(path.join(buildDir, 'icon.svg'), `${iconSvg(appleGrid)}\n`);

  const macPngs = new Map<number, Uint8Array>();
  for (const size of [16, 32, 64, 128, 256, 512, 1024]) {
    macPngs.set(size, (await render(iconSvg(variantAt(appleGrid, size)), size)).png);
  }
  fs.writeFileSync(path.join(buildDir, 'icon.png'), macPngs.get(1024) ?? Buffer.alloc(0));
  fs.writeFileSync(path.join(buildDir, 'icon.icns'), encodeIcns(macPngs));

  const windowsImages = [];
  for (const size of [16, 24, 32, 48, 64, 128, 256]) {
    windowsImages.push({
      size,
      rgba: (await render(iconSvg(variantAt(windowsTile, size)), size)).rgba,
    });
  }
  fs.writeFileSync(path.join(buildDir, 'icon.ico'), encodeIco(windowsImages));
  console.log('Wrote build/icon.svg, icon.png, icon.icns and icon.ico.');
} finally {
  await browser.close();
}
