import { describe, expect, it } from 'vitest';
import { compileNamedParameters, splitStatements } from '../../src/sql/lexer.ts';

describe('splitStatements', () => {
  it('splits on top-level semicolons and drops empty and comment-only statements', () => {
    expect(splitStatements('SELECT 1; ; -- note\nSELECT 2;\n/* done */')).toEqual([
      'SELECT 1',
      '-- note\nSELECT 2',
    ]);
  });

  it('keeps a dollar-quoted function body with semicolons in one statement', () => {
    const sql = `CREATE FUNCTION f() RETURNS trigger AS $$
BEGIN NEW.x := 1; RETURN NEW; END;
$$ LANGUAGE plpgsql; SELECT 2`;
    expect(splitStatements(sql)).toEqual([sql.split('; SELECT 2')[0], 'SELECT 2']);
  });

  it('keeps tagged dollar quotes, strings, quoted identifiers and comments that contain semicolons', () => {
    const parts = [
      'SELECT $fn$ a; $$ b; $fn$',
      "SELECT 'it''s; fine'",
      "SELECT E'back\\'slash; quote'",
      'SELECT 1 AS "semi;colon"',
      'SELECT /* a; /* nested; */ b; */ 3',
    ];
    expect(splitStatements(parts.join(';\n'))).toEqual(parts);
  });

  it('does not mistake positional parameters for dollar quotes', () => {
    expect(splitStatements('SELECT $1; SELECT $2')).toEqual(['SELECT $1', 'SELECT $2']);
  });
});

describe('compileNamedParameters', () => {
  it('numbers named parameters in order and reuses the number of a repeated name', () => {
    expect(compileNamedParameters('SELECT :a, :b, :a')).toEqual({
      text: 'SELECT $1, $2, $1',
      names: ['a', 'b'],
    });
  });

  it('leaves casts, strings, identifiers, comments and dollar bodies alone', () => {
    const sql = `SELECT :x::int, ':y', ":z", $$ :w $$ -- :v
      , ARRAY[1,2,3][1:2]`;
    const { text, names } = compileNamedParameters(sql);
    expect(names).toEqual(['x']);
    expect(text).toContain('$1::int');
    expect(text).toContain("':y'");
    expect(text).toContain('":z"');
    expect(text).toContain('$$ :w $$');
    expect(text).toContain('-- :v');
    expect(text).toContain('[1:2]');
  });

  it('lets the caller wrap each placeholder, e.g. with a cast', () => {
    expect(compileNamedParameters('WHERE id = :id', (n) => `$${n}::uuid`).text).toBe('WHERE id = $1::uuid');
  });
});
