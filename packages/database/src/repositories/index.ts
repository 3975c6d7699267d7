import type { Executor } from '../client/data-api-client.ts';
import { accountsRepository } from './accounts.ts';
import { importsRepository } from './imports.ts';
import { instrumentsRepository } from './instruments.ts';
import { jobsRepository } from './jobs.ts';
import { portfolioRepository } from './portfolio.ts';
import { positionsRepository } from './positions.ts';
import { pricesRepository } from './prices.ts';
import { reportsRepository } from './reports.ts';
import { retirementRepository } from './retirement.ts';
import { riskRulesRepository } from './risk-rules.ts';
import { snapshotsRepository } from './snapshots.ts';
import { usersRepository } from './users.ts';
import { webhookDeliveriesRepository } from './webhook-deliveries.ts';

export * from './accounts.ts';
export * from './imports.ts';
export * from './instruments.ts';
export * from './jobs.ts';
export * from './portfolio.ts';
export * from './positions.ts';
export * from './prices.ts';
export * from './reports.ts';
export * from './retirement.ts';
export * from './risk-rules.ts';
export * from './snapshots.ts';
export * from './users.ts';
export { validate, validateId } from './validate.ts';
export * from './webhook-deliveries.ts';

/** Every repository over one executor (the client, or a transaction). */
export function createRepositories(db: Executor) {
  return {
    users: usersRepository(db),
    instruments: instrumentsRepository(db),
    accounts: accountsRepository(db),
    positions: positionsRepository(db),
    imports: importsRepository(db),
    prices: pricesRepository(db),
    portfolio: portfolioRepository(db),
    jobs: jobsRepository(db),
    reports: reportsRepository(db),
    webhookDeliveries: webhookDeliveriesRepository(db),
    retirement: retirementRepository(db),
    riskRules: riskRulesRepository(db),
    snapshots: snapshotsRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
