/** One IAM policy statement. Actions are always named; resources are ARNs whenever the ARN is known. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: readonly string[];
  /** Omitted only in trust (assume-role) policies. */
  readonly Resource?: readonly string[];
  readonly Principal?: Record<string, string | readonly string[]>;
  readonly Condition?: Record<string, Record<string, string | readonly string[]>>;
}

/** A policy document as the JSON string IAM (and S3, SNS, SQS) expect. */
export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** The Data API calls the services make, on one cluster. */
export const DATA_API_ACTIONS = [
  'rds-data:ExecuteStatement',
  'rds-data:BatchExecuteStatement',
  'rds-data:BeginTransaction',
  'rds-data:CommitTransaction',
  'rds-data:RollbackTransaction',
] as const;

/** Read and write the database through the Data API: the cluster plus its credentials secret. */
export function databaseAccess(clusterArn: string, secretArn: string): PolicyStatement[] {
  return [
    { Sid: 'DataApi', Effect: 'Allow', Action: DATA_API_ACTIONS, Resource: [clusterArn] },
    {
      Sid: 'DatabaseSecret',
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue'],
      Resource: [secretArn],
    },
  ];
}

/** Read one or more application secrets (Langfuse keys, the Clerk webhook secret). */
export function readSecrets(sid: string, secretArns: readonly string[]): PolicyStatement {
  return { Sid: sid, Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: secretArns };
}
