/**
 * Starts the unified graph.
 *
 *   npm start                                 everything in one process, embedded databases, in-process events
 *   npm start -- --only crm,relay             one system of record with its outbox relay as its own process
 *   npm start -- --only worker                saga workers only (scale out: run several; needs REDIS_URL)
 *   npm start -- --only gateway,orchestration the edge and the process layer's API
 *
 * Components: gateway, crm, projects, billing, finance, orchestration (API), worker (event consumer and saga
 * steps), relay (outbox relays). Configuration comes from the environment (see README). Ctrl-C stops everything
 * cleanly.
 */
import '../gateway/src/telemetry.js';
import { parseArgs } from 'node:util';
import { createLogger } from '../platform/server/logger.js';
import { parseComponents, startComponents, type RunningComponents } from '../runtime/components.js';
import { runtimeConfigFromEnv } from '../runtime/config.js';

const EXAMPLE_QUERY = `query Engagement($id: ID!) {
  project(id: $id) {
    id name status
    account { id name }
    contract { id totalContractValue { amount currency } }
    deliveredValue { amount currency }
    billedToDate { amount currency }
    unbilledWip { amount currency }
    invoices { number status total { amount currency } paymentStatus }
    margin { amount { amount currency } percent }
  }
}`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const log = createLogger('start');
  let running: RunningComponents | undefined;
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    // Repeated signals (a terminal's Ctrl-C reaches the whole process group) are ignored while stopping.
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await running?.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    running = await startComponents(parseComponents(values.only), runtimeConfigFromEnv(), process.env, log);
  } catch (error) {
    log.error({ err: error }, 'start failed');
    process.exit(1);
  }

  const { gateway, subgraphs, orchestrationServer, relays } = running;
  const only = parseComponents(values.only);
  const lines = [''];
  if (gateway) lines.push(`  Gateway   ${gateway.url}`, `  Health    ${gateway.url.replace(/\/graphql$/, '/healthz')}  ·  ${gateway.url.replace(/\/graphql$/, '/readyz')}`);
  for (const s of subgraphs) lines.push(`  ${s.name.padEnd(13)} ${s.server.url}`);
  if (orchestrationServer) lines.push(`  ${'orchestration'.padEnd(13)} ${orchestrationServer.url}`);
  if (only.includes('worker')) lines.push(`  workers       ${runtimeConfigFromEnv().workerConcurrency} saga step workers`);
  if (relays.length > 0) lines.push(`  relays        ${relays.map((r) => r.source).join(', ')}`);
  if (gateway) {
    lines.push('', '  Try (a project id comes from `{ projects(first: 1) { edges { node { id } } } }`):', '');
    lines.push(...EXAMPLE_QUERY.split('\n').map((l) => `    ${l}`));
    lines.push('', '  Every request needs a token; in development: TOKEN=$(npm run -s token -- --role executive | tail -1)', '');
    lines.push(`  curl -s ${gateway.url} -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`, `    -d '{"query":"{ projects(first: 3) { edges { node { id name status billedToDate { amount currency } } } } }"}'`);
  }
  lines.push('', '  Ctrl-C to stop.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
