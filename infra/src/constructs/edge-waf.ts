import { Wafv2WebAcl, type Wafv2WebAclRule } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { Construct } from 'constructs';
import type { Config } from '../config.ts';
import { resourceName } from '../naming.ts';

/** AWS managed rule groups on the distribution: the common set (XSS among it), SQL injection, bad inputs. */
export const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesSQLiRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;

const visibility = (metricName: string) => ({
  cloudwatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
});

/**
 * The CloudFront web ACL. CloudFront takes its WAF at creation (there is no separate association
 * resource for distributions), and CLOUDFRONT-scoped ACLs live in us-east-1 whatever the stack's
 * region, hence `region` on the resource.
 */
export class EdgeWaf extends Construct {
  readonly acl: Wafv2WebAcl;

  constructor(scope: Construct, id: string, props: { config: Config }) {
    super(scope, id);
    const name = resourceName(props.config, 'edge');
    const rateRule: Wafv2WebAclRule = {
      name: 'per-ip-rate-limit',
      priority: 0,
      // 429 rather than 403: clients (and people) see they were rate limited, not forbidden.
      action: { block: { customResponse: { responseCode: 429 } } },
      statement: {
        rate_based_statement: {
          aggregate_key_type: 'IP',
          limit: props.config.wafRateLimitPerMinute,
          evaluation_window_sec: 60,
        },
      },
      visibilityConfig: visibility(`${name}-rate`),
    };
    const managedRules: Wafv2WebAclRule[] = MANAGED_RULE_GROUPS.map((group, index) => ({
      name: group,
      priority: (index + 1) * 10,
      overrideAction: { none: {} },
      statement: { managed_rule_group_statement: { vendor_name: 'AWS', name: group } },
      visibilityConfig: visibility(`${name}-${group}`),
    }));

    this.acl = new Wafv2WebAcl(this, 'acl', {
      name,
      description: 'Alex SPA: AWS managed rules and a per-IP rate limit',
      scope: 'CLOUDFRONT',
      region: 'us-east-1',
      defaultAction: { allow: {} },
      rule: [rateRule, ...managedRules],
      visibilityConfig: visibility(name),
    });
  }
}
