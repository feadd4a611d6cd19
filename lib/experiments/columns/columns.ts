import type { ExperimentRow } from '../types';

/** A metric or param column, named as the overlay's data attributes name it: `<file>:<key>`. */
export interface Column {
  file: string;
  key: string;
  /** `<file>:<key>`: what `data-metric` / `data-param` carry and what settings remember. */
  id: string;
}

/** Columns of one kind, grouped by file, files and keys in order of first appearance on the page. */
export interface ColumnGroup {
  file: string;
  columns: Column[];
}

export interface PageColumns {
  metrics: ColumnGroup[];
  params: ColumnGroup[];
}

export const columnId = (file: string, key: string): string => `${file}:${key}`;

/** Every metric and param any row of the page carries (remote metrics included), grouped by file. */
export function pageColumns(rows: readonly ExperimentRow[]): PageColumns {
  return {
    metrics: group(rows.flatMap((row) => [...row.metrics, ...(row.remoteMetrics ?? [])])),
    params: group(rows.flatMap((row) => row.params)),
  };
}

function group(items: readonly { file: string; key: string }[]): ColumnGroup[] {
  const files = new Map<string, Map<string, Column>>();
  for (const { file, key } of items) {
    let columns = files.get(file);
    if (!columns) files.set(file, (columns = new Map()));
    const id = columnId(file, key);
    if (!columns.has(id)) columns.set(id, { file, key, id });
  }
  return [...files].map(([file, columns]) => ({ file, columns: [...columns.values()] }));
}

/** How many metric columns a repository shows before its user picks: the cells must fit beside GitHub's own. */
export const DEFAULT_METRIC_COLUMNS = 3;

/** The first metrics of the page until the user picks; no param columns (changed params show in the chip). */
export function defaultChoice(columns: PageColumns): { metrics: string[]; params: string[] } {
  return { metrics: columns.metrics.flatMap((g) => g.columns.map((c) => c.id)).slice(0, DEFAULT_METRIC_COLUMNS), params: [] };
}

/** Looks a chosen id up among the page's columns; ids no row of this page carries are skipped. */
export function chosenColumns(groups: readonly ColumnGroup[], ids: readonly string[]): Column[] {
  const all = new Map(groups.flatMap((g) => g.columns.map((c) => [c.id, c] as const)));
  return ids.flatMap((id) => all.get(id) ?? []);
}
