import { DeliveryBatcher } from './delivery-batcher';

describe('DeliveryBatcher', () => {
  it('applies the first delivery at once and gathers the rest while it runs, up to the bound', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const firstBlocked = new Promise<void>((resolve) => (release = resolve));
    const batcher = new DeliveryBatcher<number>(3, async (batch) => {
      batches.push(batch);
      if (batches.length === 1) await firstBlocked;
    });
    for (let i = 1; i <= 6; i++) batcher.push(i);
    expect(batches).toEqual([[1]]);
    release();
    await batcher.idle();
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('goes on after a batch that throws', async () => {
    const applied: number[] = [];
    const batcher = new DeliveryBatcher<number>(10, async (batch) => {
      if (batch.includes(1)) throw new Error('boom');
      applied.push(...batch);
    });
    batcher.push(1);
    batcher.push(2);
    await batcher.idle();
    expect(applied).toEqual([2]);
  });
});
