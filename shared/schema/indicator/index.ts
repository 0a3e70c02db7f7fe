export * from './indicator.js';
