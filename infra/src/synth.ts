import { App } from 'cdktf';
import type { Config } from './config.ts';
import type { StackName } from './parts.ts';
import { AgentsStack } from './stacks/agents-stack.ts';
import { ApiFrontendStack } from './stacks/api-frontend-stack.ts';
import { DatabaseStack } from './stacks/database-stack.ts';
import { ObservabilityStack } from './stacks/observability-stack.ts';

/** Build every stack into an App writing to `outdir`. */
export function buildApp(config: Config, outdir: string): App {
  const app = new App({ outdir, skipValidation: false });
  new DatabaseStack(app, config);
  new AgentsStack(app, config);
  new ApiFrontendStack(app, config);
  new ObservabilityStack(app, config);
  return app;
}

/** Synthesise all stacks into `outdir` (Terraform JSON at `<outdir>/stacks/<stack>/cdk.tf.json`). */
export function synthesize(config: Config, outdir: string): void {
  buildApp(config, outdir).synth();
}

/** Path of a synthesised stack's Terraform JSON. */
export function stackJsonPath(outdir: string, stack: StackName): string {
  return `${outdir}/stacks/${stack}/cdk.tf.json`;
}
