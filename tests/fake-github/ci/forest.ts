import { RandomState } from './random-state';

/**
 * A random forest classifier as scikit-learn's `RandomForestClassifier` defines one (the model
 * the sample project's `src/train.py` fits): `n_estimators` CART trees grown on bootstrap
 * samples with Gini impurity, `sqrt(n_features)` candidate features per split, `max_depth`
 * levels at most (null = until pure), predictions by averaging the trees' class probabilities.
 * It draws from its own seeded generator, so a seed reproduces a forest exactly here, though
 * not the trees scikit-learn would grow.
 */

export type TreeNode = { leaf: number[] } | { feature: number; threshold: number; left: TreeNode; right: TreeNode };

export interface Forest {
  classes: string[];
  features: string[];
  trees: TreeNode[];
}

export interface ForestParams {
  nEstimators: number;
  /** null grows every tree until its leaves are pure. */
  maxDepth: number | null;
  seed: number;
}

export interface Dataset {
  features: string[];
  classes: string[];
  /** One row of feature values per sample. */
  x: number[][];
  /** Index into `classes` per sample. */
  y: number[];
}

/** Class counts of the samples `rows` (bootstrap duplicates counted as often as drawn). */
function counts(data: Dataset, rows: number[]): number[] {
  const out = new Array<number>(data.classes.length).fill(0);
  for (const r of rows) out[data.y[r]!]! += 1;
  return out;
}

function gini(classCounts: number[], total: number): number {
  let sum = 0;
  for (const c of classCounts) sum += (c / total) ** 2;
  return 1 - sum;
}

interface Split {
  feature: number;
  threshold: number;
  score: number;
}

/** The best threshold on one feature: lowest weighted Gini of the two sides, or null if constant. */
function bestSplitOn(data: Dataset, rows: number[], feature: number): Split | null {
  const sorted = [...rows].sort((a, b) => data.x[a]![feature]! - data.x[b]![feature]!);
  const left = new Array<number>(data.classes.length).fill(0);
  const right = counts(data, rows);
  let best: Split | null = null;
  for (let i = 0; i < sorted.length - 1; i++) {
    const label = data.y[sorted[i]!]!;
    left[label]! += 1;
    right[label]! -= 1;
    const here = data.x[sorted[i]!]![feature]!;
    const next = data.x[sorted[i + 1]!]![feature]!;
    if (here === next) continue;
    const nLeft = i + 1;
    const nRight = sorted.length - nLeft;
    const score = (nLeft * gini(left, nLeft) + nRight * gini(right, nRight)) / sorted.length;
    if (!best || score < best.score) best = { feature, threshold: (here + next) / 2, score };
  }
  return best;
}

function grow(data: Dataset, rows: number[], depth: number, params: ForestParams, random: RandomState, maxFeatures: number): TreeNode {
  const classCounts = counts(data, rows);
  const pure = classCounts.filter((c) => c > 0).length <= 1;
  if (pure || rows.length < 2 || (params.maxDepth !== null && depth >= params.maxDepth)) {
    return { leaf: classCounts.map((c) => c / rows.length) };
  }
  // Candidate features in a random order; like scikit-learn, keep drawing past `maxFeatures`
  // while every feature drawn so far is constant on this node.
  const order = random.permutation(data.features.length);
  let best: Split | null = null;
  for (let i = 0; i < order.length && (i < maxFeatures || !best); i++) {
    const split = bestSplitOn(data, rows, order[i]!);
    if (split && (!best || split.score < best.score)) best = split;
  }
  if (!best || best.score >= gini(classCounts, rows.length)) return { leaf: classCounts.map((c) => c / rows.length) };
  const { feature, threshold } = best;
  const leftRows = rows.filter((r) => data.x[r]![feature]! <= threshold);
  const rightRows = rows.filter((r) => data.x[r]![feature]! > threshold);
  return {
    feature,
    threshold,
    left: grow(data, leftRows, depth + 1, params, random, maxFeatures),
    right: grow(data, rightRows, depth + 1, params, random, maxFeatures),
  };
}

export function fitForest(data: Dataset, params: ForestParams): Forest {
  const random = new RandomState(params.seed);
  const maxFeatures = Math.max(1, Math.floor(Math.sqrt(data.features.length)));
  const n = data.y.length;
  const trees: TreeNode[] = [];
  for (let t = 0; t < params.nEstimators; t++) {
    const bootstrap = Array.from({ length: n }, () => random.interval(n - 1));
    trees.push(grow(data, bootstrap, 0, params, random, maxFeatures));
  }
  return { classes: data.classes, features: data.features, trees };
}

function leafOf(node: TreeNode, row: number[]): number[] {
  let at = node;
  while (!('leaf' in at)) at = row[at.feature]! <= at.threshold ? at.left : at.right;
  return at.leaf;
}

/** The class index with the highest mean probability over the trees (first on ties, as numpy's argmax). */
export function predict(forest: Forest, row: number[]): number {
  const mean = new Array<number>(forest.classes.length).fill(0);
  for (const tree of forest.trees) leafOf(tree, row).forEach((p, i) => (mean[i]! += p));
  return mean.indexOf(Math.max(...mean));
}
