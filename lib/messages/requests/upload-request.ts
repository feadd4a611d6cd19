import type { RepoRef } from '../../experiments/types';
import type { UploadAsk } from '../../experiments/form/upload-request';
import { isMd5, isSha } from '../fields';
import { repoOf } from './form-model';

export type { UploadRequestReply } from '../../experiments/form/upload-request';

/** The Run form's upload of one object it hashed: to the default remote of `.dvc/config` at `sha`. */
export function parseUploadRequest(message: Readonly<Record<string, unknown>>): ({ repo: RepoRef; sha: string } & UploadAsk) | undefined {
  const repo = repoOf(message.repo);
  const { sha, md5, contentMd5, sha256, generation } = message;
  if (!repo || !isSha(sha) || !isMd5(md5) || typeof contentMd5 !== 'string' || !/^[0-9a-f]{32}$/.test(contentMd5)) return undefined;
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return undefined;
  return generation === '2' || generation === '3' ? { repo, sha, md5, contentMd5, sha256, generation } : undefined;
}
