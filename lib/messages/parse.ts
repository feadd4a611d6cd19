import { MESSAGES } from './table';
import type { Request, RequestType } from './types';

const isRequestType = (type: unknown): type is RequestType => typeof type === 'string' && Object.hasOwn(MESSAGES, type);

/** Messages cross a trust boundary (a content script runs beside GitHub's page): check their shape. */
export function parseRequest(value: unknown): Request | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message: Readonly<Record<string, unknown>> = { ...value };
  const { type } = message;
  if (!isRequestType(type)) return undefined;
  const fields = MESSAGES[type].parse(message);
  // Each entry's `parse` gives the fields of its own type; TypeScript cannot follow that correlation.
  return fields && ({ ...fields, type } as Request);
}
