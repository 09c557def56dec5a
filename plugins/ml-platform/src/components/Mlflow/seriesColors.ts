/**
 * Colours of chart series (one per run or version), distinguishable from one
 * another on the light and the dark theme.
 */
const PALETTE = [
  '#2e77d0',
  '#e8710a',
  '#1e8e3e',
  '#d93025',
  '#9334e6',
  '#a0522d',
  '#e52592',
  '#12a4af',
  '#f9ab00',
  '#5f6368',
];

/** The colour of the series at this index; repeats after ten series. */
export function seriesColor(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length];
}
