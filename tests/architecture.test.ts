// DESIGN's layers as a test: every import of the production source, read with the TypeScript
// compiler (`import`, `import type`, `export … from`, dynamic `import()`, `require`), checked
// against the rules below. Production source is everything under `lib/`, `components/` and
// `entrypoints/` except tests (`*.test.ts(x)`) and test helpers (`testing/` folders): those
// may read fixtures with `node:fs` and reach into `tests/`, and ship nowhere.
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_ROOTS = ['lib', 'components', 'entrypoints'];
const isProductionSource = (path: string) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path) && !path.split('/').includes('testing');

/** The packages `lib/dvc` may use: parsers and hashing, all pure JavaScript that runs anywhere. */
const DVC_PACKAGES = new Set(['yaml', 'smol-toml', 'toml-eslint-parser', 'jsonc-parser', '@lezer/common', '@lezer/python', '@noble/hashes', 'hash-wasm']);
/** The layers below the domain (DESIGN: they meet only in `lib/experiments`). */
const LOWER_LAYERS = ['lib/dvc', 'lib/github', 'lib/remote'];
/** Packages that only exist in an extension's pages: `lib/` (but `lib/page`, `lib/messages`) runs in Node too. */
const BROWSER_ONLY = (pkg: string) => pkg === 'wxt' || pkg.startsWith('@wxt-dev/') || pkg === 'webextension-polyfill';
const MAX_SOURCE_FILES_PER_FOLDER = 15;

/** One import as written, and what it names: a repo-relative file or a package. */
interface Import {
  from: string;
  specifier: string;
  file?: string;
  pkg?: string;
}

const within = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);
const layerOf = (path: string) => (path.startsWith('lib/') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]!);

function packageOf(specifier: string): string {
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!)) return 'node:';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Resolves a relative specifier the way the bundler does (extensionless, `index`), among `files`. */
function resolveRelative(from: string, specifier: string, files: ReadonlySet<string>): string {
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) if (files.has(candidate)) return candidate;
  return base;
}

/** Every import of every file, from its text: `sources` maps repo-relative paths to contents. */
function importsOf(sources: ReadonlyMap<string, string>, allFiles: ReadonlySet<string>): Import[] {
  const imports: Import[] = [];
  for (const [from, text] of sources) {
    const { importedFiles } = ts.preProcessFile(text, true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (specifier.startsWith('.')) imports.push({ from, specifier, file: resolveRelative(from, specifier, allFiles) });
      else imports.push({ from, specifier, pkg: packageOf(specifier) });
    }
  }
  return imports;
}

/** What breaks DESIGN's layers, one line per offending import, naming the file and the import. */
function layerViolations(imports: readonly Import[]): string[] {
  const out: string[] = [];
  const fail = (i: Import, rule: string) => out.push(`${i.from} imports '${i.specifier}'${i.file ? ` (${i.file})` : ''}: ${rule}`);
  for (const i of imports) {
    const layer = layerOf(i.from);
    if (i.pkg !== undefined) {
      if (layer === 'lib/dvc' && !DVC_PACKAGES.has(i.pkg)) fail(i, `lib/dvc uses only itself and ${[...DVC_PACKAGES].join(', ')}`);
      else if (within(i.from, 'lib') && !['lib/page', 'lib/messages'].includes(layer) && (BROWSER_ONLY(i.pkg) || i.pkg === 'preact')) {
        fail(i, 'lib/ runs in Node too (only lib/page and lib/messages touch the browser)');
      }
      continue;
    }
    const target = i.file!;
    const targetLayer = layerOf(target);
    if (layer === 'lib/dvc' && !within(target, 'lib/dvc')) fail(i, 'lib/dvc imports only itself (no GitHub, no browser, no other layer)');
    else if (layer === 'lib/github' && within(target, 'lib/dvc')) fail(i, 'lib/github knows nothing of DVC');
    else if (LOWER_LAYERS.includes(layer) && ['lib/experiments', 'lib/page', 'lib/messages'].includes(targetLayer)) {
      fail(i, `${layer} is below ${targetLayer} and never imports it`);
    } else if (within(i.from, 'lib') && (targetLayer === 'components' || targetLayer === 'entrypoints')) fail(i, `lib/ never imports ${targetLayer}/`);
    else if (layer === 'components' && targetLayer === 'entrypoints') fail(i, 'components/ never imports entrypoints/');
    else if (!within(target, 'lib') && !within(target, 'components') && !within(target, 'entrypoints'))
      fail(i, 'production source imports only production source');
  }
  return out;
}

/**
 * Every import cycle among files (type-only imports count: they still tie the modules together),
 * one per strongly connected component, written as the imports that close it.
 */
function importCycles(imports: readonly Import[]): string[] {
  const edges = new Map<string, Import[]>();
  for (const i of imports) if (i.file) edges.set(i.from, [...(edges.get(i.from) ?? []), i]);
  const next = (v: string) => (edges.get(v) ?? []).map((i) => i.file!);
  // Tarjan's strongly connected components; one of more than one file, or a file importing itself, holds a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || next(v).includes(v)) components.push(component.sort());
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((component) => describeCycle(component[0]!, new Set(component), edges));
}

/** The shortest way from `start` back to itself inside its component, as `file imports 'x'` steps. */
function describeCycle(start: string, component: ReadonlySet<string>, edges: ReadonlyMap<string, Import[]>): string {
  const via = new Map<string, Import>();
  const queue = [start];
  for (let k = 0; k < queue.length; k++) {
    for (const i of edges.get(queue[k]!) ?? []) {
      if (!component.has(i.file!) || via.has(i.file!)) continue;
      via.set(i.file!, i);
      if (i.file === start) break;
      queue.push(i.file!);
    }
    if (via.has(start)) break;
  }
  const steps: Import[] = [];
  for (let at = via.get(start)!; ; at = via.get(at.from)!) {
    steps.unshift(at);
    if (at.from === start) break;
  }
  return steps.map((i) => `${i.from} imports '${i.specifier}'`).join(' → ') + ` → ${start}`;
}

function walk(dir: string): string[] {
  if (!existsSync(join(ROOT, dir))) return [];
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = posix.join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? walk(path) : [path];
  });
}

const allFiles = new Set(SOURCE_ROOTS.flatMap(walk));
const production = new Map([...allFiles].filter(isProductionSource).map((path) => [path, readFileSync(join(ROOT, path), 'utf8')]));
const imports = importsOf(production, allFiles);

describe('architecture (DESIGN.md layers)', () => {
  it('reads the production source', () => {
    expect(production.size).toBeGreaterThan(50);
    expect(imports.some((i) => i.from === 'entrypoints/background/index.ts' && i.specifier === 'wxt/browser')).toBe(true);
  });

  it('keeps every layer to what it may import', () => {
    expect(layerViolations(imports)).toEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    expect(importCycles(imports)).toEqual([]);
  });

  it(`keeps every folder of lib/ to ${MAX_SOURCE_FILES_PER_FOLDER} source files or fewer`, () => {
    const perFolder = new Map<string, number>();
    for (const path of production.keys()) if (within(path, 'lib')) perFolder.set(posix.dirname(path), (perFolder.get(posix.dirname(path)) ?? 0) + 1);
    expect([...perFolder].filter(([, n]) => n > MAX_SOURCE_FILES_PER_FOLDER)).toEqual([]);
  });

  it('catches what it is for: a forbidden import and a cycle, with the file and the import named', () => {
    const sources = new Map([
      ['lib/dvc/a.ts', "import type { B } from './b';\nexport const x = () => import('../github/client');"],
      ['lib/dvc/b.ts', "export { a } from './a';\nimport 'node:fs';"],
      ['lib/github/client.ts', "import { readProject } from '../dvc';"],
      ['lib/dvc/index.ts', ''],
      ['components/Cell.tsx', "import '../entrypoints/background/token-store';"],
      ['lib/page/rows.ts', "import { Cell } from '../../components/Cell';"],
    ]);
    const found = importsOf(sources, new Set([...sources.keys(), 'entrypoints/background/token-store.ts']));
    expect(layerViolations(found)).toEqual([
      "lib/dvc/a.ts imports '../github/client' (lib/github/client.ts): lib/dvc imports only itself (no GitHub, no browser, no other layer)",
      `lib/dvc/b.ts imports 'node:fs': lib/dvc uses only itself and ${[...DVC_PACKAGES].join(', ')}`,
      "lib/github/client.ts imports '../dvc' (lib/dvc/index.ts): lib/github knows nothing of DVC",
      "components/Cell.tsx imports '../entrypoints/background/token-store' (entrypoints/background/token-store.ts): components/ never imports entrypoints/",
      "lib/page/rows.ts imports '../../components/Cell' (components/Cell.tsx): lib/ never imports components/",
    ]);
    expect(importCycles(found)).toEqual(["lib/dvc/a.ts imports './b' → lib/dvc/b.ts imports './a' → lib/dvc/a.ts"]);
  });
});
