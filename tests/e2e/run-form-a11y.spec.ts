import { git } from '../fake-github/git/git-cli';
import { seriousViolations } from './axe';
import { expect, test } from './run-form-world';

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
    expect(await seriousViolations(form)).toEqual([]);
  });
}
