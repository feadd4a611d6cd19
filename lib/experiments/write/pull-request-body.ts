import type { ExperimentPlan, PlannedDataChange } from './plan';

/**
 * Text as a Markdown code span inside a table cell: repository content is shown as text, never
 * as Markdown or HTML. The fence is longer than any run of backticks inside, and `|` is escaped
 * because GitHub splits table cells on it even inside code spans.
 */
function cell(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ')}${pad}${fence}`;
}

function content(side: { md5?: string; size?: number }): string {
  if (side.md5 === undefined) return '—';
  return side.size === undefined ? cell(side.md5) : `${cell(side.md5)} (${side.size} bytes)`;
}

function dataRow(change: PlannedDataChange): string {
  return `| ${cell(change.path)} | ${content(change.before)} | ${content(change.after)} |`;
}

/**
 * The body of an experiment's pull request: the user's description, then one Markdown table of
 * what the commit changes — each param, old → new, each data file replaced (its md5 and size
 * before and after), and each file kept in git given new content (its new size). Without changes
 * to show, the description alone.
 */
export function pullRequestBody(description: string, plan: Pick<ExperimentPlan, 'params' | 'data' | 'replaced'>): string {
  const rows = [
    ...plan.params.map((p) => `| ${cell(`${p.file}:${p.key}`)} | ${cell(p.before)} | ${cell(p.after)} |`),
    ...plan.data.map(dataRow),
    ...plan.replaced.map((r) => `| ${cell(r.path)} | — | new content (${r.size} bytes) |`),
  ];
  const table = rows.length === 0 ? '' : ['| Changed | Before | After |', '| --- | --- | --- |', ...rows].join('\n');
  return [description.trim(), table].filter(Boolean).join('\n\n');
}
