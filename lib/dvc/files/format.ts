/** The four formats DVC reads params (and metrics) files in. */
export type FileFormat = 'yaml' | 'json' | 'toml' | 'python';

/**
 * The format DVC picks for a file, by extension only, as `dvc.utils.serialize.LOADERS` does:
 * `.json`, `.toml` and `.py` by name, everything else (`.yaml`, `.yml`, no extension, anything)
 * falls back to YAML.
 */
export function fileFormat(path: string): FileFormat {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : '';
  if (ext === '.json') return 'json';
  if (ext === '.toml') return 'toml';
  if (ext === '.py') return 'python';
  return 'yaml';
}
