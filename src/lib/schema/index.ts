// Every content schema, defined once: Astro's collections, the CLI and the JSON Schema export use these.
export * from './common.ts';
export * from './org.ts';
export * from './person.ts';
export * from './team.ts';
export * from './period.ts';
export * from './source.ts';
export * from './checkin.ts';
export * from './key-result.ts';
export * from './initiative.ts';
export * from './dependency.ts';
export * from './risk.ts';
export * from './objective.ts';
export * from './kpi.ts';
export * from './receipt.ts';
export * from './guide.ts';
