import type { IntegritySpec } from '../../platform/integrity/report.js';

/**
 * What the process layer offers the invariant check: no run left in a non-terminal state (RUNNING or COMPENSATING),
 * and the runs waiting for an operator (an OPEN exception) as a set, so the check can report them.
 */
export const ORCHESTRATION_INTEGRITY: IntegritySpec = {
  checks: [
    {
      name: 'runsTerminal',
      description: 'no flow run is left RUNNING or COMPENSATING',
      sql: `SELECT correlation_id || ' ' || saga_type || ' ' || status AS key FROM saga_runs WHERE status IN ('RUNNING', 'COMPENSATING')`,
    },
  ],
  sets: {
    openExceptions: `SELECT correlation_id || ' ' || saga_type || ' ' || step || ' ' || code AS key FROM saga_exceptions WHERE status = 'OPEN'`,
  },
};
