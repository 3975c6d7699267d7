import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { Config } from '../config.ts';
import type { StackName } from '../parts.ts';
import { configureBackend } from '../state.ts';
import { costTags, tagEverything } from '../tags.ts';

/**
 * Base of every stack: the AWS provider with the cost tags as default_tags, the state backend,
 * and the aspect that also writes the tags onto each taggable resource.
 */
export abstract class AlexStack extends TerraformStack {
  protected constructor(
    scope: Construct,
    readonly stackName: StackName,
    protected readonly config: Config,
  ) {
    super(scope, stackName);
    new AwsProvider(this, 'aws', {
      region: config.region,
      defaultTags: [{ tags: costTags(config) }],
    });
    configureBackend(this, config, stackName);
    tagEverything(this, config);
  }

  /** A stack output; scripts read these by name with `terraform output -json`. */
  protected output(name: string, value: string, description: string, sensitive = false): void {
    new TerraformOutput(this, name, { value, description, sensitive });
  }
}
