import type { Config } from './config.ts';

/**
 * The SPA's Content-Security-Policy, naming exact hosts only. Scripts from the site and the Clerk
 * instance (`CLERK_ISSUER`; none without it); API calls to the site itself (`/api/*` is served by
 * the same CloudFront distribution); Clerk's bot check runs in a Cloudflare frame; Recharts and
 * Clerk set inline styles.
 */
export function contentSecurityPolicy(config: Pick<Config, 'clerkIssuer'>): string {
  const clerk = config.clerkIssuer === undefined ? [] : [new URL(config.clerkIssuer).origin];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...clerk, 'https://challenges.cloudflare.com'],
    // clerk-telemetry.com receives Clerk's development-instance telemetry.
    'connect-src': ["'self'", ...clerk, 'https://clerk-telemetry.com'],
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
