// Which rows of a long list to draw for a scroll position. Browsers cap an element's height (about
// 33 million pixels in Chromium, less elsewhere), which a million rows of 32 px would pass; past
// MAX_SCROLL_HEIGHT the scroll range is scaled, so each pixel of scrolling moves a fraction of a
// row more than one, and the drawn rows follow the viewport.

export const MAX_SCROLL_HEIGHT = 10_000_000;

export interface ViewportInput {
  total: number;
  rowHeight: number;
  /** Height of the area rows are drawn in (below any sticky header). */
  viewportHeight: number;
  scrollTop: number;
  overscan?: number;
}

export interface RowWindow {
  /** First and last position to draw (inclusive); last < first when there is nothing. */
  first: number;
  last: number;
  /** Height of the scrollable body. */
  height: number;
  /** Where row `position` goes, from the top of the body. */
  top(position: number): number;
}

function geometry(input: ViewportInput) {
  const natural = input.total * input.rowHeight;
  const height = Math.min(natural, MAX_SCROLL_HEIGHT);
  const visibleRows = Math.max(1, input.viewportHeight / input.rowHeight);
  const scaled = natural > MAX_SCROLL_HEIGHT;
  const maxScroll = Math.max(1, height - input.viewportHeight);
  const lastStart = Math.max(0, input.total - visibleRows);
  return { height, visibleRows, scaled, maxScroll, lastStart };
}

/** The fractional position at the top of the viewport. */
function firstExact(input: ViewportInput): number {
  const g = geometry(input);
  const scrollTop = Math.min(Math.max(0, input.scrollTop), g.maxScroll);
  if (!g.scaled) return scrollTop / input.rowHeight;
  return (scrollTop / g.maxScroll) * g.lastStart;
}

export function rowWindow(input: ViewportInput): RowWindow {
  const g = geometry(input);
  const overscan = input.overscan ?? 6;
  const exact = firstExact(input);
  const first = Math.max(0, Math.floor(exact) - overscan);
  const last = Math.min(input.total - 1, Math.ceil(exact + g.visibleRows) + overscan);
  const scrollTop = Math.min(Math.max(0, input.scrollTop), g.maxScroll);
  return {
    first,
    last,
    height: g.height,
    top: g.scaled
      ? (position) => scrollTop + (position - exact) * input.rowHeight
      : (position) => position * input.rowHeight,
  };
}

/**
 * The scroll position that brings `position` fully into view, or null when it already is. Used
 * when the keyboard moves the focus to a row that is not drawn yet.
 */
export function scrollTopFor(input: ViewportInput, position: number): number | null {
  const g = geometry(input);
  const exact = firstExact(input);
  let wanted: number;
  if (position < exact) wanted = position;
  else if (position + 1 > exact + g.visibleRows) wanted = position + 1 - g.visibleRows;
  else return null;
  wanted = Math.min(Math.max(0, wanted), g.lastStart);
  if (!g.scaled) return wanted * input.rowHeight;
  return g.lastStart === 0 ? 0 : (wanted / g.lastStart) * g.maxScroll;
}
