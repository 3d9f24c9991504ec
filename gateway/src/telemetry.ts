/**
 * `@apollo/gateway` 2.14 exports usage metrics to Apollo and probes cloud metadata endpoints unless this variable is
 * set when the gateway is constructed. The product never sends traffic off the machine, so it is forced on here,
 * in code, before any gateway exists; importing this module first makes that order explicit.
 */
process.env.APOLLO_TELEMETRY_DISABLED = '1';

export const TELEMETRY_DISABLED = true;
