import { beforeAll, describe, expect, it } from 'vitest';
import { PARTS } from '../../src/parts.ts';
import { UNTAGGABLE_RESOURCE_TYPES } from '../../src/tags.ts';
import { list, resources, type StackJson, statementsOf, synthAll } from '../synth-helpers.ts';

let stacks: Record<string, StackJson>;

beforeAll(() => {
  ({ stacks } = synthAll());
});

/** Every policy document in a stack: role policies, trust policies, bucket policies. */
function policies(stack: StackJson): { where: string; policy: unknown }[] {
  return resources(stack).flatMap(({ type, name, body }) =>
    ['policy', 'assume_role_policy']
      .filter((key) => typeof body[key] === 'string')
      .map((key) => ({ where: `${type}.${name}.${key}`, policy: body[key] })),
  );
}

describe.each(PARTS.map(({ stack }) => stack))('the %s stack', (name) => {
  it('configures the AWS provider with the cost allocation tags as default_tags', () => {
    const provider = stacks[name]?.provider.aws[0] as { default_tags: { tags: Record<string, string> }[] };
    expect(provider.default_tags[0]?.tags).toEqual({ Project: 'alex', Environment: 'test', Owner: 'ada' });
  });

  it('tags every taggable resource with Project, Environment and Owner', () => {
    const untagged = resources(stacks[name] as StackJson)
      .filter(({ type }) => !UNTAGGABLE_RESOURCE_TYPES.has(type))
      .filter(({ body }) => {
        const tags = body.tags as Record<string, string> | undefined;
        return tags?.Project !== 'alex' || tags.Environment !== 'test' || tags.Owner !== 'ada';
      })
      .map(({ type, name: id }) => `${type}.${id}`);
    expect(untagged).toEqual([]);
  });

  it('leaves untagged only the resource types documented as having no tags', () => {
    const untaggedTypes = resources(stacks[name] as StackJson)
      .filter(({ body }) => body.tags === undefined)
      .map(({ type }) => type);
    for (const type of untaggedTypes) expect(UNTAGGABLE_RESOURCE_TYPES.has(type), type).toBe(true);
  });

  it('has no resource of a type listed as untaggable that actually carries tags', () => {
    const tagged = resources(stacks[name] as StackJson)
      .filter(({ type, body }) => UNTAGGABLE_RESOURCE_TYPES.has(type) && body.tags !== undefined)
      .map(({ type }) => type);
    expect(tagged).toEqual([]);
  });

  it('never allows a "*" action or a service-wide wildcard action', () => {
    for (const { where, policy } of policies(stacks[name] as StackJson)) {
      for (const statement of statementsOf(policy).filter((s) => s.Effect === 'Allow')) {
        for (const action of list(statement.Action)) {
          expect(action, where).not.toBe('*');
          expect(action.endsWith(':*'), `${where}: ${action}`).toBe(false);
        }
      }
    }
  });

  it('never allows on "*" resources', () => {
    for (const { where, policy } of policies(stacks[name] as StackJson)) {
      for (const statement of statementsOf(policy).filter((s) => s.Effect === 'Allow')) {
        expect(list(statement.Resource), where).not.toContain('*');
      }
    }
  });
});

describe('stack wiring', () => {
  it('reads earlier stacks through terraform_remote_state on the local backend', () => {
    const remote = stacks.agents?.data?.terraform_remote_state?.['stack-database'] as {
      backend: string;
      config: { path: string };
    };
    expect(remote.backend).toBe('local');
    expect(remote.config.path).toMatch(/test\/database\.tfstate$/);
  });

  it('keeps each stack in its own local state file', () => {
    const { backend } = (stacks.observability as StackJson).terraform as {
      backend: { local: { path: string } };
    };
    expect(backend.local.path).toMatch(/test\/observability\.tfstate$/);
  });
});
