/**
 * How the terminal's rows are shared out. Ink scrolls the top of a frame away when it is taller than
 * the screen, so every part gets a number of lines and the whole never exceeds the frame: header,
 * connection banner, tier table and footer first, then the sparklines, then the event log and the
 * drift panel, which are trimmed first.
 */

/** The smallest terminal that shows every panel. */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 15;
/** Below this the dashboard only says the terminal is too small. */
export const TOO_SMALL = { columns: 40, rows: 8 } as const;
/** The drift panel beside the log, from this width; below it, under the log. */
export const SIDE_BY_SIDE_COLUMNS = 72;
export const DRIFT_PANEL_WIDTH = 26;

const HEADER_LINES = 2;
const FOOTER_LINES = 1;
const SPARKLINE_LINES = 2;

/**
 * Lines the dashboard draws: one fewer than the terminal has. A frame as tall as the screen makes
 * Ink clear the whole terminal on every update and leave the cursor at the end of the last line on
 * exit, so the shell prompt would start beside the footer.
 */
export function frameHeight(rows: number): number {
  return Math.max(1, rows - 1);
}

export function isTooSmall(columns: number, rows: number): boolean {
  return columns < TOO_SMALL.columns || rows < TOO_SMALL.rows;
}

/** Lines left between the header (and banner) and the footer. */
export function bodyLines(rows: number, banner: boolean): number {
  return Math.max(0, frameHeight(rows) - HEADER_LINES - (banner ? 1 : 0) - FOOTER_LINES);
}

export interface LowerPanels {
  /** Lines of the event log below its title. */
  readonly logRows: number;
  /** Lines of the drift panel below its title; 0 when the panel is left out. */
  readonly driftRows: number;
  /**
   * The drift panel beside the log, its legend on a line of its own; otherwise under the log, with
   * the legend as its title.
   */
  readonly sideBySide: boolean;
}

export interface MainLayout {
  /** Lines of the tier table, its title and any "+N more" line included. */
  readonly tableLines: number;
  readonly sparklines: boolean;
  readonly lower: LowerPanels | null;
}

export interface MainLayoutInput {
  readonly columns: number;
  readonly rows: number;
  readonly banner: boolean;
  readonly tierCount: number;
  /** Tiers with drift samples (the drift panel's lines). */
  readonly driftCount: number;
}

export function planMain({ columns, rows, banner, tierCount, driftCount }: MainLayoutInput): MainLayout {
  let left = bodyLines(rows, banner);
  // The table's title, then a line per tier, or one saying there is none yet.
  const tableLines = Math.min(left, 1 + Math.max(1, tierCount));
  left -= tableLines;
  const sparklines = left >= SPARKLINE_LINES;
  if (sparklines) left -= SPARKLINE_LINES;
  return { tableLines, sparklines, lower: planLower(left, columns >= SIDE_BY_SIDE_COLUMNS, driftCount) };
}

/** The drift panel never comes without its legend: when both do not fit, the log is shown alone. */
function planLower(lines: number, sideBySide: boolean, driftCount: number): LowerPanels | null {
  if (lines < 2) return null;
  if (sideBySide) {
    // Titles, rows side by side, the legend.
    if (lines < 3) return { logRows: lines - 1, driftRows: 0, sideBySide };
    return { logRows: lines - 2, driftRows: lines - 2, sideBySide };
  }
  // Log title and its rows, then the legend as the drift panel's title and its rows.
  if (lines < 4) return { logRows: lines - 1, driftRows: 0, sideBySide };
  const shared = lines - 2;
  const driftRows = Math.min(Math.max(1, driftCount), Math.max(1, Math.floor(shared / 2)));
  return { logRows: shared - driftRows, driftRows, sideBySide };
}
