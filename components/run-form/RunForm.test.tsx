// @vitest-environment happy-dom
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { readProject } from '../../lib/dvc';
import type { FormModel } from '../../lib/experiments/form/project-at-commit';
import type { Request, RequestType } from '../../lib/messages';
import { DVC_FIXTURES } from '../../tests/fixture-paths';
import { RunForm } from './RunForm';

// The real example-get-started at main: data/data.xml is a DVC 3.x data source.
const MAIN = join(DVC_FIXTURES, 'iterative__example-get-started', 'main-06ea489');
const filesOf = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(MAIN, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [relative(MAIN, join(entry.parentPath, entry.name)).replaceAll('\\', '/'), readFileSync(join(entry.parentPath, entry.name), 'utf8')]),
  );
const SHA = '06ea48910a1b0d3f6d3c0e4a1e5b0c0c2b1a0f9e';
const ORIGIN = 'https://s3.example.org/*';

/** The background as the form meets it: the remote's host not allowed until the grant, then the object present. */
const background = vi.hoisted(() => ({ allowed: false, asked: [] as { type: string }[], requested: [] as string[] }));

vi.mock('../../lib/messages', async (original) => ({
  ...(await original<typeof import('../../lib/messages')>()),
  ask: vi.fn(async (request: Request<RequestType>) => {
    background.asked.push(request);
    switch (request.type) {
      case 'form-model': {
        const files = filesOf();
        const project = await readProject(async (path) => files[path] ?? null, Object.keys(files));
        return { ok: true, model: { sha: SHA, project, files } satisfies FormModel };
      }
      case 'branch-head':
        return { ok: true, head: null };
      case 'upload-request':
        return background.allowed
          ? { ok: true, present: true, url: 'https://s3.example.org/bucket/x' }
          : { ok: false, failure: { kind: 'permission', host: 's3.example.org', origin: ORIGIN, denied: false } };
      case 'commit-experiment':
        return new Promise(() => {});
      default:
        throw new Error(`unexpected ${request.type}`);
    }
  }),
}));
vi.mock('../ask-for-remote-host', () => ({
  askForRemoteHost: (origin: string) => {
    background.requested.push(origin);
    background.allowed = true;
    return Promise.resolve(true);
  },
}));

describe('RunForm: a remote host not yet allowed', () => {
  it('offers the grant after the refused upload; once granted, the upload and the commit go on in the same form', async () => {
    render(<RunForm owner="acme" repo="egs" sha={SHA} baseRef="main" login="octocat" />);
    const upload = await screen.findByLabelText('Upload a new file for data/data.xml');
    fireEvent.change(upload, { target: { files: [new File(['<posts/>\n'], 'data.xml')] } });
    await screen.findByText(/New file data.xml/);
    fireEvent.click(screen.getByLabelText(/Commit directly to/));
    await screen.findByText(/md5 22a1a293 → 16f4c5b0/);
    // happy-dom does not submit a form from its button's click: submit it as the click would.
    fireEvent.submit(screen.getByRole('form', { name: 'Run an experiment' }));
    const grant = await screen.findByRole('button', { name: 'Allow uploads to s3.example.org' });
    expect(background.asked.filter((r) => r.type === 'commit-experiment')).toHaveLength(0);

    fireEvent.click(grant);
    await vi.waitFor(() => expect(background.asked.filter((r) => r.type === 'commit-experiment')).toHaveLength(1));
    expect(background.requested).toEqual([ORIGIN]);
    expect(background.asked.filter((r) => r.type === 'upload-request')).toHaveLength(2);
    const commit = background.asked.find((r) => r.type === 'commit-experiment') as Request<'commit-experiment'>;
    expect(commit.plan.data.map((d) => [d.path, d.after.md5])).toEqual([['data/data.xml', '16f4c5b0fc1462a58099b66c326c80a8']]);
  });
});
