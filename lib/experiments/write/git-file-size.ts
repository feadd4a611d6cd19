/**
 * GitHub's limits on one file in a repository ("About large files on GitHub"; the values are
 * `warning_size: '50 MB'` and `max_github_size: '100 MB'` in GitHub's docs, data/variables/large_files.yml):
 * a push is warned about above the first and blocked above the second. GitHub counts these MB
 * in 1024² bytes, as its push messages and the form's sizes do.
 */
export const GITHUB_WARNED_SIZE = 50 * 1024 * 1024;
export const GITHUB_FILE_LIMIT = 100 * 1024 * 1024;

/** What GitHub makes of a file of `size` bytes, said for `path`: fine, warned about, or refused. */
export type GitFileSize = { level: 'ok' } | { level: 'warned' | 'refused'; text: string };

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
const exact = (bytes: number) => `${bytes.toLocaleString('en-US')} bytes`;

/** The refusal of a file above GitHub's limit, in words. */
export const tooLarge = (path: string, size: number) =>
  `${path} is ${mib(size)} (${exact(size)}): GitHub refuses files larger than 100 MB (${exact(GITHUB_FILE_LIMIT)}), so it cannot be committed. Keep it in DVC instead.`;

export function gitFileSize(path: string, size: number): GitFileSize {
  if (size > GITHUB_FILE_LIMIT) return { level: 'refused', text: tooLarge(path, size) };
  if (size > GITHUB_WARNED_SIZE)
    return {
      level: 'warned',
      text: `${path} is ${mib(size)} (${exact(size)}): GitHub warns about files larger than 50 MB (${exact(GITHUB_WARNED_SIZE)}) and suggests Git LFS or DVC; the commit still goes through.`,
    };
  return { level: 'ok' };
}
