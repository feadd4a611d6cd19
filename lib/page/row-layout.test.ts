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
});
