import { inMemorySourcesAdmin } from './sources-admin.testing';

/** A source's timeZone through the admin API (create, update, show), against an in-memory repository. */
describe('a source\'s time zone', () => {
  const admin = () => inMemorySourcesAdmin();

  it('is set at creation and shown', async () => {
    const { controller, stored } = admin();
    const created = await controller.create({ id: 'nydesk', name: 'NY desk', timeZone: 'America/New_York' });
    expect(created.source).toMatchObject({ id: 'nydesk', timeZone: 'America/New_York' });
    expect(stored.get('nydesk')?.timeZone).toBe('America/New_York');
    expect(await controller.show('nydesk')).toMatchObject({ timeZone: 'America/New_York' });
    expect((await controller.create({ id: 'utcdesk', name: 'UTC desk' })).source).not.toHaveProperty('timeZone');
  });

  it('is changed by PATCH, and removed with null', async () => {
    const { controller, stored } = admin();
    await controller.create({ id: 'desk', name: 'Desk' });
    expect(await controller.change('desk', { timeZone: 'Asia/Kolkata' })).toMatchObject({ timeZone: 'Asia/Kolkata' });
    expect(await controller.change('desk', { name: 'Delhi desk' })).toMatchObject({ name: 'Delhi desk', timeZone: 'Asia/Kolkata' });
    expect(await controller.change('desk', { timeZone: null })).not.toHaveProperty('timeZone');
    expect(stored.get('desk')).not.toHaveProperty('timeZone');
  });

  it('refuses an unknown zone with 400 naming it, at creation and in a change, storing nothing', async () => {
    const { controller, stored } = admin();
    await expect(controller.create({ id: 'desk', name: 'Desk', timeZone: 'Europe/Pariss' }))
      .rejects.toMatchObject({ status: 400, rule: 'unknown-time-zone', field: 'timeZone', message: expect.stringContaining('"Europe/Pariss"') });
    expect(stored.size).toBe(0);
    await controller.create({ id: 'desk', name: 'Desk', timeZone: 'Europe/Paris' });
    await expect(controller.change('desk', { timeZone: 'IST' })).rejects.toMatchObject({ status: 400, rule: 'unknown-time-zone', message: expect.stringContaining('"IST"') });
    await expect(controller.change('desk', { timeZone: '+05:30' })).rejects.toMatchObject({ status: 400, rule: 'unknown-time-zone' });
    expect(stored.get('desk')?.timeZone).toBe('Europe/Paris');
  });
});
