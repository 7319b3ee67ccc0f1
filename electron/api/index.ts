export * from './contract.js';
export * from './errors.js';
export * from './events.js';
export * from './names.js';
export * from './procedures/index.js';
export * from './client.js';
