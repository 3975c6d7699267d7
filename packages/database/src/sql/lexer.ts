/**
 * A small PostgreSQL lexer: just enough to tell code from string literals, quoted identifiers,
 * dollar-quoted bodies and comments, so statements can be split on `;` and `:name` parameters
 * found without touching text inside any of those.
 */
export type SegmentKind = 'code' | 'string' | 'identifier' | 'dollar' | 'comment';

export interface Segment {
  kind: SegmentKind;
  text: string;
}

const IDENT_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;

/** Cuts SQL text into segments; concatenating their `text` gives the input back unchanged. */
export function scanSql(sql: string): Segment[] {
  const segments: Segment[] = [];
  let code = '';
  let i = 0;
  const flushCode = () => {
    if (code) segments.push({ kind: 'code', text: code });
    code = '';
  };
  const push = (kind: SegmentKind, end: number) => {
    flushCode();
    segments.push({ kind, text: sql.slice(i, end) });
    i = end;
  };

  while (i < sql.length) {
    const ch = sql[i] as string;
    const next = sql[i + 1];
    if (ch === '-' && next === '-') {
      const eol = sql.indexOf('\n', i);
      push('comment', eol === -1 ? sql.length : eol);
    } else if (ch === '/' && next === '*') {
      push('comment', blockCommentEnd(sql, i));
    } else if (ch === "'") {
      const prev = code.at(-1) ?? '';
      const escaped = /[eE]/.test(prev) && !IDENT_CHAR.test(code.at(-2) ?? '');
      push('string', quotedEnd(sql, i, "'", escaped));
    } else if (ch === '"') {
      push('identifier', quotedEnd(sql, i, '"', false));
    } else if (ch === '$' && !IDENT_CHAR.test(code.at(-1) ?? '')) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        push('dollar', close === -1 ? sql.length : close + tag[0].length);
      } else {
        code += ch;
        i += 1;
      }
    } else {
      code += ch;
      i += 1;
    }
  }
  flushCode();
  return segments;
}

function blockCommentEnd(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth += 1;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else {
      i += 1;
    }
  }
  return sql.length;
}

function quotedEnd(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslashEscapes && ch === '\\') {
      i += 2;
    } else if (ch === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i += 1;
    }
  }
  return sql.length;
}

/** Splits a script into statements on top-level `;`, dropping empty and comment-only ones. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current: Segment[] = [];
  const finish = () => {
    const meaningful = current.some((s) => s.kind !== 'comment' && s.text.trim() !== '');
    if (meaningful)
      statements.push(
        current
          .map((s) => s.text)
          .join('')
          .trim(),
      );
    current = [];
  };
  for (const segment of scanSql(sql)) {
    if (segment.kind !== 'code') {
      current.push(segment);
      continue;
    }
    const parts = segment.text.split(';');
    parts.forEach((part, index) => {
      if (index > 0) finish();
      if (part) current.push({ kind: 'code', text: part });
    });
  }
  finish();
  return statements;
}

/** The result of turning `:name` placeholders into positional `$n` ones. */
export interface CompiledSql {
  text: string;
  /** Parameter names in `$n` order (`names[0]` is `$1`). */
  names: string[];
}

/**
 * Rewrites `:name` placeholders to `$1`, `$2`, … (a name used twice gets one number), leaving
 * `::type` casts, strings, identifiers, dollar bodies and comments alone. `render` may wrap each
 * placeholder, e.g. to add a type cast.
 */
export function compileNamedParameters(
  sql: string,
  render: (index: number, name: string) => string = (n) => `$${n}`,
): CompiledSql {
  const names: string[] = [];
  const text = scanSql(sql)
    .map((segment) => {
      if (segment.kind !== 'code') return segment.text;
      return segment.text.replace(
        /(:?):([A-Za-z_][A-Za-z0-9_]*)/g,
        (match, colon: string, name: string, offset: number) => {
          if (colon) return match; // `::cast`
          if (/[0-9\]]/.test(segment.text[offset - 1] ?? '')) return match; // array slice a[1:n]
          let index = names.indexOf(name);
          if (index === -1) {
            names.push(name);
            index = names.length - 1;
          }
          return render(index + 1, name);
        },
      );
    })
    .join('');
  return { text, names };
}
