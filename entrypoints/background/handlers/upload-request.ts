import { browser } from 'wxt/browser';
import { uploadRequest, type UploadRequestReply } from '../../../lib/experiments/form/upload-request';
import { DVC_CONFIG } from '../../../lib/experiments/remote-rows';
import { readFilesAt } from '../../../lib/github/reads';
import type { Request } from '../../../lib/messages';
import { remoteAccess } from '../../../lib/remote';
import type { BackgroundContext } from '../context';
import { deniedOrigins } from '../remote-settings';

/** `.dvc/config` at the commits asked about lately: a folder's upload asks once per object, and a file at a commit never changes. */
const configs = new Map<string, Promise<string | null>>();
const KEPT_CONFIGS = 8;

function dvcConfigAt(repo: Request<'upload-request'>['repo'], sha: string, context: BackgroundContext): Promise<string | null> {
  const key = `${repo.owner}/${repo.name}@${sha}`;
  let config = configs.get(key);
  if (!config) {
    config = context.github
      .call((client) => readFilesAt(client, repo, [{ commit: sha, paths: [DVC_CONFIG] }]), `${repo.owner}/${repo.name}`)
      .then((answer) => answer.get(sha)?.files.get(DVC_CONFIG)?.text ?? null);
    configs.set(key, config);
    config.catch(() => configs.delete(key));
    if (configs.size > KEPT_CONFIGS) configs.delete(configs.keys().next().value!);
  }
  return config;
}

/** `upload-request`: `.dvc/config` read here at the commit (never taken from the page), then HEAD and a PUT signed with that remote's own credential. */
export async function uploadRequestHandler(request: Request<'upload-request'>, context: BackgroundContext): Promise<UploadRequestReply> {
  const { repo, sha, ...ask } = request;
  const dvcConfig = await dvcConfigAt(repo, sha, context);
  return uploadRequest(dvcConfig, ask, {
    fetch: (input, init) => fetch(input, init),
    credentials: await context.remote.credentials(),
    access: (url) => remoteAccess(url, browser.permissions, deniedOrigins),
  });
}
