import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replaysAs } from '../../platform/db/idempotency.js';

const ref = (typename: string, id: string) => ({ typename, id });

test('a stored result needs no refinement when a replay of it answers the same entities, in order', () => {
  // What a unit of work completed a key with: everything it wrote (here a batch and its items).
  const stored = { refs: [ref('BillableItem', 'bi_1'), ref('BillableItemBatch', 'bb_1'), ref('BillableItem', 'bi_2')] };
  assert.equal(replaysAs(stored, { refs: [ref('BillableItemBatch', 'bb_1')] }, 'BillableItemBatch'), true, 'a replay keeps the references of the returned type only');
  assert.equal(replaysAs(stored, { refs: [ref('BillableItem', 'bi_1'), ref('BillableItem', 'bi_2')] }, 'BillableItem'), true);
  assert.equal(replaysAs(stored, { refs: [ref('BillableItem', 'bi_2'), ref('BillableItem', 'bi_1')] }, 'BillableItem'), false, 'another order is another answer');
  assert.equal(replaysAs(stored, { refs: [ref('BillableItem', 'bi_1')] }, 'BillableItem'), false, 'fewer entities is another answer');
  assert.equal(replaysAs(stored, { refs: [], value: true }, 'Boolean'), false, 'stored entities do not answer a plain value');
  assert.equal(replaysAs({ refs: [], value: true }, { refs: [], value: true }, 'Boolean'), true, 'a stored plain value replays as it is');
  assert.equal(replaysAs({ refs: [], value: false }, { refs: [], value: true }, 'Boolean'), false);
  assert.equal(replaysAs({ refs: [], value: { correlationId: 'c1' } }, { refs: [], value: { correlationId: 'c2' } }, 'Flow'), false);
  assert.equal(replaysAs({ refs: [], value: true }, { refs: [] }, 'TimeEntry'), false, 'a stored value does not answer entities');
  assert.equal(replaysAs(undefined, { refs: [ref('BillableItemBatch', 'bb_1')] }, 'BillableItemBatch'), false, 'a key no unit of work completed is still in flight');
  assert.equal(replaysAs({ refs: [] }, { refs: [] }, 'TimeEntry'), true);
});
