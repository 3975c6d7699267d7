import { describe, expect, it } from 'vitest';
import { allEndpoints } from '../src/index.ts';
import { openApiDocument } from '../src/openapi.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests read a JSON document freely
type Json = Record<string, any>;

const doc = openApiDocument() as Json;

function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refs(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else refs(child, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with one operation per endpoint, named by its operationId', () => {
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths as Json).flatMap(([path, methods]) =>
      Object.entries(methods as Json).map(
        ([method, op]) => `${op.operationId} ${method.toUpperCase()} ${path}`,
      ),
    );
    const expected = Object.entries(allEndpoints).map(([id, e]) => `${id} ${e.method} ${e.path}`);
    expect(operations.sort()).toEqual(expected.sort());
  });

  it('resolves every $ref to a schema under components', () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(20);
    for (const ref of all) {
      const id = ref.replace('#/components/schemas/', '');
      expect(doc.components.schemas[id], ref).toBeDefined();
    }
  });

  it('describes responses as sent, closed to undescribed fields', () => {
    const user = doc.components.schemas.User;
    expect(user.additionalProperties).toBe(false);
    expect(user.required).toContain('target_retirement_income');
    expect(doc.paths['/api/analyze'].post.responses['202'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/StartAnalysisResponse',
    });
  });

  it('describes request bodies as a caller writes them (decimals as a string or a number)', () => {
    const body = doc.components.schemas.CreateAccountBody;
    expect(body.properties.cash_balance.type).toEqual(['string', 'number']);
    expect(body.required).toEqual(['account_name']);
    expect(doc.paths['/api/analyze'].post.requestBody.required).toBe(false);
    expect(doc.paths['/api/accounts'].post.requestBody.required).toBe(true);
  });

  it('turns path and query parameters into parameters', () => {
    const get = doc.paths['/api/jobs/{id}'].get;
    expect(get.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
    ]);
    const search = doc.paths['/api/instruments'].get.parameters.map((p: Json) => [p.name, p.in, p.required]);
    expect(search).toEqual([
      ['q', 'query', false],
      ['limit', 'query', false],
      ['cursor', 'query', false],
    ]);
  });

  it('asks for the bearer token on user routes only, and tags the local-only routes', () => {
    expect(doc.paths['/api/user'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/webhooks/clerk'].post.security).toEqual([]);
    expect(doc.paths['/local/token'].post.tags).toEqual(['local']);
    expect(doc.paths['/api/portfolio'].get.tags).toBeUndefined();
  });
});
