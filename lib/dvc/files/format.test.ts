import { describe, expect, it } from 'vitest';
import { fileFormat } from '..';

// dvc/utils/serialize: LOADERS is a defaultdict falling back to YAML for any other extension.
describe('fileFormat', () => {
  it.each([
    ['params.yaml', 'yaml'],
    ['conf/params.yml', 'yaml'],
    ['params.json', 'json'],
    ['params.toml', 'toml'],
    ['src/config.py', 'python'],
    ['params', 'yaml'],
    ['.hidden', 'yaml'],
    ['PARAMS.JSON', 'json'],
    ['dir.json/params.txt', 'yaml'],
  ])('%s is read as %s', (path, format) => {
    expect(fileFormat(path)).toBe(format);
  });
});
