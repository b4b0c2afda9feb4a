// This test runs in Node, never in the page: it reads the stylesheet as text (Vitest turns CSS
// imports, ?raw included, into empty strings).
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const tokensCss = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');

// WCAG 2.x contrast of two #rrggbb colors.
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((at) => {
    const value = parseInt(hex.slice(at, at + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

function colors(block: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of block.matchAll(/--color-([a-z-]+):\s*(#[0-9a-f]{6});/gi)) {
    found.set(match[1] ?? '', (match[2] ?? '').toLowerCase());
  }
  return found;
}

const darkStart = tokensCss.indexOf('@media (prefers-color-scheme: dark)');
const light = colors(tokensCss.slice(0, darkStart));
// Dark mode overrides what it names and inherits the rest.
const dark = new Map([...light, ...colors(tokensCss.slice(darkStart))]);

const pages = ['surface', 'card'];
const tints = ['subtle', 'info-bg', 'success-bg', 'warning-bg', 'danger-bg', 'nav-active'];
const textPairs: [string, string[]][] = [
  ['text', [...pages, ...tints]],
  ['text-muted', [...pages, ...tints]],
  ['success', [...pages, 'success-bg']],
  ['warning', [...pages, 'warning-bg']],
  ['danger', [...pages, 'danger-bg']],
  ['accent', pages],
  ['nav-active-text', ['surface', 'nav-active']],
  ['primary-button-text', ['primary-button', 'primary-button-hover']],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s colors', (_mode, palette) => {
  const color = (name: string): string => {
    const value = palette.get(name);
    if (value === undefined) throw new Error(`tokens.css has no --color-${name}`);
    return value;
  };

  it.each(textPairs)('put %s text at 4.5:1 or more on its backgrounds', (text, backgrounds) => {
    for (const background of backgrounds) {
      expect(
        contrast(color(text), color(background)),
        `${text} on ${background}`,
      ).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('give input borders 3:1 or more against the page, so a field can be seen', () => {
    for (const background of pages) {
      expect(contrast(color('input-border'), color(background))).toBeGreaterThanOrEqual(3);
    }
  });
});
