export * from './contract.js';
export * from './errors.js';
export * from './events.js';
export * from './names.js';
export * from './procedures.js';
export * from './client.js';
