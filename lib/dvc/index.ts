// The public surface of lib/dvc: pure DVC semantics, no GitHub, no browser, no node: modules.
export { fileFormat, type FileFormat } from './format';
export { readPythonParams, type PythonParamLeaf, type PyValue } from './python-params';
