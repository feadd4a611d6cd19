/**
 * Whether a comment body is a CML report: CML appends a watermark image to every report it
 * posts, and the watermark is what Studio keyed on. The two patterns are the detection regexes
 * of the research notes (dvc-studio-cml §4.2), derived from iterative/cml `src/watermark.js`
 * and the history of `src/cml.js`:
 *
 * - v0.2.2 – v0.18.7: `![CML watermark](https://raw.githubusercontent.com/iterative/cml/<branch>/assets/watermark.svg)`
 * - v0.18.8 – v0.18.14: `![](https://cml.dev/watermark.png "CML watermark<space+label>")`
 * - v0.18.15 and later: `![](https://cml.dev/watermark.png#<trigger sha> "CML watermark<space+label>")`
 */

export interface CmlWatermark {
  /** `svg`: CML ≤ v0.18.7; `png`: v0.18.8 – v0.18.14; `png-sha`: v0.18.15+, with the commit the report was made for. */
  generation: 'svg' | 'png' | 'png-sha';
  /** The `#<sha>` fragment, lower case: a full or abbreviated SHA of the commit CI ran for. */
  sha?: string;
  /** `--watermark-title`, with CML's Markdown escapes (`\_ \* \[ \<`) undone. */
  label?: string;
  /** The `<sha7>` first line that `cml send-comment --pr` (before v0.18.14) put above the report. */
  sha7Line?: string;
}

const PNG = /!\[\]\(https:\/\/cml\.dev\/watermark\.png(?:#([0-9a-fA-F]+))? "CML watermark([^"]*)"\)/g;
const SVG = /!\[CML watermark\]\(https:\/\/raw\.githubusercontent\.com\/iterative\/cml\/[^/]+\/assets\/watermark\.svg\)/g;
/** Old `--pr` comments: `<sha7>\n\n<report>`. */
const SHA7_LINE = /^([0-9a-f]{7})[ \t]*\r?$/;

/** The watermark a comment body carries outside code and quotes (the last one, as CML appends it), or undefined. */
export function cmlWatermark(body: string): CmlWatermark | undefined {
  let found: CmlWatermark | undefined;
  for (const line of proseLines(body)) {
    for (const m of line.matchAll(PNG)) {
      const label = unescapeTitle(m[2]!.replace(/^ /, ''));
      found = { generation: m[1] ? 'png-sha' : 'png', ...(m[1] ? { sha: m[1].toLowerCase() } : {}), ...(label ? { label } : {}) };
    }
    if (SVG.test(line)) found = { generation: 'svg' };
    SVG.lastIndex = 0;
  }
  if (!found) return undefined;
  const sha7 = SHA7_LINE.exec(body.split('\n', 1)[0] ?? '')?.[1];
  return sha7 ? { ...found, sha7Line: sha7 } : found;
}

/** CML escapes these four in the title (`src/watermark.js`). */
function unescapeTitle(title: string): string {
  return title.replace(/\\([_*[<])/g, '$1');
}

/**
 * The lines of a Markdown body that GitHub renders as prose, with inline code spans blanked: a
 * watermark shown inside a fenced or indented code block, an inline code span or a block quote
 * is someone talking about a report, not a report.
 */
function proseLines(body: string): string[] {
  const out: string[] = [];
  let fence: { char: string; length: number } | null = null;
  let previousBlank = true;
  let inIndentedCode = false;
  for (const line of body.split('\n')) {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      const close = opener?.[1];
      if (close && close[0] === fence.char && close.length >= fence.length && line.trim() === close) fence = null;
      previousBlank = false;
      continue;
    }
    if (opener) {
      fence = { char: opener[1]![0]!, length: opener[1]!.length };
      continue;
    }
    const blank = line.trim() === '';
    // An indented code block starts after a blank line (it cannot interrupt a paragraph) and runs until a non-indented line.
    inIndentedCode = !blank && /^( {4}|\t)/.test(line) && (previousBlank || inIndentedCode);
    previousBlank = blank;
    if (inIndentedCode || /^ {0,3}>/.test(line)) continue;
    out.push(line.replace(/(`+)(?:(?!\1).)+?\1/g, ''));
  }
  return out;
}
