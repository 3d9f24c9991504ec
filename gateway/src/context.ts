import type { Principal } from '../../platform/auth/principal.js';
import type { Logger } from '../../platform/server/logger.js';

/** Per-request context of the gateway. */
export interface GatewayContext {
  correlationId: string;
  logger: Logger;
  /** The verified caller, forwarded to every subgraph as a short-lived signed token. */
  principal: Principal;
}
