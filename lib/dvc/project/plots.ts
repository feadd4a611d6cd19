import { PLOT_PROPS } from '../pipeline/dvc-yaml-schema';
import { joinPath } from '../paths';
import type { Pipeline } from '../pipeline/model';
import type { FileStore } from '../files/store';
import { isObject, type DataObject, type DataValue, type Plot, type PlotFile, type VegaPlot } from '../types';

/** `dvc_render.ImageRenderer.EXTENSIONS`: shown as they are, not through a template. */
const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.gif', '.png', '.svg'];
/** DVC's x when none is given: the row index (`dvc.render.INDEX_FIELD`). */
const INDEX_FIELD = 'step';
const DEFAULT_TEMPLATE = 'linear';

function isImage(path: string): boolean {
  const lower = path.toLowerCase();
  return IMAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** `_id_is_path`: a definition whose `y` does not name files is about the file (or folder) its id names. */
function idIsPath(props: DataObject): boolean {
  return !isObject(props.y);
}

/** A folder given in git stands for each file inside; one we cannot list stays one plot. */
function unpack(store: FileStore, path: string): string[] {
  const inside = store.filesUnder(path);
  return inside.length > 0 ? inside : [path];
}

function closestParent(path: string, parents: string[]): string {
  let best = '';
  for (const parent of parents) {
    if ((path === parent || path.startsWith(`${parent}/`)) && parent.length > best.length) best = parent;
  }
  return best;
}

/** `{file: field}` axis keys made repo-relative (`_adjust_sources`). */
function adjustSources(props: DataObject, dir: string): DataObject {
  const out: DataObject = { ...props };
  for (const axis of ['x', 'y']) {
    const value = props[axis];
    if (!isObject(value)) continue;
    const moved: DataObject = {};
    for (const [file, field] of Object.entries(value)) moved[joinPath(dir, file) ?? file] = field;
    out[axis] = moved;
  }
  return out;
}

type Definitions = Map<string, DataObject>;

function define(into: Definitions, id: string, props: DataObject): void {
  into.set(id, { ...(into.get(id) ?? {}), ...props });
}

function topLevel(store: FileStore, pipeline: Pipeline): Definitions {
  const defs: Definitions = new Map();
  const parents = pipeline.plots.map((p) => joinPath(pipeline.dir, p.id) ?? p.id);
  for (const { id, props } of pipeline.plots) {
    const given = props ?? {};
    if (!idIsPath(given)) {
      define(defs, id, adjustSources(given, pipeline.dir));
      continue;
    }
    const dataPath = joinPath(pipeline.dir, id);
    if (!dataPath) continue; // outside the repository, or the whole of it
    for (const file of unpack(store, dataPath)) {
      // A file under several defined folders takes the most specific folder's definition.
      if (closestParent(file, parents) === dataPath) define(defs, file, given);
    }
  }
  return defs;
}

function outputPlots(store: FileStore, pipelines: Pipeline[]): Definitions {
  const defs: Definitions = new Map();
  for (const pipeline of pipelines) {
    for (const stage of pipeline.stages) {
      for (const output of stage.outputs) {
        if (output.kind !== 'plots') continue;
        const props = Object.fromEntries(Object.entries(output.props).filter(([k]) => PLOT_PROPS.includes(k)));
        for (const file of unpack(store, output.path)) define(defs, file, props);
      }
    }
  }
  return defs;
}

function fields(value: DataValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function pairs(axis: DataValue | undefined, id: string): { path: string; field: string }[] {
  if (isObject(axis)) return Object.entries(axis).flatMap(([path, f]) => fields(f).map((field) => ({ path, field })));
  return fields(axis).map((field) => ({ path: id, field }));
}

/** One axis label as `VegaConverter.infer_x_label`/`infer_y_label` choose it (`x`/`y` when fields differ). */
function label(given: DataValue | undefined, used: { field: string }[], fallback: string | undefined, axis: string): string | undefined {
  if (typeof given === 'string') return given;
  const distinct = [...new Set(used.map((u) => u.field))];
  if (distinct.length === 0) return fallback;
  return distinct.length === 1 ? distinct[0] : axis;
}

/** A definition with DVC's defaults: template `linear`, x the row index `step`, labels from the fields; images as they are. */
function toPlot(shownId: string, id: string, props: DataObject): Plot {
  if (isImage(id)) return { id: shownId, kind: 'image', files: [{ path: id }] };
  const template = typeof props.template === 'string' ? props.template : DEFAULT_TEMPLATE;
  const plot: VegaPlot = { id: shownId, kind: 'vega', files: [], template };
  if (typeof props.title === 'string') plot.title = props.title;
  const ys = pairs(props.y, id);
  const xAxis = props.x;
  const xs = isObject(xAxis) ? pairs(xAxis, id) : [];
  const xField = typeof xAxis === 'string' ? xAxis : xAxis === undefined || xAxis === null ? INDEX_FIELD : undefined;
  const files: PlotFile[] = [];
  const added = new Set<string>();
  const add = (file: PlotFile) => {
    const id = JSON.stringify([file.path, file.x, file.y]);
    if (!added.has(id)) files.push(file);
    added.add(id);
  };
  ys.forEach((y, i) => {
    if (xField !== undefined) return add({ path: y.path, x: xField, y: y.field });
    // Several x sources pair with the y sources in order; one serves them all.
    const x = xs.length > 1 ? xs[i] : xs[0];
    if (x && x.path === y.path) return add({ path: y.path, x: x.field, y: y.field });
    add({ path: y.path, y: y.field });
    if (x) add({ path: x.path, x: x.field });
  });
  if (ys.length === 0) {
    if (xField !== undefined) add({ path: id, x: xField });
    else for (const x of xs) add({ path: x.path, x: x.field });
    if (files.length === 0) add({ path: id });
  }
  plot.files = files;
  const xLabel = label(props.x_label, xField !== undefined ? [{ field: xField }] : xs, INDEX_FIELD, 'x');
  const yLabel = label(props.y_label, ys, undefined, 'y');
  if (xLabel !== undefined) plot.xLabel = xLabel;
  if (yLabel !== undefined) plot.yLabel = yLabel;
  return plot;
}

/**
 * Plot definitions as `dvc plots show` resolves them: the top-level `plots:` of every dvc.yaml,
 * then stage `plots:` outputs. An id defined in several places is told apart as `dvc.yaml::id`.
 */
export function collectPlots(store: FileStore, pipelines: Pipeline[]): Plot[] {
  const configs: [string, Definitions][] = pipelines.map((p) => [p.path, topLevel(store, p)]);
  configs.push(['', outputPlots(store, pipelines)]);
  const seen = new Map<string, number>();
  for (const [, defs] of configs) for (const id of defs.keys()) seen.set(id, (seen.get(id) ?? 0) + 1);
  const plots: Plot[] = [];
  for (const [config, defs] of configs) {
    for (const [id, props] of defs) {
      const shownId = (seen.get(id) ?? 0) > 1 && config !== '' ? `${config}::${id}` : id;
      plots.push(toPlot(shownId, id, props));
    }
  }
  return plots;
}
