import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { compileTemplate, matchTemplate, type CompiledTemplate } from './match';
import { CONDITIONAL_STATUS, RAW_MEDIA_TYPE, UNDECLARED_ERROR_STATUSES } from './known-differences';
import { splitOperation } from './served';
import { loadVendored, SCHEMA_DOC_ID, type JsonSchema, type VendoredDescription, type VendoredOperation } from './vendored';

// ajv-formats is CommonJS; under ESM its callable is the namespace's default.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export interface OperationMatch {
  /** `METHOD /templated/path`, as in SERVED_OPERATIONS. */
  operation: string;
  params: Record<string, string>;
}

export interface RequestToCheck {
  method: string;
  /** Path as GitHub.com routes it (no /api/v3 prefix), without the query. */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined when the request had none. */
  body: unknown;
}

export interface ResponseToCheck {
  status: number;
  contentType: string | null;
  /** Parsed JSON body, the raw text for non-JSON media types, or undefined when empty. */
  body: unknown;
}

/** GitHub's own format names, beyond JSON Schema's; `repo.nwo` is "name with owner". */
function withFormats(ajv: Ajv): Ajv {
  addFormats(ajv);
  ajv.addFormat('repo.nwo', /^[^/\s]+\/[^/\s]+$/);
  return ajv;
}

function formatErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
}

/**
 * Checks requests and answers against the vendored slice of GitHub's OpenAPI description.
 * Request: the method and templated path exist, query parameters match their schemas, the body
 * matches `requestBody`. Response: the status is declared (or a documented universal one, see
 * known-differences.ts) and the JSON body matches its schema.
 */
export class RestValidator {
  private readonly ajv: Ajv;
  private readonly coercing: Ajv;
  private readonly templates: Map<string, CompiledTemplate<string>[]>;
  private readonly compiled = new Map<string, ValidateFunction>();
  readonly description: VendoredDescription;

  constructor(description: VendoredDescription = loadVendored()) {
    this.description = description;
    const defs = { $id: SCHEMA_DOC_ID, $defs: description.schemas };
    // Strict schema checking stays on (unknown keywords and formats fail); the type/tuple
    // heuristics are off because GitHub writes `properties` without `type: object`.
    this.ajv = withFormats(new Ajv({ allErrors: true, strictTypes: false, strictTuples: false }));
    this.ajv.addSchema(defs);
    this.coercing = withFormats(new Ajv({ allErrors: true, strictTypes: false, strictTuples: false, coerceTypes: 'array' }));
    this.coercing.addSchema(defs);
    this.templates = new Map();
    for (const key of Object.keys(description.operations)) {
      const { method, path } = splitOperation(key);
      const list = this.templates.get(method) ?? [];
      list.push(compileTemplate(path, key));
      this.templates.set(method, list);
    }
  }

  get operations(): string[] {
    return Object.keys(this.description.operations);
  }

  operation(key: string): VendoredOperation {
    const op = this.description.operations[key];
    if (!op) throw new Error(`not a vendored operation: ${key}`);
    return op;
  }

  match(method: string, path: string): OperationMatch | undefined {
    const found = matchTemplate(this.templates.get(method.toUpperCase()) ?? [], path);
    return found && { operation: found.template.value, params: found.params };
  }

  private validator(ajv: Ajv, cacheKey: string, schema: JsonSchema): ValidateFunction {
    let fn = this.compiled.get(cacheKey);
    if (!fn) {
      fn = ajv.compile(schema);
      this.compiled.set(cacheKey, fn);
    }
    return fn;
  }

  checkRequest(request: RequestToCheck): { match?: OperationMatch; errors: string[] } {
    const match = this.match(request.method, request.path);
    if (!match) return { errors: [`${request.method} ${request.path} is not an operation of GitHub's description that the fake serves`] };
    const op = this.operation(match.operation);
    const errors: string[] = [];

    const query = op.parameters.filter((p) => p.in === 'query');
    const given: Record<string, string> = {};
    for (const [name, value] of request.query) {
      if (!query.some((p) => p.name === name)) errors.push(`query parameter "${name}" is not declared`);
      else given[name] = value;
    }
    const querySchema = {
      type: 'object',
      properties: Object.fromEntries(query.map((p) => [p.name, p.schema])),
      required: query.filter((p) => p.required).map((p) => p.name),
    };
    const checkQuery = this.validator(this.coercing, `${match.operation} query`, querySchema);
    if (!checkQuery(given)) errors.push(...formatErrors(checkQuery).map((e) => `query ${e}`));

    if (op.requestBody) {
      if (request.body === undefined) {
        if (op.requestBody.required) errors.push('request body is required');
      } else {
        const checkBody = this.validator(this.ajv, `${match.operation} body`, op.requestBody.schema);
        if (!checkBody(request.body)) errors.push(...formatErrors(checkBody).map((e) => `body ${e}`));
      }
    } else if (request.body !== undefined) {
      errors.push('the operation takes no request body');
    }
    return { match, errors };
  }

  checkResponse(operation: string, response: ResponseToCheck): string[] {
    const op = this.operation(operation);
    const status = String(response.status);
    const declared = op.responses[status];
    const isGet = splitOperation(operation).method === 'GET';
    if (!declared) {
      if (response.status === CONDITIONAL_STATUS && isGet) {
        return response.body === undefined ? [] : ['a 304 answer must have no body'];
      }
      if (!UNDECLARED_ERROR_STATUSES.has(response.status)) return [`status ${status} is not declared for ${op.operationId}`];
      return this.checkBody(`basic-error`, { $ref: `${SCHEMA_DOC_ID}#/$defs/basic-error` }, response.body);
    }
    if (declared.contentTypes.length === 0) return response.body === undefined ? [] : [`status ${status} is declared without a body`];
    if (response.contentType && RAW_MEDIA_TYPE.test(response.contentType)) {
      return typeof response.body === 'string' ? [] : ['a raw media type answer must be text'];
    }
    if (!declared.schema) return [];
    return this.checkBody(`${operation} ${status}`, declared.schema, response.body);
  }

  private checkBody(cacheKey: string, schema: JsonSchema, body: unknown): string[] {
    const check = this.validator(this.ajv, cacheKey, schema);
    return check(body) ? [] : formatErrors(check).map((e) => `response ${e}`);
  }
}
