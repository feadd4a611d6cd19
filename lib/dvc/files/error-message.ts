/** One line for a problem: parsers' multi-line messages (with source excerpts) cut to their first line. */
export function errorMessage(e: unknown): string {
  // A stack overflow inside a parser: the document nests deeper than any real one.
  if (e instanceof RangeError || (e instanceof Error && e.name === 'RangeError')) return 'too deeply nested';
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}
