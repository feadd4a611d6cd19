import { describe, expect, it } from 'vitest';
import { endpointsOf, enterpriseOriginOf } from './host';

describe('GitHub hosts', () => {
  it('github.com has its API on api.github.com; GHES serves /api/v3, /api/graphql and /login/... itself', () => {
    expect(endpointsOf('https://github.com')).toEqual({
      origin: 'https://github.com',
      api: { rest: 'https://api.github.com', graphql: 'https://api.github.com/graphql' },
      deviceCode: 'https://github.com/login/device/code',
      accessToken: 'https://github.com/login/oauth/access_token',
    });
    expect(endpointsOf('https://ghe.example.com')).toEqual({
      origin: 'https://ghe.example.com',
      api: { rest: 'https://ghe.example.com/api/v3', graphql: 'https://ghe.example.com/api/graphql' },
      deviceCode: 'https://ghe.example.com/login/device/code',
      accessToken: 'https://ghe.example.com/login/oauth/access_token',
    });
  });

  it('takes a host as typed: bare, with https, or a page URL on it', () => {
    for (const typed of ['ghe.example.com', ' https://ghe.example.com/ ', 'https://ghe.example.com/acme/mnist/commits/main']) {
      expect(enterpriseOriginOf(typed)).toBe('https://ghe.example.com');
    }
    expect(enterpriseOriginOf('ghe.example.com:8443')).toBe('https://ghe.example.com:8443');
    expect(enterpriseOriginOf('http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000');
  });

  it('refuses plain http off the loopback host, credentials in the URL, and github.com itself', () => {
    expect(() => enterpriseOriginOf('http://ghe.example.com')).toThrow('GitHub Enterprise Server is reached over https');
    expect(() => enterpriseOriginOf('https://me:pw@ghe.example.com')).toThrow(/no user name or password/);
    expect(() => enterpriseOriginOf('github.com')).toThrow(/github.com needs no host entry/);
    expect(() => enterpriseOriginOf('api.github.com')).toThrow(/github.com needs no host entry/);
    expect(() => enterpriseOriginOf('not a host')).toThrow(/is not a host name/);
  });
});
