import { browser } from 'wxt/browser';
import { uploadRequest, type UploadRequestReply } from '../../../lib/experiments/form/upload-request';
import { DVC_CONFIG } from '../../../lib/experiments/remote-rows';
import { readFilesAt } from '../../../lib/github/reads';
import type { Request } from '../../../lib/messages';
import { remoteAccess } from '../../../lib/remote';
import type { BackgroundContext } from '../context';
import { deniedOrigins } from '../remote-settings';

/** `upload-request`: `.dvc/config` read here at the commit (never taken from the page), then HEAD and a PUT signed with that remote's own credential. */
export async function uploadRequestHandler(request: Request<'upload-request'>, context: BackgroundContext): Promise<UploadRequestReply> {
  const { repo, sha, ...ask } = request;
  const answer = await context.github.call((client) => readFilesAt(client, repo, [{ commit: sha, paths: [DVC_CONFIG] }]), `${repo.owner}/${repo.name}`);
  const dvcConfig = answer.get(sha)?.files.get(DVC_CONFIG)?.text ?? null;
  return uploadRequest(dvcConfig, ask, {
    fetch: (input, init) => fetch(input, init),
    credentials: await context.remote.credentials(),
    access: (url) => remoteAccess(url, browser.permissions, deniedOrigins),
  });
}
