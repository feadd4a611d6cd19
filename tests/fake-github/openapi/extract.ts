import { SCHEMA_DOC_ID, type JsonSchema, type VendoredDescription, type VendoredOperation, type VendoredParameter, type VendoredResponse } from './vendored';
import { splitOperation } from './served';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Keywords dropped from schemas: documentation only, no constraint. */
const ANNOTATIONS = new Set(['description', 'example', 'examples', 'title', 'externalDocs']);
/** Keywords kept. Anything else fails the vendoring loudly rather than being silently lost. */
const CONSTRAINTS = new Set([
  'type',
  'properties',
  'required',
  'items',
  'enum',
  'format',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  'additionalProperties',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'maxLength',
  'minLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'default',
  'readOnly',
  'writeOnly',
  'deprecated',
  '$ref',
  'nullable',
  'discriminator',
]);
const SCHEMA_PREFIX = '#/components/schemas/';

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: Json | undefined, where: string): JsonObject {
  if (!isObject(value)) throw new Error(`expected an object at ${where}`);
  return value;
}

/** Follows a local `#/...` pointer in the description (parameters, responses, examples, requestBodies). */
function resolve(spec: JsonObject, node: Json | undefined, where: string): JsonObject {
  let current = asObject(node, where);
  while (typeof current.$ref === 'string') {
    const pointer = current.$ref;
    let target: Json | undefined = spec;
    for (const part of pointer.replace(/^#\//, '').split('/')) target = isObject(target) ? target[part] : undefined;
    current = asObject(target, pointer);
  }
  return current;
}

/**
 * Rewrites one OpenAPI 3.0 schema into JSON Schema that ajv accepts with GitHub's meaning:
 * `nullable: true` becomes `anyOf: [schema, {type: 'null'}]` (ajv refuses `nullable` next to
 * `$ref`/`allOf`, which GitHub uses), component `$ref`s point into the vendored `$defs`, and
 * documentation keywords go. Inside a `oneOf`, nullable branches are hoisted into one outer
 * null alternative: otherwise `null` would match several branches and fail `oneOf`.
 */
export function rewriteSchema(node: Json, referenced: Set<string>, where = 'schema'): JsonSchema {
  const source = asObject(node, where);
  const out: JsonSchema = {};
  let nullable = source.nullable === true;
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith('x-') || ANNOTATIONS.has(key) || key === 'nullable' || key === 'discriminator') continue;
    if (!CONSTRAINTS.has(key)) throw new Error(`unsupported schema keyword "${key}" at ${where}`);
    if (key === '$ref') {
      if (typeof value !== 'string' || !value.startsWith(SCHEMA_PREFIX)) throw new Error(`unexpected $ref ${String(value)} at ${where}`);
      const name = value.slice(SCHEMA_PREFIX.length);
      referenced.add(name);
      out.$ref = `${SCHEMA_DOC_ID}#/$defs/${name}`;
    } else if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(asObject(value, `${where}.properties`)).map(([name, sub]) => [name, rewriteSchema(sub, referenced, `${where}.${name}`)]),
      );
    } else if (key === 'items' || key === 'not' || (key === 'additionalProperties' && isObject(value))) {
      out[key] = rewriteSchema(value, referenced, `${where}.${key}`);
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      if (!Array.isArray(value)) throw new Error(`${key} must be an array at ${where}`);
      let branches = value;
      if (key === 'oneOf' && branches.some((b) => isObject(b) && b.nullable === true)) {
        nullable = true;
        branches = branches.map((b) => (isObject(b) ? { ...b, nullable: false } : b));
      }
      out[key] = branches.map((b, i) => rewriteSchema(b, referenced, `${where}.${key}[${i}]`));
    } else {
      out[key] = value;
    }
  }
  if (isObject(source.discriminator)) applyDiscriminator(out, source.discriminator, referenced, where);
  return nullable ? { anyOf: [out, { type: 'null' }] } : out;
}

/**
 * OpenAPI's `discriminator` picks the one `oneOf` branch named by a property's value. GitHub uses
 * it where branches overlap (a private user also satisfies the public-user schema), so a plain
 * `oneOf` would refuse valid answers. Rewritten as: the body matches some branch (`anyOf`), and
 * when the property names a mapped branch, it matches that branch.
 */
function applyDiscriminator(out: JsonSchema, discriminator: JsonObject, referenced: Set<string>, where: string): void {
  const property = String(discriminator.propertyName);
  const mapping = asObject(discriminator.mapping ?? {}, `${where}.discriminator.mapping`);
  if (!Array.isArray(out.oneOf)) throw new Error(`discriminator without oneOf at ${where}`);
  out.anyOf = out.oneOf;
  delete out.oneOf;
  const selected = Object.entries(mapping).map(([value, ref]) => ({
    if: { type: 'object', properties: { [property]: { const: value } }, required: [property] },
    then: rewriteSchema({ $ref: ref }, referenced, `${where}.discriminator.${value}`),
  }));
  out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), ...selected];
}

function examplesOf(spec: JsonObject, media: JsonObject, where: string): unknown[] {
  const found: unknown[] = [];
  if (media.example !== undefined) found.push(media.example);
  if (isObject(media.examples)) {
    for (const [name, example] of Object.entries(media.examples)) {
      found.push(resolve(spec, example, `${where}.examples.${name}`).value);
    }
  }
  return found;
}

function extractOperation(spec: JsonObject, key: string, referenced: Set<string>): VendoredOperation {
  const { method, path } = splitOperation(key);
  const pathItem = asObject(asObject(spec.paths, 'paths')[path], `paths[${path}]`);
  const op = pathItem[method.toLowerCase()];
  if (!isObject(op)) throw new Error(`GitHub's description has no operation ${key}`);
  const where = String(op.operationId);

  const parameters: VendoredParameter[] = [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(op.parameters) ? op.parameters : []),
  ].map((p, i) => {
    const param = resolve(spec, p, `${where}.parameters[${i}]`);
    return {
      name: String(param.name),
      in: param.in as VendoredParameter['in'],
      required: param.required === true,
      schema: rewriteSchema(param.schema ?? {}, referenced, `${where}.${String(param.name)}`),
    };
  });

  const result: VendoredOperation = {
    operationId: where,
    docsUrl: String(asObject(op.externalDocs, `${where}.externalDocs`).url),
    parameters,
    responses: {},
    examples: { request: [], responses: {} },
  };

  if (op.requestBody !== undefined) {
    const body = resolve(spec, op.requestBody, `${where}.requestBody`);
    const media = asObject(asObject(body.content, `${where}.requestBody.content`)['application/json'], `${where} request application/json`);
    result.requestBody = { required: body.required === true, schema: rewriteSchema(media.schema ?? {}, referenced, `${where}.requestBody`) };
    result.examples.request = examplesOf(spec, media, `${where}.requestBody`);
  }

  for (const [status, raw] of Object.entries(asObject(op.responses, `${where}.responses`))) {
    const response = resolve(spec, raw, `${where}.responses.${status}`);
    const content = isObject(response.content) ? response.content : {};
    const entry: VendoredResponse = { description: String(response.description ?? ''), contentTypes: Object.keys(content) };
    const json = content['application/json'];
    if (isObject(json) && json.schema !== undefined) {
      entry.schema = rewriteSchema(json.schema, referenced, `${where}.responses.${status}`);
      const examples = examplesOf(spec, json, `${where}.responses.${status}`);
      if (examples.length > 0) result.examples.responses[status] = examples;
    }
    result.responses[status] = entry;
  }
  return result;
}

/** Cuts GitHub's whole description down to `operations` and the component schemas they reach. */
export function extractOperations(spec: JsonObject, operations: readonly string[], source: VendoredDescription['source']): VendoredDescription {
  const referenced = new Set<string>();
  const out: VendoredDescription = { source, operations: {}, schemas: {} };
  for (const key of operations) out.operations[key] = extractOperation(spec, key, referenced);
  const components = asObject(asObject(spec.components, 'components').schemas, 'components.schemas');
  const pending = [...referenced];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (out.schemas[name]) continue;
    const before = new Set(referenced);
    out.schemas[name] = rewriteSchema(asObject(components[name], `components.schemas.${name}`), referenced, name);
    for (const added of referenced) if (!before.has(added)) pending.push(added);
  }
  out.schemas = Object.fromEntries(Object.entries(out.schemas).sort(([a], [b]) => a.localeCompare(b)));
  return out;
}
