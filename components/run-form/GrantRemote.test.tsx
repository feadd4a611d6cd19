// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { originPattern } from '../../lib/remote';
import { GrantRemote } from './GrantRemote';

const failure = {
  kind: 'permission' as const,
  host: 'minio.example.org:9000',
  origin: originPattern('https://minio.example.org:9000/bucket/x'),
  denied: false,
};

describe('GrantRemote: the Run form asks for a remote host it may not reach yet', () => {
  it('asks for exactly that origin within the click (before any await) and, granted, lets the upload go on', async () => {
    let inClick = false;
    const request = vi.fn((origin: string) => {
      expect(inClick).toBe(true);
      expect(origin).toBe('https://minio.example.org/*');
      return Promise.resolve(true);
    });
    const onGranted = vi.fn();
    render(<GrantRemote failure={failure} request={request} onGranted={onGranted} />);
    const button = screen.getByRole('button', { name: 'Allow uploads to minio.example.org:9000' });
    button.addEventListener('click', () => (inClick = true), { capture: true });
    button.addEventListener('click', () => (inClick = false));
    fireEvent.click(button);
    expect(request).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(onGranted).toHaveBeenCalledTimes(1));
  });

  it('a refusal is said, and nothing goes on', async () => {
    const onGranted = vi.fn();
    render(<GrantRemote failure={{ ...failure, denied: true }} request={async () => false} onGranted={onGranted} />);
    expect(screen.getByText(/Refused before/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Allow uploads to/ }));
    expect(await screen.findByText(/was not allowed: nothing is uploaded or committed/)).toBeTruthy();
    expect(onGranted).not.toHaveBeenCalled();
  });
});
