import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUnawaitedJobUpdateFailure } from '../../orchestrator/src/engine/jobs.js';

function errorWithStack(stack: string): Error {
  const error = new Error('connect ECONNREFUSED 127.0.0.1:5432');
  error.stack = stack;
  return error;
}

test('only the job-state updates pg-boss leaves unawaited are tolerated as unhandled rejections', () => {
  const frames = (caller: string) => `Error: connect ECONNREFUSED 127.0.0.1:5432\n    at /app/node_modules/pg-pool/index.js:45:11\n    at async Object.executeSql (/app/orchestrator/src/engine/jobs.ts:20:22)\n    at async ${caller} (/app/node_modules/pg-boss/src/manager.js:493:20)`;
  assert.equal(isUnawaitedJobUpdateFailure(errorWithStack(frames('Manager.fail'))), true);
  assert.equal(isUnawaitedJobUpdateFailure(errorWithStack(frames('Manager.complete'))), true);
  assert.equal(isUnawaitedJobUpdateFailure(errorWithStack(frames('Manager.fetch'))), false, 'awaited pg-boss calls are handled by pg-boss');
  assert.equal(isUnawaitedJobUpdateFailure(errorWithStack(frames('Manager.complete').replace('pg-boss/src/manager.js', 'app/src/manager.js'))), false);
  assert.equal(isUnawaitedJobUpdateFailure(new Error('anything else')), false);
  assert.equal(isUnawaitedJobUpdateFailure('a string'), false);
  assert.equal(isUnawaitedJobUpdateFailure(undefined), false);
});
