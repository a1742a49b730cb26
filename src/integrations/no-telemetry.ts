// Imported first by astro.config.mjs, so every Astro command that loads the config (build, dev,
// preview, check, sync) contacts no one: Astro records usage telemetry over the network unless
// ASTRO_TELEMETRY_DISABLED is set, and `astro dev` asks the npm registry for a newer version unless
// ASTRO_DISABLE_UPDATE_CHECK is. A handbook, internal ones included, is built without contacting anyone.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
