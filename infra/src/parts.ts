/** The stacks, one per gameplan part, in the order a student deploys them. */
export const PARTS = [
  { part: 5, stack: 'database', title: 'Aurora Serverless v2 with the Data API', dependsOn: [] },
  {
    part: 6,
    stack: 'agents',
    title: 'the five agent Lambdas and the analysis queue',
    dependsOn: ['database'],
  },
  {
    part: 7,
    stack: 'api-frontend',
    title: 'the API, the SPA bucket, CloudFront and its WAF',
    dependsOn: ['database', 'agents'],
  },
  {
    part: 8,
    stack: 'observability',
    title: 'dashboard, alarms, CloudTrail and the budget',
    dependsOn: ['agents', 'api-frontend'],
  },
] as const;

/** A stack name. */
export type StackName = (typeof PARTS)[number]['stack'];
/** A gameplan part number with a stack. */
export type PartNumber = (typeof PARTS)[number]['part'];

/** The part entry for a part number. */
export function partByNumber(part: number): (typeof PARTS)[number] | undefined {
  return PARTS.find((entry) => entry.part === part);
}
