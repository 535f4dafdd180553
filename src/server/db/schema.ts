// Drizzle schema: one file per aggregate under ./schema; this file only lists them for drizzle-kit.
export * from './schema/regions.js';
export * from './schema/org.js';
export * from './schema/identity.js';
export * from './schema/audit.js';
export * from './schema/imports.js';
export * from './schema/auction.js';
export * from './schema/agreements.js';
export * from './schema/monitoring.js';
export * from './schema/attendance.js';
export * from './schema/discipline.js';
