export * from './principal.js';
export * from './internal-token.js';
export * from './keys.js';
export * from './config.js';
export * from './row-policy.js';
