/**
 * Writes docs/access-policy.md from the policy the code enforces.
 *
 *   npm run policy             write it
 *   npm run policy -- --check  exit 1 when it is stale
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectPolicy, renderPolicy } from '../platform/auth/policy-model.js';
import { REPO_ROOT } from '../platform/topology.js';
import { ROW_POLICIES } from '../runtime/policies.js';

const target = join(REPO_ROOT, 'docs/access-policy.md');
const page = renderPolicy(collectPolicy(ROW_POLICIES));
if (process.argv.includes('--check')) {
  if (!existsSync(target) || readFileSync(target, 'utf8') !== page) {
    console.error('docs/access-policy.md is stale: run `npm run policy` and commit the result');
    process.exit(1);
  }
  console.log('docs/access-policy.md is up to date');
} else {
  writeFileSync(target, page);
  console.log(`wrote ${target}`);
}
