// Publishing reference data on a base version (ReferenceStore.publish with basedOn): of two
// publications prepared from the same version only one is written, on SQLite and on PostgreSQL
// (the hq-postgres project runs this file again there), so a law update is never merged over a
// package it did not see.
import { afterEach, describe, expect, it } from 'vitest';
import { testHq, type TestHq } from '../../tests/support/hq-fixture.ts';
import { PublishConflict } from './reference-store.ts';

let t: TestHq | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('publishing on a base version', () => {
  it('goes through only while its base is the newest; of two at once from the same base, one is written', async () => {
    t = await testHq();
    const ref = t.hq.reference;
    expect((await ref.publish('catalog', { version: 'a' }, null)).ref.version).toBe(1);
    await expect(ref.publish('catalog', { version: 'b' }, null)).rejects.toBeInstanceOf(PublishConflict);
    expect((await ref.publish('catalog', { version: 'c' }, 1)).ref.version).toBe(2);
    await expect(ref.publish('catalog', { version: 'd' }, 1)).rejects.toMatchObject({ current: 2, basedOn: 1 });
    const both = await Promise.allSettled([
      ref.publish('catalog', { version: 'e' }, 2),
      ref.publish('catalog', { version: 'f' }, 2),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = both.find((r) => r.status === 'rejected');
    expect(lost?.reason).toBeInstanceOf(PublishConflict);
    const now = await ref.current('catalog');
    expect(now?.version).toBe(3);
    // The stored version is the one whose signature devices check.
    expect((await ref.signedCurrent('catalog'))?.ref).toMatchObject({ version: 3, data: now?.data });
    // Without a base (roster, holidays): published on whatever is newest, as before.
    expect((await ref.publish('catalog', { version: 'g' })).ref.version).toBe(4);
  });
});
