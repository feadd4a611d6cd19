import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { startFakeGitHub } from '../fake-github/app';
import type { DvcRemoteStore } from '../fake-github/dvc/remote-store';
import { writeExampleGetStarted } from '../fake-github/seed/example-get-started';
import type { FakeServer } from '../fake-github/server';
import { test as base, expect, type ServiceWorkerScope } from './fixtures';
import { signedInStorage } from './signed-in';

const KEY = 'AKIAE2EUPLOAD0000001';
const SECRET = 'e2e-upload-secret-000000000000000000001';

/** Where the world's `.dvc/config` says the S3 endpoint is: the fake itself by default (a host the test build may reach). */
export const FAKE_S3 = (fakeUrl: string) => `${fakeUrl}/_s3`;

/**
 * example-get-started as `acme/egs`, its main moved onto one more commit: a `.dvc/config` naming
 * the fake's S3 endpoint (bucket `egs-data`, prefix `dvc`, kept in `store`; at `endpoint`) as the
 * default remote, and `files` besides.
 */
export function runFormOnS3(store: DvcRemoteStore, files: Record<string, string> = {}, endpoint = FAKE_S3) {
  return base.extend({
    world: [
      async ({}, use) => {
        const seed = await mkdtemp(join(tmpdir(), 'run-form-s3-'));
        await writeExampleGetStarted(seed);
        const fake = await startFakeGitHub({
          seeds: [{ owner: 'acme', name: 'egs', folder: seed }],
          s3: { buckets: { 'egs-data': { prefix: 'dvc', store } }, credentials: [{ accessKeyId: KEY, secretAccessKey: SECRET }] },
        });
        const repo = fake.store.repository('acme', 'egs')!;
        const config = `[core]\n    remote = storage\n['remote "storage"']\n    url = s3://egs-data/dvc\n    endpointurl = ${endpoint(fake.url)}\n`;
        await repo.git.pushFiles('main', { '.dvc/config': config, ...files }, 'Use the S3 remote', { name: 'Seeder', email: 'seed@example.com' });
        await use({ fake, repo: { main: [], branch: [] } });
        await fake.close();
        await rm(seed, { recursive: true, force: true });
      },
      { scope: 'worker' },
    ],
  });
}

/** Signed in, with the S3 key for the world's remote (at `endpoint`) in the background's storage. */
export function signInWithS3Key(background: Worker, endpoint: string): Promise<void> {
  return background.evaluate((items) => (self as unknown as ServiceWorkerScope).chrome.storage.local.set(items), {
    ...signedInStorage('ghp_octocat'),
    remoteCredentials: [{ kind: 's3', url: 's3://egs-data/dvc', endpoint, accessKeyId: KEY, secretAccessKey: SECRET }],
  });
}

/** Commits with the fake holding the first PUT to S3, and cancels the upload mid-way: the form says nothing was committed. */
export async function commitAndCancelMidUpload(form: Page, server: FakeServer): Promise<void> {
  server.faults.add({ match: { method: 'PUT', path: '/_s3/*' }, action: { kind: 'delay', ms: 60_000 }, times: 1 });
  await form.getByRole('button', { name: 'Commit changes' }).click();
  await expect(form.locator('[data-step="upload"]')).toHaveText(/in progress/);
  await expect.poll(() => server.log.some((r) => r.method === 'PUT' && r.path.startsWith('/_s3/'))).toBe(true);
  await form.getByRole('button', { name: 'Cancel upload' }).click();
  await expect(form.getByRole('alert')).toContainText('Upload cancelled: nothing was committed.');
}
