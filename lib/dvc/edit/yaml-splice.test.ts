import { describe, expect, it } from 'vitest';
import { parseDocument, type Scalar } from 'yaml';
import { prevailingQuote, replaceScalar, type YamlPlace } from './yaml-splice';
import { applySplices } from './text-splice';
import { FIXTURES } from '../testing/fixture-files';
import { read } from '../testing/params-helpers';

// The in-place scalar rewrite that params edits and rewriteOut use, applied to real .dvc and
// dvc.lock files: only the node's own bytes change.

const parse = (text: string) => parseDocument(text, { intAsBigInt: true });
const PLAIN: YamlPlace = { inFlow: false, quote: 'QUOTE_SINGLE' };

describe('replaceScalar', () => {
  const dvcFile = read(`${FIXTURES}/iterative__example-get-started/main-06ea489/data/data.xml.dvc`);

  it('replaces an md5 and a size in a real .dvc file, keeping every other byte', () => {
    const doc = parse(dvcFile);
    const md5 = doc.getIn(['outs', 0, 'md5'], true) as Scalar;
    const size = doc.getIn(['outs', 0, 'size'], true) as Scalar;
    const out = applySplices(dvcFile, [
      replaceScalar(dvcFile, md5, 'a304afb96060aad90176268345e10355', 'string', PLAIN),
      replaceScalar(dvcFile, size, 14445098, 'int', PLAIN),
    ]);
    expect(out).toBe(
      dvcFile.replace('md5: 22a1a2931c8370d3aeedd7183606fd7f', 'md5: a304afb96060aad90176268345e10355').replace('size: 14445097', 'size: 14445098'),
    );
  });

  it("keeps quotes: a real lock's schema prevails single-quoted and stays so", () => {
    const lock = read(`${FIXTURES}/iterative__example-get-started/main-06ea489/dvc.lock`);
    const doc = parse(lock);
    expect(prevailingQuote(doc)).toBe('QUOTE_SINGLE');
    const out = applySplices(lock, [replaceScalar(lock, doc.get('schema', true) as Scalar, '3.0', 'string', PLAIN)]);
    expect(out).toBe(lock.replace("schema: '2.0'", "schema: '3.0'"));
  });

  it('quotes a plain string that YAML would read as a number', () => {
    const text = 'a: x\nb: 1\n';
    const doc = parse(text);
    expect(applySplices(text, [replaceScalar(text, doc.get('a', true) as Scalar, '123', 'string', PLAIN)])).toBe("a: '123'\nb: 1\n");
  });
});
