import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { signedInLogin } from './page-login';

const page = (head: string) =>
  new new Window().DOMParser().parseFromString(`<html><head>${head}</head><body></body></html>`, 'text/html') as unknown as Document;

describe('signedInLogin', () => {
  it("reads the signed-in user's login from GitHub's user-login meta", () => {
    expect(signedInLogin(page('<meta name="user-login" content="octocat">'))).toBe('octocat');
  });

  it('is null when signed out (empty meta) or when the meta is missing', () => {
    expect(signedInLogin(page('<meta name="user-login" content="">'))).toBeNull();
    expect(signedInLogin(page('<meta name="viewport" content="width=device-width">'))).toBeNull();
  });
});
