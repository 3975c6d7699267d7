import { z } from 'zod';

/**
 * Request shapes of the RDS Data API operations the local server speaks, as the AWS SDK and CLI
 * send them (REST-JSON, camelCase members).
 */
const Field: z.ZodType<DataApiField> = z.lazy(() =>
  z
    .object({
      isNull: z.boolean(),
      booleanValue: z.boolean(),
      longValue: z.number(),
      doubleValue: z.number(),
      stringValue: z.string(),
      blobValue: z.string(),
      arrayValue: z.unknown(),
    })
    .partial(),
);

export interface DataApiField {
  isNull?: boolean | undefined;
  booleanValue?: boolean | undefined;
  longValue?: number | undefined;
  doubleValue?: number | undefined;
  stringValue?: string | undefined;
  blobValue?: string | undefined;
  arrayValue?: unknown;
}

export const TYPE_HINTS = ['JSON', 'DECIMAL', 'DATE', 'TIME', 'TIMESTAMP', 'UUID'] as const;

export const SqlParameter = z.object({
  name: z.string().min(1),
  value: Field,
  typeHint: z.enum(TYPE_HINTS).optional(),
});
export type SqlParameter = z.infer<typeof SqlParameter>;

const Target = {
  resourceArn: z.string().min(1, 'resourceArn is required'),
  secretArn: z.string().min(1, 'secretArn is required'),
  database: z.string().optional(),
};

export const ResultSetOptions = z
  .object({
    decimalReturnType: z.enum(['STRING', 'DOUBLE_OR_LONG']).optional(),
    longReturnType: z.enum(['STRING', 'LONG']).optional(),
  })
  .optional();

export const ExecuteStatementRequest = z.object({
  ...Target,
  sql: z.string().min(1, 'sql is required'),
  parameters: z.array(SqlParameter).optional(),
  transactionId: z.string().optional(),
  includeResultMetadata: z.boolean().optional(),
  continueAfterTimeout: z.boolean().optional(),
  schema: z.string().optional(),
  resultSetOptions: ResultSetOptions,
  formatRecordsAs: z.enum(['NONE', 'JSON']).optional(),
});
export type ExecuteStatementRequest = z.infer<typeof ExecuteStatementRequest>;

export const BatchExecuteStatementRequest = z.object({
  ...Target,
  sql: z.string().min(1, 'sql is required'),
  parameterSets: z.array(z.array(SqlParameter)).optional(),
  transactionId: z.string().optional(),
  schema: z.string().optional(),
});
export type BatchExecuteStatementRequest = z.infer<typeof BatchExecuteStatementRequest>;

export const BeginTransactionRequest = z.object({ ...Target, schema: z.string().optional() });

export const EndTransactionRequest = z.object({
  resourceArn: Target.resourceArn,
  secretArn: Target.secretArn,
  transactionId: z.string().min(1, 'transactionId is required'),
});

/** Column metadata as the Data API documents it. */
export interface ColumnMetadata {
  name: string;
  label: string;
  type: number;
  typeName: string;
  schemaName: string;
  tableName: string;
  isAutoIncrement: boolean;
  isSigned: boolean;
  isCurrency: boolean;
  isCaseSensitive: boolean;
  nullable: number;
  precision: number;
  scale: number;
  arrayBaseColumnType: number;
}
