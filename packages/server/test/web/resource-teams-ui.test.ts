import { expect, test } from 'vitest';
import { describeUi } from './ui-harness';

describeUi('sharing agents and knowledge bases with teams, in headless Chromium', (ui) => {
  test('the agent editor picks teams for a team agent; the knowledge base Members tab sets a role per team', async () => {
    const page = await ui.signedIn('en');
    const team = async (name: string) =>
      ((await (await page.request.post('/api/teams', { data: { name } })).json()) as { team: { id: string } })
        .team.id;
    const sales = await team('sales');
    await team('support');

    await page.goto('/agents/new');
    await page.getByTestId('agent-name').fill('Price helper');
    await page.getByTestId('agent-persona').fill('You know the price lists.');
    // the picker only belongs to "team" visibility
    await expect.poll(() => page.getByTestId('agent-teams').count()).toBe(0);
    await page.getByTestId('agent-visibility').selectOption('team');
    await page.getByRole('checkbox', { name: 'sales' }).check();
    await page.getByTestId('agent-teams').scrollIntoViewIfNeeded();
    await ui.shot(page, 'ui-agent-teams-desktop-en');
    await page.getByTestId('agent-save').click();
    await expect.poll(() => page.url()).toMatch(/\/agents\/(?!new$)[\w-]+$/);
    const agentId = page.url().split('/').pop()!;
    const teamsOf = async () =>
      ((await (await page.request.get(`/api/agents/${agentId}/teams`)).json()) as { teams: { id: string }[] })
        .teams;
    await expect.poll(teamsOf).toEqual([{ id: sales, name: 'sales' }]);
    // reloaded, the editor shows the stored choice
    await page.reload();
    await expect.poll(() => page.getByRole('checkbox', { name: 'sales' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'sales' }).uncheck();
    await page.getByTestId('agent-save').click();
    await expect.poll(teamsOf).toEqual([]);

    const kb = (await (
      await page.request.post('/api/knowledge-bases', { data: { name: 'Price lists' } })
    ).json()) as { id: string };
    await page.goto(`/knowledge/${kb.id}/members`);
    await page.getByTestId('kb-teams').waitFor();
    await expect.poll(() => page.getByTestId('kb-team').count()).toBe(2);
    await page.getByRole('combobox', { name: 'Role sales' }).selectOption('write');
    const kbShares = async () =>
      (
        (await (await page.request.get(`/api/knowledge-bases/${kb.id}/teams`)).json()) as {
          shares: unknown[];
        }
      ).shares;
    await expect.poll(kbShares).toEqual([{ teamId: sales, name: 'sales', role: 'write' }]);
    await ui.shot(page, 'ui-kb-teams-desktop-en');
    await page.getByRole('combobox', { name: 'Role sales' }).selectOption('none');
    await expect.poll(kbShares).toEqual([]);
  }, 120_000);
});
