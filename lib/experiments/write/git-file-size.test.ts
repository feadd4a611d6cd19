import { describe, expect, it } from 'vitest';
import { gitFileSize } from './git-file-size';

// GitHub's docs (about-large-files-on-github, data/variables/large_files.yml): warned above 50 MB, blocked above 100 MB.
const MB = 1024 * 1024;

describe('gitFileSize', () => {
  it('says nothing up to 50 MB, warns above it, refuses above 100 MB', () => {
    expect(gitFileSize('a.bin', 0)).toEqual({ level: 'ok' });
    expect(gitFileSize('a.bin', 50 * MB)).toEqual({ level: 'ok' });
    expect(gitFileSize('a.bin', 50 * MB + 1)).toEqual({
      level: 'warned',
      text: 'a.bin is 50.0 MiB (52,428,801 bytes): GitHub warns about files larger than 50 MB (52,428,800 bytes) and suggests Git LFS or DVC; the commit still goes through.',
    });
    expect(gitFileSize('a.bin', 100 * MB)).toMatchObject({ level: 'warned' });
    expect(gitFileSize('a.bin', 100 * MB + 1)).toEqual({
      level: 'refused',
      text: 'a.bin is 100.0 MiB (104,857,601 bytes): GitHub refuses files larger than 100 MB (104,857,600 bytes), so it cannot be committed. Keep it in DVC instead.',
    });
  });
});
