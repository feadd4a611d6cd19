import { readFile } from 'node:fs/promises';
import { convertWorkflowTemplate, isMapping, isString, parseWorkflow, type TraceWriter } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { SAMPLE_DIR } from '../worlds/demo-source';
import { JOB_NAME, WORKFLOW_NAME, WORKFLOW_PATH } from './workflow';

const SHIPPED = new URL('../../../docs/github-actions/commit-lab.yml', import.meta.url);

describe('the workflow users copy (docs/github-actions/commit-lab.yml)', () => {
  it('parses with GitHub’s own parser without an error or a warning', async () => {
    const messages: string[] = [];
    const trace: TraceWriter = { error: (m) => messages.push(`error: ${m}`), info: (m) => messages.push(`info: ${m}`), verbose: () => {} };
    const parsed = parseWorkflow({ name: 'commit-lab.yml', content: await readFile(SHIPPED, 'utf8') }, trace);
    expect(parsed.context.errors.getErrors()).toEqual([]);
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect(template.errors ?? []).toEqual([]);
    expect(parsed.context.errors.getErrors()).toEqual([]);
    expect(messages).toEqual([]);

    // What the fake's CI plays: this workflow's name, its one job, its triggers.
    const root = parsed.value!;
    expect(isMapping(root)).toBe(true);
    const name = isMapping(root)
      ? [...Array(root.count).keys()].map((i) => root.get(i)).find((p) => isString(p.key) && p.key.value === 'name')?.value
      : undefined;
    expect(name && isString(name) ? name.value : undefined).toBe(WORKFLOW_NAME);
    expect(template.jobs.map((j) => j.id.value)).toEqual([JOB_NAME]);
    expect(Object.keys(template.events).sort()).toEqual(['pull_request', 'push']);
    expect(template.events.pull_request?.types).toEqual(['opened']);
  });

  it('is exactly the file the sample repository carries', async () => {
    const sample = await readFile(`${SAMPLE_DIR}/001-init/${WORKFLOW_PATH}`);
    expect(sample.equals(await readFile(SHIPPED))).toBe(true);
  });
});
