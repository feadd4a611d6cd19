// The public surface of lib/dvc: pure DVC semantics, no GitHub, no browser, no node: modules.
export { fileFormat, type FileFormat } from './format';
export { readPythonParams, type PythonParamLeaf, type PyValue } from './python-params';
export { editParams, type ParamEdit } from './edit/edit-params';
export type { ParamValue, ValueKind } from './edit/value';
export { applySplices, type Splice } from './edit/splice';
export { prevailingQuote, replaceScalar, scalarSplice, type YamlPlace } from './edit/yaml-splice';
