// Validates the content before Astro builds anything: invalid content stops the build with the same
// messages as `okr check`, and no dist/ is left behind that could pass for a complete site.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatPretty } from '../lib/errors.ts';
import { audienceFromEnv } from '../lib/audience.ts';
import { contentDir, getHandbookResult } from '../lib/handbook.ts';

export default function okrHandbook(): AstroIntegration {
  return {
    name: 'okr-handbook',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const dir = contentDir();
        let audience;
        try {
          // OKR_AUDIENCE=public builds the public projection only; a misspelt value stops the build.
          audience = audienceFromEnv();
        } catch (e) {
          logger.error((e as Error).message);
          if (command === 'build') rmSync(fileURLToPath(config.outDir), { recursive: true, force: true });
          process.exit(1);
        }
        const result = getHandbookResult(dir, audience);
        const warnings = result.issues.filter((i) => i.severity === 'warning').length;
        if (!result.ok) {
          console.error(formatPretty(result.issues, { colour: Boolean(process.stderr.isTTY) }));
          logger.error(`content in ${dir} has errors; nothing was built (run: npm run --silent okr -- check)`);
          if (command === 'build') rmSync(fileURLToPath(config.outDir), { recursive: true, force: true });
          process.exit(1);
        }
        const h = result.handbook!;
        logger.info(
          `content ${dir} (${audience} audience): ${h.periods.length} periods, ${h.objectives.length} objectives, ${h.objectives.reduce((n, o) => n + o.keyResults.length, 0)} key results` +
            (warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'}: npm run --silent okr -- check)` : ''),
        );
      },
    },
  };
}
