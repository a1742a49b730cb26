// Imported first by astro.config.mjs: Astro records usage telemetry over the network unless this
// is set. A handbook, internal ones included, is built without contacting anyone.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
