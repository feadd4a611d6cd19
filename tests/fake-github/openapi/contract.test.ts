import { readdirSync, readFileSync } from 'node:fs';
import { FAILING_DOC_EXAMPLES } from './known-differences';
import { SERVED_OPERATIONS, splitOperation } from './served';
import { RestValidator } from './validator';
import { pathToFileURL } from 'node:url';
import { GITHUB_API_FIXTURES } from '../../fixture-paths';

/**
 * Contract checks of the validator itself, on data that came from GitHub rather than from the
 * fake: GitHub's documentation examples (vendored with the schemas) and the recorded or observed
 * answers in tests/fixtures/github-api. If the nullable rewrite or the template matching
 * were wrong, these would fail.
 */
const FIXTURES = pathToFileURL(`${GITHUB_API_FIXTURES}/`);
const validator = new RestValidator();
const knownFailing = new Set(FAILING_DOC_EXAMPLES.flatMap((d) => d.examples));

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T;
}

function concrete(template: string): string {
  return template.replace(/\{[^}]+\}/g, (name) => (name === '{ref}' ? 'heads/feature/x' : name === '{path}' ? 'dir/params.yaml' : '1'));
}

describe('vendored description', () => {
  it('holds exactly the served operations, and the source it came from', () => {
    expect(Object.keys(validator.description.operations).sort()).toEqual([...SERVED_OPERATIONS].sort());
    expect(validator.description.source).toMatchObject({ package: '@octokit/openapi', version: '23.0.2', file: 'generated/api.github.com.json' });
  });

  it('matches every served template back to itself, with slashes allowed in {path} and {ref}', () => {
    for (const op of SERVED_OPERATIONS) {
      const { method, path } = splitOperation(op);
      expect(validator.match(method, concrete(path))?.operation).toBe(op);
    }
    expect(validator.match('GET', '/repos/o/r/contents/a/b/c.txt')?.params.path).toBe('a/b/c.txt');
    expect(validator.match('PATCH', '/repos/o/r/git/refs/heads/feat/x')?.params.ref).toBe('heads/feat/x');
    expect(validator.match('GET', '/repos/o/r/commits/feat%2Fx/status')?.params.ref).toBe('feat/x');
    expect(validator.match('DELETE', '/repos/o/r/git/refs/heads/main')).toBeUndefined();
    expect(validator.match('GET', '/repos/o/r/branches')).toBeUndefined();
  });
});

describe("GitHub's documentation examples against GitHub's schemas", () => {
  const cases = Object.entries(validator.description.operations).flatMap(([op, spec]) =>
    Object.entries(spec.examples.responses).map(([status, examples]) => ({ op, status, examples })),
  );

  it.each(cases)('$op $status', ({ op, status, examples }) => {
    const errors = examples.flatMap((body) => validator.checkResponse(op, { status: Number(status), contentType: 'application/json', body }));
    if (knownFailing.has(`${op} ${status}`)) expect(errors, 'a known difference that no longer fails: drop it from the list').not.toEqual([]);
    else expect(errors).toEqual([]);
  });

  it('every known difference names an example that exists', () => {
    for (const key of knownFailing) {
      const [method, path, status] = key.split(' ');
      expect(validator.operation(`${method} ${path}`).examples.responses[status!]).toBeDefined();
    }
  });

  it.each(Object.entries(validator.description.operations).filter(([, s]) => s.examples.request.length > 0))('request examples of %s', (op, spec) => {
    const { method, path } = splitOperation(op);
    for (const body of spec.examples.request) {
      expect(validator.checkRequest({ method, path: concrete(path), query: new URLSearchParams(), body }).errors).toEqual([]);
    }
  });
});

interface Interaction {
  method: string;
  path: string;
  body: unknown;
  status: number;
  response: unknown;
  headers: Record<string, string>;
}

describe('recorded answers of the real api.github.com (octokit/fixtures)', () => {
  const recorded = readdirSync(FIXTURES)
    .filter((f) => f.startsWith('recorded-') && f !== 'recorded-validation-error-422.octokit-fixtures.json')
    .flatMap((f) => fixture<{ interactions: Interaction[] }>(f).interactions.map((i) => ({ file: f, ...i })));

  it.each(recorded)('$method $path ($status)', ({ method, path, body, status, response, headers }) => {
    const check = validator.checkRequest({ method: method.toUpperCase(), path, query: new URLSearchParams(), body: body === '' ? undefined : body });
    expect(check.errors).toEqual([]);
    expect(validator.checkResponse(check.match!.operation, { status, contentType: headers['content-type'] ?? null, body: response })).toEqual([]);
  });

  it("the recorded 422 (on labels, which the fake doesn't serve) fits the validation-error answer of POST git/refs", () => {
    const [interaction] = fixture<{ interactions: Interaction[] }>('recorded-validation-error-422.octokit-fixtures.json').interactions;
    expect(
      validator.checkResponse('POST /repos/{owner}/{repo}/git/refs', { status: 422, contentType: 'application/json', body: interaction!.response }),
    ).toEqual([]);
  });

  it('a wrong body is refused, so the checks above can fail', () => {
    const errors = validator.checkResponse('POST /repos/{owner}/{repo}/git/refs', {
      status: 201,
      contentType: 'application/json',
      body: { ref: 'refs/heads/x' },
    });
    expect(errors.join('\n')).toMatch(/required property 'object'/);
    expect(validator.checkResponse('GET /repos/{owner}/{repo}', { status: 418, contentType: 'application/json', body: {} })).toEqual([
      'status 418 is not declared for repos/get',
    ]);
    expect(validator.checkRequest({ method: 'POST', path: '/repos/o/r/git/refs', query: new URLSearchParams(), body: { ref: 1 } }).errors).toEqual([
      "body (root) must have required property 'sha'",
      'body /ref must be string',
    ]);
  });
});

describe('docs examples saved in the fixtures folder', () => {
  const saved = readdirSync(FIXTURES)
    .filter((f) => f.startsWith('rest-') && f.endsWith('.docs-example.json'))
    .map((f) => ({ file: f, ...fixture<{ route: string; status: number; body: unknown }>(f) }));

  it.each(saved)('$file', ({ route, status, body }) => {
    const errors = validator.checkResponse(route, { status, contentType: 'application/json', body });
    if (knownFailing.has(`${route} ${status}`)) expect(errors).not.toEqual([]);
    else expect(errors).toEqual([]);
  });
});

describe('observed REST error shapes (rest-and-graphql-error-shapes.observed.json)', () => {
  const routes: Record<string, string> = {
    'PATCH /repos/{o}/{r}/git/refs/heads/{b}': 'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
    'POST /repos/{o}/{r}/git/refs': 'POST /repos/{owner}/{repo}/git/refs',
    'POST /repos/{o}/{r}/pulls': 'POST /repos/{owner}/{repo}/pulls',
  };
  const cases = fixture<{ cases: { when: string; status: number; body: unknown }[] }>('rest-and-graphql-error-shapes.observed.json').cases.flatMap((c) => {
    const route = Object.keys(routes).find((r) => c.when.startsWith(r));
    return route ? [{ ...c, operation: routes[route]! }] : [];
  });

  it.each(cases)('$when', ({ operation, status, body, when }) => {
    const errors = validator.checkResponse(operation, { status, contentType: 'application/json', body });
    // The third-party note for "no commits" quotes the errors only; GitHub's validation-error
    // schema requires documentation_url, which every recorded GitHub 422 carries.
    if (when.includes('no commits beyond base')) expect(errors).toEqual(["response (root) must have required property 'documentation_url'"]);
    else expect(errors).toEqual([]);
  });

  it('covers the four REST write cases', () => expect(cases).toHaveLength(4));
});

describe('the contract check around a handler', () => {
  it('records a request and an answer that do not fit, so the route tests can fail', async () => {
    const { withContract } = await import('./checked');
    const broken = withContract(() => Response.json({ ref: 'refs/heads/x' }, { status: 201 }), validator);
    const url = new URL('http://127.0.0.1/api/v3/repos/o/r/git/refs?bogus=1');
    const body = new TextEncoder().encode(JSON.stringify({ ref: 'refs/heads/x' }));
    await broken.handler({
      method: 'POST',
      site: 'api',
      path: '/repos/o/r/git/refs',
      url,
      headers: new Headers(),
      body,
      text: () => new TextDecoder().decode(body),
      json: () => JSON.parse(new TextDecoder().decode(body)) as unknown,
    });
    expect(broken.log.violations).toEqual([
      'POST /repos/o/r/git/refs?bogus=1: request query parameter "bogus" is not declared',
      "POST /repos/o/r/git/refs?bogus=1: request body (root) must have required property 'sha'",
      "POST /repos/o/r/git/refs?bogus=1 → 201: response (root) must have required property 'node_id'",
      "POST /repos/o/r/git/refs?bogus=1 → 201: response (root) must have required property 'url'",
      "POST /repos/o/r/git/refs?bogus=1 → 201: response (root) must have required property 'object'",
    ]);
    expect(broken.log.checked.get('POST /repos/{owner}/{repo}/git/refs')).toMatchObject({ requests: 1, responses: 1 });
  });
});
