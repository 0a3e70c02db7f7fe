export * from './interventionDirection.js';
