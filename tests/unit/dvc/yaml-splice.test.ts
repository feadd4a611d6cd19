import { describe, expect, it } from 'vitest';
import { parseDocument, type Scalar } from 'yaml';
import { applySplices, prevailingQuote, scalarSplice } from '../../../lib/dvc';
import { FIXTURES, read } from './params-helpers';

// The in-place scalar rewrite that params edits use, applied to real .dvc and dvc.lock files
// (what rewriting a data-file entry needs): only the node's own bytes change.

const parse = (text: string) => parseDocument(text, { intAsBigInt: true });

describe('scalarSplice', () => {
  const dvcFile = read(`${FIXTURES}/iterative__example-get-started/main-06ea489/data/data.xml.dvc`);

  it('replaces an md5 and a size in a real .dvc file, keeping every other byte', () => {
    const doc = parse(dvcFile);
    const md5 = doc.getIn(['outs', 0, 'md5'], true) as Scalar;
    const size = doc.getIn(['outs', 0, 'size'], true) as Scalar;
    const out = applySplices(dvcFile, [
      scalarSplice(dvcFile, doc, md5, 'a304afb96060aad90176268345e10355'),
      scalarSplice(dvcFile, doc, size, 14445098),
    ]);
    expect(out).toBe(
      dvcFile.replace('md5: 22a1a2931c8370d3aeedd7183606fd7f', 'md5: a304afb96060aad90176268345e10355').replace('size: 14445097', 'size: 14445098'),
    );
  });

  it('keeps quotes: the lock schema stays single-quoted', () => {
    const lock = read(`${FIXTURES}/iterative__example-get-started/main-06ea489/dvc.lock`);
    const doc = parse(lock);
    expect(prevailingQuote(doc)).toBe('QUOTE_SINGLE');
    const out = applySplices(lock, [scalarSplice(lock, doc, doc.get('schema', true) as Scalar, '3.0')]);
    expect(out).toBe(lock.replace("schema: '2.0'", "schema: '3.0'"));
  });

  it('quotes a plain string that would read as something else, and keeps kinds', () => {
    const text = 'a: x\nb: 1\n';
    const doc = parse(text);
    expect(applySplices(text, [scalarSplice(text, doc, doc.get('a', true) as Scalar, '123')])).toBe("a: '123'\nb: 1\n");
    expect(() => scalarSplice(text, doc, doc.get('b', true) as Scalar, 'x')).toThrow(/retype/);
    expect(applySplices(text, [scalarSplice(text, doc, doc.get('b', true) as Scalar, 'x', true)])).toBe('a: x\nb: x\n');
  });
});
