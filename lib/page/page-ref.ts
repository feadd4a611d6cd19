import { query, selectors } from './selectors';

export interface PageRef {
  /** The ref as GitHub resolved it; may contain `/`. */
  name: string;
  /** Path of a file-history list ('' for the whole repository). */
  path: string;
}

/**
 * The ref a repository commit list shows, read from the page's embedded data: only the server
 * knows where a ref containing `/` ends and the path starts. Undefined when the data is missing
 * or not shaped as expected.
 */
export function pageRefOf(root: ParentNode): PageRef | undefined {
  const text = query(root, selectors.commitsData)?.textContent;
  if (!text) return undefined;
  try {
    const data: unknown = JSON.parse(text);
    const payload = field(data, 'payload');
    const name = field(field(payload, 'refInfo'), 'name');
    const path = field(payload, 'path');
    return typeof name === 'string' ? { name, path: typeof path === 'string' ? path : '' } : undefined;
  } catch {
    return undefined;
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
