// The public surface of lib/dvc: pure DVC semantics, no GitHub, no browser, no node: modules.
export { fileFormat, type FileFormat } from './format';
export { createMd5, md5Of, type HashGeneration, type Md5Hasher } from './md5';
export { dirManifest, dirMd5, type DirEntry } from './dir-hash';
export { importMd5 } from './import-md5';
export { rewriteOut, type OutHash, type RewriteContext } from './rewrite-out';
export { parseDvcConfig, dvcRemote, type DvcConfig, type DvcRemote, type ConfigValue } from './dvc-config';
export { remoteObjectUrl, type RemoteObject } from './remote-url';
export { readPythonParams, type PythonParamLeaf, type PyValue } from './python-params';
export { readProject } from './read-project';
export { diffParams, diffMetrics, formatMetric, type DiffOptions, type ParamChange, type MetricChange } from './diff';
export { flattenLeaves, nestLeaves, type Leaf } from './flatten';
export { parseYaml, MAX_YAML_ALIASES } from './parse-yaml';
export { duplicateKey } from './yaml-duplicate-key';
export { parseDataFile } from './parse-data';
export { decodeText, MAX_FILE_BYTES } from './text';
export type {
  CachedMetric, DataObject, DataValue, ImagePlot, Input, Metric, MetricValue, Param, Plot, PlotFile, Problem,
  Project, ReadFile, VegaPlot,
} from './types';
export { editParams, type ParamEdit } from './edit/edit-params';
export type { ParamValue, ValueKind } from './edit/value';
export { applySplices, type Splice } from './text-splice';
export { prevailingQuote, replaceScalar, scalarSplice, type YamlPlace } from './edit/yaml-splice';
