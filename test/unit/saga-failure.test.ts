import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_MAX_ATTEMPTS, isRetryableCode, StepFailure } from '../../orchestrator/src/domain/failure.js';

describe('step failure classification', () => {
  test('transient codes are retryable, business refusals are not', () => {
    for (const code of ['SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_TIMEOUT', 'SUBGRAPH_ERROR', 'INTERNAL_SERVER_ERROR', 'VERSION_CONFLICT', 'IDEMPOTENCY_KEY_IN_FLIGHT', 'NETWORK', 'HTTP_5XX', 'UNAUTHENTICATED']) {
      assert.equal(isRetryableCode(code), true, code);
    }
    for (const code of ['BAD_USER_INPUT', 'INVALID_TRANSITION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'GRAPHQL_VALIDATION_FAILED', '']) {
      assert.equal(isRetryableCode(code), false, code);
    }
  });

  test('a StepFailure carries its code, retryability and details', () => {
    const f = new StepFailure('billing is down', 'SUBGRAPH_UNAVAILABLE', true, { subgraph: 'billing' });
    assert.ok(f instanceof Error);
    assert.deepEqual({ name: f.name, message: f.message, code: f.code, retryable: f.retryable, details: f.details }, {
      name: 'StepFailure', message: 'billing is down', code: 'SUBGRAPH_UNAVAILABLE', retryable: true, details: { subgraph: 'billing' },
    });
    assert.deepEqual(new StepFailure('no', 'BAD_USER_INPUT', false).details, {});
    assert.equal(DEFAULT_MAX_ATTEMPTS, 10);
  });
});
