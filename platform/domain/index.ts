export * from './errors.js';
export * from './state-machine.js';
export * from './ids.js';
export * from './dates.js';
export * from './validate.js';
export * from './invocation.js';
export * from './load.js';
