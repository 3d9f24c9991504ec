export * from './event.js';
export * from './bus.js';
export * from './relay.js';
export { RedisStreamsBus, type RedisBusOptions } from './redis-bus.js';
