// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { RemoteAccessButton } from './RemoteAccessButton';
import { RemoteCredentialsForm } from './RemoteCredentialsForm';
import { RemoteHosts } from './RemoteHosts';

describe('RemoteAccessButton', () => {
  it('asks from the click and says what the user chose', async () => {
    const request = vi.fn(async () => false);
    render(<RemoteAccessButton host="remote.dvc.org" request={request} />);
    fireEvent.click(screen.getByRole('button', { name: 'Read metrics from remote.dvc.org' }));
    expect(request).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/Not reading from remote.dvc.org/)).toBeTruthy();
  });
});

describe('RemoteHosts', () => {
  it('lists granted hosts and removes one', async () => {
    let granted = ['https://remote.dvc.org/*', 'https://s3.deltares.nl/*'];
    const remove = vi.fn(async (origin: string) => void (granted = granted.filter((o) => o !== origin)));
    render(<RemoteHosts load={async () => granted} remove={remove} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove s3.deltares.nl' }));
    expect(remove).toHaveBeenCalledWith('https://s3.deltares.nl/*');
    await vi.waitFor(() => expect(screen.queryByText('s3.deltares.nl')).toBeNull());
    expect(screen.getByText('remote.dvc.org')).toBeTruthy();
  });
});

describe('RemoteCredentialsForm', () => {
  it('sends an S3 key for a remote URL and shows it back without its secret', async () => {
    const save = vi.fn(async () => ({
      credentials: [{ kind: 's3' as const, url: 's3://bucket/dvc', endpoint: 'https://minio.example.org', accessKeyId: 'AKIA1' }],
    }));
    render(<RemoteCredentialsForm load={async () => ({ credentials: [] })} save={save} remove={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('Remote URL (s3://bucket/path)'), { target: { value: 's3://bucket/dvc' } });
    fireEvent.input(screen.getByLabelText('Endpoint URL (endpointurl; empty for AWS)'), { target: { value: 'https://minio.example.org' } });
    fireEvent.input(screen.getByLabelText('Access key ID'), { target: { value: 'AKIA1' } });
    fireEvent.input(screen.getByLabelText('Secret access key'), { target: { value: 's3cr3t' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save credentials' }));
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(save).toHaveBeenCalledWith({
      kind: 's3',
      url: 's3://bucket/dvc',
      endpoint: 'https://minio.example.org',
      accessKeyId: 'AKIA1',
      secretAccessKey: 's3cr3t',
    });
    expect(screen.getByText(/S3 key AKIA1 at https:\/\/minio.example.org/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('s3cr3t');
    expect((screen.getByLabelText('Secret access key') as HTMLInputElement).value).toBe('');
  });
});
