import {
  createRepositories,
  type DataApiClient,
  localDataApiClient,
  resetDatabase,
  sql,
} from '@alex/database';
import { type LocalStore, postgresReachable, startLocalDataApi } from '@alex/local-data-api';
import type { BenchResult, BenchSuite } from './harness.ts';
import { medianMs, throughput } from './harness.ts';

const SYMBOLS = ['SPY', 'QQQ', 'IWM', 'VTI', 'VOO', 'VEA', 'VWO', 'BND', 'AGG', 'GLD'];
const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function withLocalDataApi<T>(
  store: LocalStore,
  work: (client: DataApiClient) => Promise<T>,
): Promise<T> {
  const server = await startLocalDataApi({ store, port: 0 });
  try {
    return await work(localDataApiClient(server.url));
  } finally {
    await server.close();
  }
}

/** Gives `user` `accounts` accounts of ten positions each, in one transaction. */
async function seedPortfolio(client: DataApiClient, user: string, accounts: number): Promise<string> {
  const repos = createRepositories(client);
  await repos.users.getOrCreate({ clerk_user_id: user });
  let firstAccount = '';
  await client.transaction(async (tx) => {
    const positions = [];
    for (let a = 0; a < accounts; a += 1) {
      const [row] = await tx.query<{ id: string }>(
        'INSERT INTO accounts (clerk_user_id, account_name) VALUES (:user, :name) RETURNING id',
        { user, name: `Account ${a}` },
      );
      firstAccount ||= row?.id ?? '';
      for (const symbol of SYMBOLS) {
        positions.push({ account: sql.uuid(row?.id ?? null), symbol, quantity: sql.decimal('10.5') });
      }
    }
    await tx.batch(
      'INSERT INTO positions (account_id, symbol, quantity) VALUES (:account, :symbol, :quantity)',
      positions,
    );
  });
  return firstAccount;
}

/** Counts Data API calls made by `work`. */
async function statementsOf(client: DataApiClient, work: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const stop = client.onStatement(() => {
    count += 1;
  });
  try {
    await work();
  } finally {
    stop();
  }
  return count;
}

async function statementCounts(): Promise<BenchResult[]> {
  return withLocalDataApi({ kind: 'pglite' }, async (client) => {
    await resetDatabase(client);
    const repos = createRepositories(client);
    const results: BenchResult[] = [];
    for (const accounts of [1, 10, 100]) {
      const user = `bench_user_${accounts}`;
      const accountId = await seedPortfolio(client, user, accounts);
      const size = `${accounts} accounts × 10 positions`;
      const calls: [string, () => Promise<unknown>][] = [
        ['portfolio.get', () => repos.portfolio.get(user)],
        ['accounts.list', () => repos.accounts.list(user)],
        ['positions.listForAccount', () => repos.positions.listForAccount(user, accountId)],
      ];
      for (const [name, call] of calls) {
        results.push({
          suite: 'database',
          name: `${name} statements (${size})`,
          value: await statementsOf(client, call),
          unit: 'statements',
        });
      }
      results.push({
        suite: 'database',
        name: `portfolio.get time (${size})`,
        value: Number((await medianMs(() => repos.portfolio.get(user))).toFixed(2)),
        unit: 'ms',
        note: 'embedded PGlite through the local Data API',
      });
    }
    return results;
  });
}

async function dataApiThroughput(kind: 'pglite' | 'postgres'): Promise<BenchResult> {
  const store: LocalStore = kind === 'pglite' ? { kind } : { kind, url: POSTGRES_URL };
  return withLocalDataApi(store, async (client) => {
    const statement = () => client.query('SELECT :n::int AS n, now() AS at', { n: 1 });
    await throughput(statement, 50, 4);
    const perSecond = await throughput(statement, 1000, 8);
    return {
      suite: 'database',
      name: `local Data API throughput (${kind})`,
      value: Math.round(perSecond),
      unit: 'statements/s',
      note: '1000 SELECTs through the AWS SDK client, 8 in flight',
    };
  });
}

/** Statement counts per repository call (must not grow with the portfolio) and Data API throughput. */
export const databaseSuite: BenchSuite = {
  name: 'database',
  async run() {
    const results = await statementCounts();
    results.push(await dataApiThroughput('pglite'));
    if (await postgresReachable(POSTGRES_URL, 1000)) results.push(await dataApiThroughput('postgres'));
    else
      results.push({
        suite: 'database',
        name: 'local Data API throughput (postgres)',
        value: Number.NaN,
        unit: 'statements/s',
        note: `not measured: nothing at ${POSTGRES_URL}`,
      });
    return results;
  },
};
