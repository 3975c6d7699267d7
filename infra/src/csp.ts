import type { Config } from './config.ts';

/**
 * The SPA's Content-Security-Policy. Scripts only from the site and Clerk; API calls to API Gateway
 * in our region (a wildcard because the API id is unknown until it exists, and naming it would make
 * CloudFront depend on the API that already depends on CloudFront for CORS); Clerk's bot check runs
 * in a Cloudflare frame; Recharts and Clerk set inline styles.
 */
export function contentSecurityPolicy(config: Pick<Config, 'region' | 'clerkIssuer'>): string {
  const clerk = config.clerkIssuer ?? 'https://*.clerk.accounts.dev';
  const api = `https://*.execute-api.${config.region}.amazonaws.com`;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", clerk, 'https://challenges.cloudflare.com'],
    // clerk-telemetry.com receives Clerk's development-instance telemetry.
    'connect-src': ["'self'", api, clerk, 'https://clerk-telemetry.com'],
    'img-src': ["'self'", 'data:', 'https://img.clerk.com'],
    'style-src': ["'self'", "'unsafe-inline'"],
    'font-src': ["'self'", 'data:'],
    'frame-src': ['https://challenges.cloudflare.com'],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
