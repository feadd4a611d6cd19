// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { TokenForm } from './TokenForm';
import { TokenStatusLine } from './TokenStatusLine';

describe('TokenForm', () => {
  it('sends the typed token, then empties the field and says so', async () => {
    const save = vi.fn(async () => ({ set: true }));
    render(<TokenForm save={save} clear={vi.fn()} />);
    const input = screen.getByLabelText('GitHub personal access token');
    fireEvent.input(input, { target: { value: 'ghp_abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(save).toHaveBeenCalledWith('ghp_abc');
    expect((input as HTMLInputElement).value).toBe('');
  });

  it("shows the background's refusal and keeps the field", async () => {
    render(<TokenForm save={async () => Promise.reject(new Error('A token is one word without spaces'))} clear={vi.fn()} />);
    const input = screen.getByLabelText('GitHub personal access token');
    fireEvent.input(input, { target: { value: 'two words' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('A token is one word without spaces')).toBeTruthy();
    expect((input as HTMLInputElement).value).toBe('two words');
  });
});

describe('TokenStatusLine', () => {
  it('says when the background cannot be reached', async () => {
    render(<TokenStatusLine load={async () => Promise.reject(new Error('gone'))} openOptions={vi.fn()} />);
    expect(await screen.findByText('Could not reach the extension’s background')).toBeTruthy();
  });
});
