import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '../src/config.ts';
import { PARTS, type StackName } from '../src/parts.ts';
import { stackJsonPath, synthesize } from '../src/synth.ts';
import { TEST_ENV } from '../src/testing.ts';

/** One synthesised stack's Terraform JSON, loosely typed for assertions. */
export interface StackJson {
  readonly provider: { aws: Array<Record<string, unknown>> };
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, { value: unknown }>;
  readonly terraform: Record<string, unknown>;
}

/** A resource instance with its type and logical name. */
export interface FoundResource {
  readonly type: string;
  readonly name: string;
  readonly body: Record<string, unknown>;
}

/** The configuration tests synthesise with (a student's typical settings). */
export { TEST_ENV };

/** Synthesise every stack into a fresh temp dir and parse each stack's JSON. */
export function synthAll(env: Record<string, string> = TEST_ENV): {
  config: Config;
  outdir: string;
  stacks: Record<StackName, StackJson>;
} {
  const config = loadConfig(env);
  const outdir = mkdtempSync(join(tmpdir(), 'alex-infra-'));
  synthesize(config, outdir);
  const stacks = Object.fromEntries(
    PARTS.map(({ stack }) => [
      stack,
      JSON.parse(readFileSync(stackJsonPath(outdir, stack), 'utf8')) as StackJson,
    ]),
  ) as Record<StackName, StackJson>;
  return { config, outdir, stacks };
}

/** Every resource of a stack, flattened. */
export function resources(stack: StackJson, type?: string): FoundResource[] {
  return Object.entries(stack.resource).flatMap(([resourceType, byName]) =>
    type !== undefined && resourceType !== type
      ? []
      : Object.entries(byName).map(([name, body]) => ({ type: resourceType, name, body })),
  );
}

/** The single resource of a type in a stack (fails the test if there is not exactly one). */
export function only(stack: StackJson, type: string): Record<string, unknown> {
  const found = resources(stack, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return (found[0] as FoundResource).body;
}

/** IAM-style statements in a policy JSON string. */
export interface Statement {
  Sid?: string;
  Effect: string;
  Action: string[] | string;
  Resource?: string[] | string;
  Principal?: unknown;
  Condition?: unknown;
}

/** Parse a policy document (as synthesised, tokens already `${...}` strings). */
export function statementsOf(policy: unknown): Statement[] {
  return (JSON.parse(String(policy)) as { Statement: Statement[] }).Statement;
}

/** Array-ify an IAM field. */
export function list(value: string[] | string | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** A Terraform interpolation as it appears in synthesised JSON: ref('a.b') is "${a.b}". */
export function ref(expression: string): string {
  return `$\{${expression}}`;
}
