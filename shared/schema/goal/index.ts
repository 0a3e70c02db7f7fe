export * from './goal.js';
