import { describe, expect, it } from 'vitest';
import { parseRequest } from './index';

describe('parseRequest', () => {
  it('accepts the known requests', () => {
    expect(parseRequest({ type: 'token-status' })).toEqual({ type: 'token-status' });
    expect(parseRequest({ type: 'token-save', token: 'ghp_x' })).toEqual({ type: 'token-save', token: 'ghp_x' });
    expect(parseRequest({ type: 'token-clear', extra: 1 })).toEqual({ type: 'token-clear' });
  });

  it.each([null, 'token-status', 42, {}, { type: 'nope' }, { type: 'token-save' }, { type: 'token-save', token: 7 }])('rejects %j', (value) =>
    expect(parseRequest(value)).toBeUndefined(),
  );
});

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
  ])('rejects %j', (value) => expect(parseRequest({ type: 'experiments', ...value })).toBeUndefined());
});
