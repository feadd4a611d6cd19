// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { TokenStatus } from '../lib/messages';
import { PopupAccount } from './PopupAccount';
import { SignInOptions, type SignInActions } from './SignInOptions';

const SIGNED_OUT: TokenStatus = { set: false, hosts: [], clientIds: {} };
const MONA: TokenStatus = {
  set: true,
  account: {
    origin: 'https://ghe.example.com',
    login: 'mona',
    avatarUrl: 'https://ghe.example.com/avatars/u/1',
    kind: 'fine-grained',
    lacks: [],
    repoLacks: { 'acme/mnist': 'cannot read check runs: CI status comes from workflow runs' },
  },
  hosts: ['https://ghe.example.com'],
  clientIds: {},
};

function actions(overrides: Partial<SignInActions> = {}): SignInActions {
  const fail = async () => Promise.reject(new Error('not expected'));
  return { load: async () => SIGNED_OUT, saveToken: fail, signOut: fail, startDevice: fail, waitDevice: fail, addHost: fail, removeHost: fail, ...overrides };
}

describe('SignInOptions', () => {
  it('sends the pasted token for the chosen host, empties the field and shows who signed in with what they cannot do', async () => {
    const saveToken = vi.fn(async () => MONA);
    render(<SignInOptions {...actions({ load: async () => ({ ...SIGNED_OUT, hosts: ['https://ghe.example.com'] }), saveToken })} />);
    fireEvent.change(await screen.findByLabelText('GitHub'), { target: { value: 'https://ghe.example.com' } });
    const input = screen.getByLabelText('GitHub personal access token');
    fireEvent.input(input, { target: { value: 'github_pat_x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Signed in as mona on ghe.example.com')).toBeTruthy();
    expect(saveToken).toHaveBeenCalledWith('github_pat_x', 'https://ghe.example.com');
    expect((input as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('lacks').textContent).toBe('acme/mnist: cannot read check runs: CI status comes from workflow runs');
    expect(screen.getByTestId('account').textContent).toContain('fine-grained personal access token');
  });

  it('keeps the field and shows the background’s refusal in words', async () => {
    render(<SignInOptions {...actions({ saveToken: async () => Promise.reject(new Error('GitHub did not accept your token')) })} />);
    const input = await screen.findByLabelText('GitHub personal access token');
    fireEvent.input(input, { target: { value: 'ghp_old' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('GitHub did not accept your token')).toBeTruthy();
    expect((input as HTMLInputElement).value).toBe('ghp_old');
  });

  it('shows the device code and its verification link while waiting, then the account', async () => {
    let approve: (status: TokenStatus) => void = () => {};
    const startDevice = vi.fn(async () => ({ userCode: 'WDJB-MJHT', verificationUri: 'https://github.com/login/device', expiresAt: 0 }));
    render(<SignInOptions {...actions({ startDevice, waitDevice: () => new Promise((resolve) => (approve = resolve)) })} />);
    fireEvent.input(await screen.findByLabelText('GitHub App or OAuth App client id'), { target: { value: 'Iv23li' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with GitHub' }));
    expect((await screen.findByText('WDJB-MJHT')).className).toBe('user-code');
    expect(screen.getByRole('link', { name: 'https://github.com/login/device' }).getAttribute('href')).toBe('https://github.com/login/device');
    expect(startDevice).toHaveBeenCalledWith('https://github.com', 'Iv23li');
    approve(MONA);
    expect(await screen.findByText('Signed in as mona on ghe.example.com')).toBeTruthy();
    expect(screen.queryByText('WDJB-MJHT')).toBeNull();
  });

  it('says why a sign-in ended', async () => {
    render(<SignInOptions {...actions({ load: async () => ({ ...SIGNED_OUT, signedOut: { reason: 'GitHub no longer accepts the token of mona.' } }) })} />);
    expect((await screen.findByTestId('account')).textContent).toBe('Signed out: GitHub no longer accepts the token of mona.');
  });
});

describe('PopupAccount', () => {
  it('shows the account with its host', async () => {
    render(<PopupAccount load={async () => MONA} openOptions={vi.fn()} />);
    expect((await screen.findByTestId('account')).textContent).toContain('Signed in as mona on ghe.example.com');
  });

  it('says when the background cannot be reached', async () => {
    render(<PopupAccount load={async () => Promise.reject(new Error('gone'))} openOptions={vi.fn()} />);
    expect(await screen.findByText('Could not reach the extension’s background')).toBeTruthy();
  });
});
