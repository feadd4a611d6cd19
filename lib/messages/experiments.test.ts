import { describe, expect, it } from 'vitest';
import { parseRequest } from './index';

describe('parseRequest: experiments', () => {
  const sha = 'a'.repeat(40);
  it('keeps a well-formed page view and drops extra fields', () => {
    expect(parseRequest({ type: 'experiments', repo: { owner: 'o', name: 'r', x: 1 }, list: { ref: 'main' }, shas: [sha], extra: true })).toEqual({
      type: 'experiments',
      repo: { owner: 'o', name: 'r' },
      list: { ref: 'main' },
      shas: [sha],
    });
    expect(parseRequest({ type: 'experiments', repo: { owner: 'o', name: 'r' }, list: { pr: 3 }, shas: [] })).toMatchObject({ list: { pr: 3 } });
  });
  it.each([
    { repo: { owner: 'o' }, list: { ref: 'main' }, shas: [] },
    { repo: { owner: 'o', name: 'r' }, list: {}, shas: [] },
    { repo: { owner: 'o', name: 'r' }, list: { pr: -1 }, shas: [] },
    { repo: { owner: 'o', name: 'r' }, list: { ref: 'main' }, shas: ['abc'] },
    { repo: { owner: 'o', name: 'r' }, list: { ref: 'main' }, shas: 'x' },
    { repo: { owner: 'o', name: 'r' }, list: { ref: 'main' }, shas: Array(251).fill(sha) },
  ])('rejects %j', (value) => expect(parseRequest({ type: 'experiments', ...value })).toBeUndefined());
});
