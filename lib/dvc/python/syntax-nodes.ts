import type { SyntaxNode } from '@lezer/common';

/** The direct children of a Lezer syntax node, in source order. */
export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}
