import { DvcRemoteStore } from '../fake-github/dvc/remote-store';
import { GET_STARTED_REMOTE, REMOTE_EVAL_METRICS, seedRemoteMetrics } from '../fake-github/seed/remote-metrics';
import { startTestGitHub, type TestGitHub } from '../fake-github/worlds/test-repos';
import { CELL_ATTRIBUTE } from '../../lib/page/overlay';
import { formatMetric } from '../../lib/dvc';
import { test as base, expect, type ServiceWorkerScope } from './fixtures';
import { signedInStorage } from './signed-in';

/** The usual world with a DVC HTTP remote, and example-get-started seeded as `acme/egs` with main's eval/ only in that remote. */
const test = base.extend<Record<never, never>, { world: TestGitHub; egs: { main: string } }>({
  world: [
    async ({}, use) => {
      const store = new DvcRemoteStore();
      const world = await startTestGitHub({ dvcRemotes: { [GET_STARTED_REMOTE]: store } });
      (world as TestGitHub & { remote: DvcRemoteStore }).remote = store;
      await use(world);
      await world.fake.close();
    },
    { scope: 'worker' },
  ],
  egs: [
    async ({ world }, use) => use(await seedRemoteMetrics(world.fake, (world as TestGitHub & { remote: DvcRemoteStore }).remote)),
    { scope: 'worker', timeout: 60_000 },
  ],
});

const TOKEN = 'ghp_e2eRemoteMetrics0123456789';
// Credentials for this remote (basic auth) and for another one (S3): neither may reach any other host.
const BASIC_PASSWORD = 'e2e-remote-password-0123';
const S3_SECRET = 'e2e-other-s3-secret-0123456789';

test('a commit page of example-get-started shows eval/metrics.json read from the DVC remote', async ({ page, background, requests, egs, server }) => {
  const remoteUrl = `${server.url}/_dvc/${GET_STARTED_REMOTE}`;
  await background.evaluate((values) => (self as unknown as ServiceWorkerScope).chrome.storage.local.set(values), {
    ...signedInStorage(TOKEN),
    remoteCredentials: [
      { kind: 'basic', url: remoteUrl, user: 'ann', password: BASIC_PASSWORD },
      { kind: 's3', url: 's3://other-bucket/dvc', endpoint: 'https://minio.example.org', accessKeyId: 'AKIAOTHER', secretAccessKey: S3_SECRET },
    ],
  });
  server.log.length = 0;
  await page.goto('https://github.com/acme/egs/commits/main');
  // The test build may read 127.0.0.1 (its manifest's host), as if the user had allowed the remote's host.
  // Main's metric columns (the page's first metrics: eval/metrics.json's) show the remote's values, marked so.
  const mainMetrics = page.locator(`[${CELL_ATTRIBUTE}="${egs.main}"] .cl-metric`);
  const expected = Object.entries(REMOTE_EVAL_METRICS).flatMap(([name, split]) =>
    Object.entries(split).map(([key, value]) => `eval/metrics.json:${name}.${key} = ${formatMetric(value)} (read from the DVC remote)`),
  );
  await expect
    .poll(
      async () =>
        (await mainMetrics.evaluateAll((cells) => cells.map((c) => c.getAttribute('title') ?? ''))).filter((t) => expected.some((e) => t.startsWith(e))).length,
      {
        timeout: 20_000,
      },
    )
    .toBeGreaterThan(0);

  // The 2023 baseline records an eval/live directory never pushed to this remote: its row says so, the page stands.
  const notPushed = page.locator('.cl-problem[title*="is not in the DVC remote"]');
  await expect(page.locator(`[${CELL_ATTRIBUTE}]`).filter({ has: notPushed })).toHaveCount(1);

  // The background read main's manifest and metrics.json (and tried the baseline's manifest), with the basic auth entered for this remote.
  const remoteReads = server.log.filter((r) => r.path.startsWith(`/_dvc/${GET_STARTED_REMOTE}/`));
  expect(remoteReads.map((r) => r.status).sort()).toEqual([200, 200, 404]);
  const basic = `Basic ${Buffer.from(`ann:${BASIC_PASSWORD}`).toString('base64')}`;
  for (const r of remoteReads) expect(r.headers.authorization).toBe(basic);
  // No other request, to the fake's GitHub or anywhere the browser went, carried either credential.
  for (const r of server.log.filter((r) => !remoteReads.includes(r)))
    expect(JSON.stringify(r.headers)).not.toMatch(new RegExp(`${basic}|${S3_SECRET}|AKIAOTHER`));
  expect(requests.filter((r) => r.url.startsWith(remoteUrl)).every((r) => r.fromServiceWorker)).toBe(true);
  expect(requests.some((r) => r.url.includes('minio.example.org'))).toBe(false);
});
