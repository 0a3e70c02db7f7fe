export * from './planSection.js';
