// Shared support for end-to-end tests through real n8n: see README.md.
export * from './environment';
export * from './rest-runs';
export * from './runs';
export * from './workflows';
export * from './shared-tests';
