import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  let now = 0;
  const cache = () => new TtlCache<string, number>(1_000, () => now);
  beforeEach(() => (now = 0));

  it('serves a loaded value until its time is up, then loads again', async () => {
    const c = cache();
    let loads = 0;
    const load = async () => ++loads;
    expect(await c.get('acme', load)).toBe(1);
    now = 999;
    expect(await c.get('acme', load)).toBe(1);
    now = 1_000;
    expect(await c.get('acme', load)).toBe(2);
    expect(await c.get('globex', load)).toBe(3);
  });

  it('shares one load between concurrent gets', async () => {
    const c = cache();
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([c.get('acme', load), c.get('acme', load)])).toEqual([1, 1]);
  });

  it('forgets a failed load, so the next get tries again', async () => {
    const c = cache();
    await expect(c.get('acme', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await c.get('acme', async () => 7)).toBe(7);
  });

  it('takes a fresh value in place of a cached one', async () => {
    const c = cache();
    await c.get('acme', async () => 1);
    await c.set('acme', Promise.resolve(2));
    expect(await c.get('acme', async () => 3)).toBe(2);
  });
});
