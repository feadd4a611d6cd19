import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { git } from '../fake-github/git/git-cli';
import { expect, test } from './run-form-world';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

test('the whole run with the keyboard alone: edit a param, name the branch, commit', async ({ egs }) => {
  const from = egs.seeded(2);
  const form = await egs.openForm(from, 'main');
  await expect(form.locator('[data-param="params.yaml:train.n_est"]')).toBeVisible();
  const focusedIs = (selector: string) => form.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

  // Tab from the top to n_est, type, Tab on to the message, and so on: no mouse anywhere.
  await form.keyboard.press('Tab');
  for (let i = 0; i < 40 && !(await focusedIs('[data-param="params.yaml:train.n_est"]')); i++) await form.keyboard.press('Tab');
  expect(await focusedIs('[data-param="params.yaml:train.n_est"]')).toBe(true);
  await form.keyboard.press('ControlOrMeta+a');
  await form.keyboard.type('60');
  for (let i = 0; i < 40 && !(await focusedIs('#branch')); i++) await form.keyboard.press('Tab');
  await form.keyboard.press('ControlOrMeta+a');
  await form.keyboard.type('keyboard-run');
  await expect(form.locator('#branch-check')).toHaveText(`keyboard-run is free: it will start at ${from.slice(0, 7)}.`);
  for (let i = 0; i < 10 && !(await focusedIs('button[type=submit]')); i++) await form.keyboard.press('Tab');
  await form.keyboard.press('Enter');
  await expect(form.getByRole('link', { name: /View pull request/ })).toBeVisible();
  expect(git(egs.gitDir, 'show', 'refs/heads/keyboard-run:params.yaml')).toContain('n_est: 60');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe-core finds no serious or critical violation in the form (${colorScheme})`, async ({ egs }) => {
    const form = await egs.openForm(egs.seeded(2));
    await form.emulateMedia({ colorScheme });
    await form.locator('[data-param="params.yaml:train.n_est"]').fill('1.5');
    await form.getByLabel('Show all input parameters (including hidden)').check();
    await expect(form.locator('[data-input="model.pkl"]')).toBeVisible();
    // Evaluated through the debugger protocol: the extension page's CSP forbids inline scripts, rightly.
    await form.evaluate(await readFile(AXE, 'utf8'));
    const violations = await form.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      return (await axe.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
}
