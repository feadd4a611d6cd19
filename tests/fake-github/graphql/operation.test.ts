import { describe, expect, it } from 'vitest';
import { graphqlOperationName } from './operation';

describe('graphqlOperationName', () => {
  it.each([
    ['the single named operation', { query: 'query Commits { viewer { login } }' }, 'Commits'],
    ['operationName over the document', { query: 'query A { a } mutation B { b }', operationName: 'B' }, 'B'],
    ['nothing for an anonymous query', { query: '{ viewer { login } }' }, undefined],
    ['nothing when several operations and no operationName', { query: 'query A { a } query B { b }' }, undefined],
    ['nothing for a syntax error', { query: 'query A {' }, undefined],
  ])('%s', (_, body, name) => {
    expect(graphqlOperationName(JSON.stringify(body))).toBe(name);
  });

  it('gives nothing for a body that is not JSON', () => {
    expect(graphqlOperationName('query=1')).toBeUndefined();
  });
});
