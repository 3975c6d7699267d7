import { dirname } from 'node:path';
import type { Metafile, Plugin } from 'esbuild';

/**
 * What a Lambda bundle must never contain, by the path esbuild records for each input: code the
 * Lambdas never run, or local-only code: the Agents SDK's OpenAI provider and its HTTP client, the
 * realtime (voice, WebSocket) client, the MCP client, the local Data API and the embedded or direct
 * PostgreSQL drivers behind it.
 */
export const FORBIDDEN_MODULES: readonly { name: string; pattern: RegExp }[] = [
  // openai/helpers/zod (tool schemas, used by the Agents SDK core) may stay; the client may not.
  {
    name: 'the OpenAI HTTP client (openai)',
    pattern: /node_modules\/openai\/(client|index|streaming|realtime|beta|resources|lib\/.*Stream)/,
  },
  { name: 'the Agents SDK OpenAI provider', pattern: /node_modules\/@openai\/agents-openai\// },
  { name: 'the Agents SDK realtime client', pattern: /node_modules\/@openai\/agents-realtime\// },
  { name: 'the Agents SDK umbrella package', pattern: /node_modules\/@openai\/agents\// },
  { name: 'a WebSocket client (ws)', pattern: /node_modules\/ws\// },
  { name: 'the MCP client', pattern: /node_modules\/@modelcontextprotocol\// },
  { name: 'PGlite', pattern: /node_modules\/@electric-sql\/pglite/ },
  { name: 'node-postgres (pg)', pattern: /node_modules\/(pg|pg-[a-z-]+|pgpass|postgres-[a-z-]+)\// },
  { name: 'the local Data API', pattern: /^packages\/(database\/src\/local|[^/]*local[^/]*)\// },
];

/** One forbidden input found in a bundle. */
export interface ForbiddenInput {
  module: string;
  input: string;
}

/**
 * The inputs that contribute code to a metafile's outputs and match {@link FORBIDDEN_MODULES}: an
 * empty list for a clean bundle (a file esbuild read but tree-shook away entirely is not in the bundle).
 */
export function forbiddenInputs(metafile: Metafile): ForbiddenInput[] {
  const found = new Map<string, ForbiddenInput>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const hit = bytesInOutput > 0 && FORBIDDEN_MODULES.find((m) => m.pattern.test(input));
      if (hit) found.set(input, { module: hit.name, input });
    }
  }
  return [...found.values()];
}

// `@openai/agents` is `@openai/agents-core` plus the OpenAI provider (registered as the default model
// provider), the OpenAI trace exporter and the realtime client, none of which a Lambda uses: every agent
// gets its model explicitly (Bedrock or offline) and tracing sets its own processors.
const AGENTS_UMBRELLA = /^@openai\/agents(\/utils)?$/;
// The Node MCP server classes statically import the MCP SDK; the Lambdas declare no MCP servers.
const NODE_MCP_SHIM = /@openai[/\\]agents-core[/\\]dist[/\\]shims[/\\]mcp-server[/\\]node\.mjs$/;
// Zod's namespace carries its error messages in ~50 languages; the Lambdas use the English default.
const ZOD_LOCALES = /[/\\]zod[/\\]v4[/\\]locales[/\\]index\.js$/;

/**
 * Keeps out of a Lambda bundle what the Lambdas never run: resolves `@openai/agents` (imported by the
 * services and by `@openai/agents-extensions`) to `@openai/agents-core`, and gives the core the MCP
 * server classes it ships for browsers (they throw if used) instead of the Node ones, and gives Zod's
 * `locales` namespace only its English messages (the default it configures itself with).
 */
export const lambdaTrimPlugin: Plugin = {
  name: 'alex-lambda-trim',
  setup(build) {
    build.onResolve({ filter: AGENTS_UMBRELLA }, async (args) => {
      if (args.pluginData === 'alex-umbrella') return undefined;
      // Resolve the core from where the umbrella package lives (pnpm gives each package its own deps).
      const umbrella = await build.resolve('@openai/agents', {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: 'alex-umbrella',
      });
      if (umbrella.errors.length > 0) return { errors: umbrella.errors };
      const subpath = args.path.slice('@openai/agents'.length);
      return build.resolve(`@openai/agents-core${subpath}`, {
        kind: args.kind,
        resolveDir: dirname(umbrella.path),
        pluginData: 'alex-umbrella',
      });
    });
    build.onLoad({ filter: NODE_MCP_SHIM }, (args) => ({
      contents:
        'export { MCPServerStdio as NodeMCPServerStdio, MCPServerSSE as NodeMCPServerSSE, ' +
        "MCPServerStreamableHttp as NodeMCPServerStreamableHttp } from './browser.mjs';",
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
    build.onLoad({ filter: ZOD_LOCALES }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/** An environment like a Lambda's: ARNs and names set, no real credentials needed to load. */
export const LAMBDA_LIKE_ENV: Readonly<Record<string, string>> = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_LAMBDA_FUNCTION_NAME: 'alex-bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AURORA_CLUSTER_ARN: 'arn:aws:rds:us-east-1:000000000000:cluster:alex-bench',
  AURORA_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:alex-bench',
  TAGGER_FUNCTION: 'alex-bench-tagger',
  REPORTER_FUNCTION: 'alex-bench-reporter',
  CHARTER_FUNCTION: 'alex-bench-charter',
  RETIREMENT_FUNCTION: 'alex-bench-retirement',
  SQS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/alex-bench',
  CLERK_ISSUER: 'https://example.clerk.accounts.dev',
  CLERK_JWKS_URL: 'https://example.clerk.accounts.dev/.well-known/jwks.json',
  CLERK_AUTHORIZED_PARTIES: 'https://example.cloudfront.net',
  CORS_ORIGINS: 'https://example.cloudfront.net',
  CLERK_WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  ORIGIN_SECRET: 'bench-origin-secret-0123456789',
};
