import { BACKENDS, startTestDatabase, type TestDatabase } from '@alex/local-data-api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRepositories,
  type Repositories,
  resetDatabase,
  TEST_USER,
  userFromRow,
  ValidationError,
} from '../../src/index.ts';

const USER = 'user_planner';
const THIS_YEAR = new Date().getUTCFullYear();

describe.each(BACKENDS)("the user's retirement plan on %s", (kind) => {
  let db: TestDatabase;
  let repos: Repositories;

  beforeAll(async () => {
    db = await startTestDatabase(kind);
    await resetDatabase(db.client, { withTestData: true });
    repos = createRepositories(db.client);
  });
  afterAll(async () => db?.close());

  it('starts a new user with no plan entered: no age, no saving, no other income or fees', async () => {
    // Act
    const user = await repos.users.getOrCreate({ clerk_user_id: USER });

    // Assess
    expect(user).toMatchObject({
      birth_year: null,
      current_age: null,
      retirement_age: null,
      annual_contribution: null,
      contribution_rises_with_inflation: false,
      other_retirement_income: '0.00',
      other_income_start_age: null,
      annual_fee_percent: '0.00',
      risk_score: null,
      years_until_retirement: 20,
    });
  });

  it('stores every plan field and derives the age and years until retirement from them', async () => {
    // Act
    const user = await repos.users.update(USER, {
      birth_year: THIS_YEAR - 45,
      retirement_age: 67,
      annual_contribution: '12000.50',
      contribution_rises_with_inflation: true,
      other_retirement_income: '18000',
      other_income_start_age: 70,
      annual_fee_percent: '0.45',
      risk_score: 4,
    });

    // Assess
    expect(user).toMatchObject({
      current_age: 45,
      retirement_age: 67,
      years_until_retirement: 22,
      annual_contribution: '12000.50',
      contribution_rises_with_inflation: true,
      other_retirement_income: '18000.00',
      other_income_start_age: 70,
      annual_fee_percent: '0.45',
      risk_score: 4,
    });
    expect(await repos.users.get(USER)).toEqual(user);
    expect((await repos.portfolio.get(USER)).user).toEqual(user);
  });

  it('moves the retirement age when only the years until retirement change, keeping the two consistent', async () => {
    // Act
    const user = await repos.users.update(USER, { years_until_retirement: 10 });

    // Assess
    expect(user).toMatchObject({ current_age: 45, retirement_age: 55, years_until_retirement: 10 });
  });

  it('clears a field sent as null and leaves the fields not sent alone', async () => {
    // Act
    const user = await repos.users.update(USER, { annual_contribution: null, risk_score: null });

    // Assess
    expect(user).toMatchObject({ annual_contribution: null, risk_score: null, annual_fee_percent: '0.45' });
  });

  it.each([
    [{ annual_fee_percent: '6' }, /annual_fee_percent/],
    [{ annual_contribution: '10000001' }, /annual_contribution/],
    [{ risk_score: 11 }, /risk_score/],
    [{ retirement_age: 20 }, /retirement_age/],
    [{ birth_year: THIS_YEAR - 5 }, /birth_year/],
  ])('rejects an out-of-range plan field (%o) before the database', async (update, field) => {
    // Act
    const attempt = repos.users.update(USER, update);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toThrow(field);
  });

  it('gives the demo user a whole plan: 40 this year, retiring at 65, saving $15,000 raised with inflation', async () => {
    // Act
    const demo = await repos.users.get(TEST_USER.clerk_user_id);

    // Assess
    expect(demo).toMatchObject({
      current_age: 40,
      retirement_age: 65,
      years_until_retirement: 25,
      annual_contribution: '15000.00',
      contribution_rises_with_inflation: true,
      other_retirement_income: '24000.00',
      other_income_start_age: 67,
      annual_fee_percent: '0.20',
      risk_score: 6,
    });
  });
});

describe('userFromRow', () => {
  it('never lets the years until retirement go below zero once the retirement age has passed', () => {
    // Act
    const user = userFromRow(
      {
        clerk_user_id: 'u',
        display_name: null,
        years_until_retirement: 5,
        target_retirement_income: '1.00',
        asset_class_targets: { equity: 100 },
        region_targets: { north_america: 100 },
        birth_year: 1950,
        retirement_age: 65,
        annual_contribution: null,
        contribution_rises_with_inflation: false,
        other_retirement_income: '0.00',
        other_income_start_age: null,
        annual_fee_percent: '0.00',
        risk_score: null,
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
      },
      new Date('2026-06-01T00:00:00Z'),
    );

    // Assess
    expect(user).toMatchObject({ current_age: 76, years_until_retirement: 0 });
  });
});
