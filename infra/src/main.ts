import { resolve } from 'node:path';
import { ConfigError, INFRA_DIR, loadConfig, loadDotEnv } from './config.ts';
import { PARTS } from './parts.ts';
import { synthesize } from './synth.ts';

/** `pnpm --filter ./infra synth`: Terraform JSON for every stack under infra/cdktf.out. */
function main(): void {
  loadDotEnv();
  const config = loadConfig();
  const outdir = resolve(INFRA_DIR, 'cdktf.out');
  const started = performance.now();
  synthesize(config, outdir);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Synthesised ${PARTS.length} stacks for stage "${config.stage}" in ${seconds}s:`);
  for (const { part, stack } of PARTS) {
    console.log(`  Part ${part}: terraform -chdir=infra/cdktf.out/stacks/${stack} init && ... apply`);
  }
  if (config.alertEmail === undefined) {
    console.log(
      'Note: ALEX_ALERT_EMAIL / ALEX_BUDGET_EMAIL unset: alarms and the budget will notify nobody.',
    );
  }
}

try {
  main();
} catch (err: unknown) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
