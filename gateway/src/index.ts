export { gatewayConfigFromEnv, type GatewayConfig } from './config.js';
export { startGateway, type RunningGateway } from './server.js';
