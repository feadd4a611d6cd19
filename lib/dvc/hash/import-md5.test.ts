import { describe, expect, it } from 'vitest';
import { importMd5 } from '..';
import { fixtureText } from '../testing/fixture-files';

describe('importMd5 recomputes the stage md5 DVC wrote into real import .dvc files', () => {
  it.each([
    ['iterative__example-get-started/main-06ea489/data/data.xml.dvc', 'f5ea021eddd7b1df6de80b904cba1da6'],
    ['iterative__example-get-started/legacy-2021-pr16-82cb5d1/data/data.xml.dvc', 'a7cd139231cc35ed63541ce3829b96db'],
    ['iterative__example-get-started/studio-commit-pr46-a9d6176/data/data.xml.dvc', '22466731a568fe3bce1ce30913573880'],
  ])('%s', (path, md5) => {
    const text = fixtureText(path);
    expect(text.startsWith(`md5: ${md5}\n`)).toBe(true);
    expect(importMd5(text)).toBe(md5);
  });

  it('ignores what compute_md5 ignores: desc, frozen, size, a default wdir, explicit defaults', () => {
    const base = fixtureText('iterative__example-get-started/main-06ea489/data/data.xml.dvc');
    const annotated = base
      .replace('frozen: true', 'frozen: false\nwdir: .\ndesc: top')
      .replace('  size: 14445097', '  size: 1\n  desc: d\n  cache: true\n  push: true\n  isexec: true');
    expect(importMd5(annotated)).toBe('f5ea021eddd7b1df6de80b904cba1da6');
  });

  it('changes when a hashed field changes', () => {
    const base = fixtureText('iterative__example-get-started/main-06ea489/data/data.xml.dvc');
    expect(importMd5(base.replace('rev_lock: f59388cd', 'rev_lock: 059388cd'))).not.toBe('f5ea021eddd7b1df6de80b904cba1da6');
    expect(importMd5(base.replace('  hash: md5\n', ''))).not.toBe('f5ea021eddd7b1df6de80b904cba1da6');
  });
});
