// The app icon, drawn as SVG so every size is rendered from the vector rather than scaled down
// from one bitmap. A blue tile (the renderer's favicon colour) holds faint spreadsheet rows and a
// rising white line: rows in, a score out. Small sizes drop the rows, which would blur to noise.

export type IconVariant = {
  /** Empty border as a share of the canvas: Apple's grid leaves ~10%; Windows icons fill the tile. */
  margin: number;
  /** Draw the spreadsheet rows (only where they stay legible). */
  detailed: boolean;
};

/** macOS and Linux: Apple's icon grid, 824/1024 tile with a soft shadow. */
export const appleGrid: IconVariant = { margin: 100 / 1024, detailed: true };
/** Windows: nearly full-bleed, as Windows icons are drawn. */
export const windowsTile: IconVariant = { margin: 24 / 1024, detailed: true };

type Point = [number, number];

const chart: Point[] = [
  [168, 452],
  [330, 300],
  [460, 404],
  [626, 236],
];

/** A triangle continuing the line's last segment, so the line reads as an upward arrow. */
function arrowhead(points: readonly Point[], stroke: number): string {
  const [x1, y1] = points.at(-2) ?? [0, 0];
  const [x2, y2] = points.at(-1) ?? [0, 0];
  const length = Math.hypot(x2 - x1, y2 - y1);
  const [ux, uy] = [(x2 - x1) / length, (y2 - y1) / length];
  const half = stroke * 1.25;
  const tip: Point = [x2 + ux * stroke * 1.5, y2 + uy * stroke * 1.5];
  const [bx, by] = [x2 - ux * stroke * 0.4, y2 - uy * stroke * 0.4];
  const left: Point = [bx - uy * half, by + ux * half];
  const right: Point = [bx + uy * half, by - ux * half];
  const f = ([x, y]: Point): string => `${x.toFixed(1)} ${y.toFixed(1)}`;
  return `M${f(tip)} L${f(left)} L${f(right)} Z`;
}

/** The SVG for one variant on a 1024-unit canvas; `detailed` is usually off below 48 px. */
export function iconSvg(variant: IconVariant): string {
  const inset = Math.round(variant.margin * 1024);
  const tile = 1024 - 2 * inset;
  const radius = Math.round(tile * 0.2237);
  // Everything inside the tile is laid out on a 824-unit grid and scaled to the tile's size.
  const scale = tile / 824;
  // Each row is a narrow key cell and a wide value cell, like an exported sheet.
  const rows = variant.detailed
    ? [0, 1, 2]
        .map((i) => {
          const y = 540 + i * 84;
          const opacity = (0.14 + i * 0.05).toFixed(2);
          return (
            `<rect x="132" y="${y}" width="150" height="52" rx="18" fill="#fff" opacity="${opacity}"/>` +
            `<rect x="298" y="${y}" width="394" height="52" rx="18" fill="#fff" opacity="${opacity}"/>`
          );
        })
        .join('')
    : '';
  const stroke = variant.detailed ? 64 : 88;
  const points: Point[] = variant.detailed
    ? chart
    : [
        [150, 560],
        [330, 370],
        [460, 470],
        [620, 290],
      ];
  const shadow = inset > 40 ? ' filter="url(#shadow)"' : '';
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">',
    '<defs>',
    '<linearGradient id="tile" x1="0" y1="0" x2="0" y2="1">',
    '<stop offset="0" stop-color="#4a7cf3"/><stop offset="1" stop-color="#2446b8"/>',
    '</linearGradient>',
    '<filter id="shadow" x="-10%" y="-10%" width="120%" height="125%">',
    '<feDropShadow dx="0" dy="12" stdDeviation="14" flood-color="#0b1a4a" flood-opacity="0.35"/>',
    '</filter>',
    '</defs>',
    `<rect x="${inset}" y="${inset}" width="${tile}" height="${tile}" rx="${radius}" fill="url(#tile)"${shadow}/>`,
    `<g transform="translate(${inset} ${inset}) scale(${scale.toFixed(5)})">`,
    rows,
    `<polyline points="${points.map((p) => p.join(',')).join(' ')}" fill="none" stroke="#fff" stroke-width="${stroke}" stroke-linecap="round" stroke-linejoin="round"/>`,
    `<path d="${arrowhead(points, stroke)}" fill="#fff" stroke="#fff" stroke-width="16" stroke-linejoin="round"/>`,
    '</g>',
    '</svg>',
  ].join('');
}
