import type { Reproduction } from './pipeline';

/**
 * The CML report the workflow posts: `dvc metrics diff` and `dvc params diff` as markdown
 * tables, then CML's watermark (≥ v0.18.15) tying the comment to the commit that triggered
 * the run — the shape Studio and the extension recognise a CML report by.
 */

export function watermark(sha: string): string {
  return `![](https://cml.dev/watermark.png#${sha} "CML watermark")`;
}

/** A cell as DVC prints it: numbers as they are, missing values as "-". */
function cell(value: unknown): string {
  return value === null || value === undefined ? '-' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function reportBody(sha: string, repro: Reproduction): string {
  const short = sha.slice(0, 7);
  const metricRows = repro.metrics.flatMap(({ path, before, after }) =>
    [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort().map((key) => {
      const old = before?.[key];
      const now = after?.[key];
      const change = typeof old === 'number' && typeof now === 'number' ? Number((now - old).toFixed(4)) : null;
      return [path, key, cell(old), cell(now), cell(change)];
    }),
  );
  const sections = [
    `## Commit Lab: \`dvc repro\` on ${short}`,
    `Stages run: ${repro.ran.join(', ')}`,
    '### Metrics',
    table(['Path', 'Metric', 'HEAD', 'workspace', 'Change'], metricRows),
  ];
  if (repro.params.length > 0) {
    sections.push(
      '### Params',
      table(
        ['Path', 'Param', 'HEAD', 'workspace'],
        repro.params.map((p) => [p.path, p.key, cell(p.before), cell(p.after)]),
      ),
    );
  }
  return `${sections.join('\n\n')}\n\n${watermark(sha)}`;
}
