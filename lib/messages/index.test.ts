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
