/**
 * Global node ids. GitHub's are opaque `<PREFIX>_<base64>` strings (R_ repository, REF_ ref,
 * C_ commit, PR_ pull request, U_ user …); clients only hand them back. The fake encodes
 * `<owner>/<name>:<key>` so `node(id:)`, createRef's repositoryId and a branch `id` resolve.
 */
export type NodeKind = 'R' | 'REF' | 'C' | 'B' | 'T' | 'PR' | 'U' | 'CC' | 'IC' | 'CR' | 'SC' | 'CS' | 'WFR' | 'SCR' | 'PRC' | 'ST';

export function nodeId(kind: NodeKind, key: string): string {
  return `${kind}_${Buffer.from(key, 'utf8').toString('base64url')}`;
}

export function parseNodeId(id: string): { kind: NodeKind; key: string } | null {
  const m = /^([A-Z]+)_([A-Za-z0-9_-]+)$/.exec(id);
  if (!m) return null;
  return { kind: m[1] as NodeKind, key: Buffer.from(m[2]!, 'base64url').toString('utf8') };
}
