/**
 * Matches a concrete request path against OpenAPI path templates. GitHub lets two parameters
 * span slashes: `{path}` (contents/dir/file.txt) and `{ref}` (git/refs/heads/feature/x,
 * commits/feature/x/status); every other parameter is one segment. When several templates
 * match, the one with the most literal text wins (`commits/{ref}/status` over a looser one).
 */
const MULTI_SEGMENT = new Set(['path', 'ref']);

export interface CompiledTemplate<T> {
  template: string;
  value: T;
  regex: RegExp;
  names: string[];
  literalLength: number;
}

export function compileTemplate<T>(template: string, value: T): CompiledTemplate<T> {
  const names: string[] = [];
  let literalLength = 0;
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part);
      if (!param) {
        literalLength += part.length;
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
      names.push(param[1]!);
      return MULTI_SEGMENT.has(param[1]!) ? '(.+?)' : '([^/]+)';
    })
    .join('');
  return { template, value, regex: new RegExp(`^${source}$`), names, literalLength };
}

export function matchTemplate<T>(
  templates: readonly CompiledTemplate<T>[],
  path: string,
): { template: CompiledTemplate<T>; params: Record<string, string> } | undefined {
  let best: { template: CompiledTemplate<T>; params: Record<string, string> } | undefined;
  for (const template of templates) {
    const m = template.regex.exec(path);
    if (!m) continue;
    if (best && best.template.literalLength >= template.literalLength) continue;
    let params: Record<string, string>;
    try {
      params = Object.fromEntries(template.names.map((name, i) => [name, decodeURIComponent(m[i + 1]!)]));
    } catch {
      continue;
    }
    best = { template, params };
  }
  return best;
}
