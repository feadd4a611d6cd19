import { describe, expect, it } from 'vitest';
import { parseRequest } from './index';

describe('parseRequest', () => {
  it('accepts the known requests, with their string fields only', () => {
    expect(parseRequest({ type: 'token-status' })).toEqual({ type: 'token-status' });
    expect(parseRequest({ type: 'token-save', token: 'ghp_x', origin: 'https://github.com' })).toEqual({
      type: 'token-save',
      token: 'ghp_x',
      origin: 'https://github.com',
    });
    expect(parseRequest({ type: 'token-clear', extra: 1 })).toEqual({ type: 'token-clear' });
    expect(parseRequest({ type: 'device-start', origin: 'https://ghe.example.com', clientId: 'Iv23li' })).toEqual({
      type: 'device-start',
      origin: 'https://ghe.example.com',
      clientId: 'Iv23li',
    });
    expect(parseRequest({ type: 'host-remove', origin: 'https://ghe.example.com' })).toEqual({ type: 'host-remove', origin: 'https://ghe.example.com' });
  });

  it.each([
    null,
    'token-status',
    42,
    {},
    { type: 'nope' },
    { type: 'toString' },
    { type: 'token-save', token: 'ghp_x' },
    { type: 'token-save', token: 7, origin: 'https://github.com' },
    { type: 'device-start', origin: 'https://github.com' },
    { type: 'host-add', origin: ['https://x'] },
  ])('rejects %j', (value) => expect(parseRequest(value)).toBeUndefined());
});
