import { describe, expect, it } from 'vitest';
import { placeCells, type RowGeometry } from './row-layout';

/** A 1000 px row: text up to 300, metadata from 800, actions to 900; a 400 px column ends at 784 and starts at 384. */
const row = (patch: Partial<RowGeometry> = {}): RowGeometry => ({
  host: { left: 16, top: 100 },
  columnSize: { width: 400, height: 32 },
  foldedSize: { width: 16, height: 24 },
  metadata: { left: 800, centerY: 130 },
  actions: { right: 900, centerY: 128 },
  contentLeft: 16,
  contentRight: 300,
  overflowShown: false,
  ...patch,
});

describe('placeCells', () => {
  it('puts every row’s cells in one column ending left of the leftmost metadata area, badge or not', () => {
    const [plain, badged] = placeCells([row(), row({ metadata: { left: 770, centerY: 130 }, host: { left: 16, top: 160 } })]);
    // Column right edge: 770 - 16; left edge 754 - 400 = 354, whatever the host's own position.
    expect(plain).toEqual({ layout: 'column', dx: 354 - 16, dy: 130 - 16 - 100 });
    expect(badged).toEqual({ layout: 'column', dx: 354 - 16, dy: 130 - 16 - 160 });
  });

  it('folds a row whose text reaches into the column, beside GitHub’s actions', () => {
    const [long, short] = placeCells([row({ contentRight: 380 }), row()]);
    expect(long).toEqual({ layout: 'folded', dx: 902 - 16, dy: 128 - 12 - 100 });
    expect(short!.layout).toBe('column');
  });

  it('folds every row once GitHub shows its overflow anchor, even with room to spare', () => {
    expect(placeCells([row({ overflowShown: true, contentRight: 20 })]).map((p) => p.layout)).toEqual(['folded']);
  });

  it('folds when the column would start before GitHub’s content does', () => {
    expect(placeCells([row({ contentLeft: 400, contentRight: 380 })])[0]!.layout).toBe('folded');
  });

  it('puts the report icon after the title’s last line when it has room, and counts it as the row’s content', () => {
    const report = { host: { left: 16, top: 10 }, size: { width: 16, height: 16 }, lineRight: 360, lineCenterY: 20, limit: 780 };
    const [placed] = placeCells([row({ report })]);
    expect(placed!.report).toEqual({ dx: 364 - 16, dy: 20 - 8 - 10 });
    // The icon ends at 380: 8 px short of the column's start at 384 is too close, the row folds.
    expect(placed!.layout).toBe('folded');
  });

  it('hands the report icon to the cells when the title’s last line is full', () => {
    const report = { host: { left: 16, top: 10 }, size: { width: 16, height: 16 }, lineRight: 770, lineCenterY: 20, limit: 780 };
    expect(placeCells([row({ report })])[0]!.report).toBe('fallback');
  });
});
