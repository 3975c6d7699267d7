import { DataAwsSecretsmanagerRandomPassword } from '@cdktf/provider-aws/lib/data-aws-secretsmanager-random-password';
import { DataAwsSecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version';
import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { Construct } from 'constructs';
import type { Config } from '../config.ts';
import { resourceName } from '../naming.ts';

/**
 * The value CloudFront adds to every API request and the API requires: generated once by Secrets
 * Manager and kept there (later applies leave it alone; rotate it with put-secret-value and apply
 * again). CloudFront's header is read back from the stored secret, so both always agree.
 */
export class OriginSecret extends Construct {
  readonly secret: SecretsmanagerSecret;
  /** The secret's current value (a Terraform reference). */
  readonly value: string;

  constructor(scope: Construct, id: string, props: { config: Config }) {
    super(scope, id);
    const generated = new DataAwsSecretsmanagerRandomPassword(this, 'generated', {
      passwordLength: 48,
      excludePunctuation: true,
    });
    this.secret = new SecretsmanagerSecret(this, 'secret', {
      name: `${resourceName(props.config)}/origin-secret`,
      description: 'Header value CloudFront sends to the API; the API refuses requests without it',
      recoveryWindowInDays: 0,
    });
    const version = new SecretsmanagerSecretVersion(this, 'initial', {
      secretId: this.secret.id,
      secretString: generated.randomPassword,
      lifecycle: { ignoreChanges: ['secret_string'] },
    });
    const current = new DataAwsSecretsmanagerSecretVersion(this, 'current', {
      secretId: this.secret.id,
      dependsOn: [version],
    });
    this.value = current.secretString;
  }
}
