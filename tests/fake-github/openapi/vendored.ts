import { readFileSync } from 'node:fs';

/**
 * The shape of `github-rest.json`: the slice of GitHub's OpenAPI description for the operations
 * the fake serves, with component schemas resolved into `schemas` and referenced as
 * `github-rest.json#/$defs/<name>`, and OpenAPI 3.0's `nullable` already rewritten for ajv.
 */
export type JsonSchema = { [keyword: string]: unknown };

export interface VendoredParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface VendoredResponse {
  description: string;
  /** Media types the description lists for this status (empty for bodiless answers like 304). */
  contentTypes: string[];
  /** Schema of the JSON body, when the description gives one. */
  schema?: JsonSchema;
}

export interface VendoredOperation {
  operationId: string;
  docsUrl: string;
  parameters: VendoredParameter[];
  requestBody?: { required: boolean; schema: JsonSchema };
  responses: Record<string, VendoredResponse>;
  /** GitHub's own examples, kept as a contract check of the schemas and the validator. */
  examples: { request: unknown[]; responses: Record<string, unknown[]> };
}

export interface VendoredDescription {
  source: { package: string; version: string; file: string; integrity: string };
  /** Keyed like SERVED_OPERATIONS: `METHOD /templated/path`. */
  operations: Record<string, VendoredOperation>;
  schemas: Record<string, JsonSchema>;
}

export const SCHEMA_DOC_ID = 'github-rest.json';
export const VENDORED_FILE = new URL('./github-rest.json', import.meta.url);

export function loadVendored(): VendoredDescription {
  return JSON.parse(readFileSync(VENDORED_FILE, 'utf8')) as VendoredDescription;
}
