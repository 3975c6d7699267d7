import { endpoints } from '@alex/contract';
import type { ApiDeps } from '../deps.ts';
import { json } from '../http.ts';
import { publicRoute, type Route } from '../router.ts';
import { accountRoutes } from './accounts.ts';
import { analysisRoutes } from './analysis.ts';
import { instrumentRoutes } from './instruments.ts';
import { localRoutes } from './local.ts';
import { portfolioRoutes } from './portfolio.ts';
import { portfolioFileRoutes } from './portfolio-files.ts';
import { positionRoutes } from './positions.ts';
import { toolRoutes } from './tools.ts';
import { userRoutes } from './user.ts';
import { webhookRoutes } from './webhooks.ts';

const healthRoutes: Route[] = [
  publicRoute(endpoints.health, async () => json(200, { status: 'ok' as const })),
];

/** Every route the API serves; the local helpers only in local mode. */
export function apiRoutes(deps: Pick<ApiDeps, 'localMode'>): Route[] {
  return [
    ...healthRoutes,
    ...userRoutes,
    ...accountRoutes,
    ...positionRoutes,
    ...instrumentRoutes,
    ...portfolioRoutes,
    ...portfolioFileRoutes,
    ...analysisRoutes,
    ...toolRoutes,
    ...webhookRoutes,
    ...(deps.localMode ? localRoutes : []),
  ];
}
