import type { DataValue } from './types';
import { errorMessage, type Parsed } from './parse-yaml';

export function parseJson(text: string): Parsed {
  try {
    return { value: JSON.parse(text) as DataValue };
  } catch (e) {
    return { error: errorMessage(e) };
  }
}
