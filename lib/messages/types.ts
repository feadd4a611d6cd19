import type { MessageSpec } from './define';
import type { MESSAGES } from './table';

type Table = typeof MESSAGES;

export type RequestType = keyof Table;
type FieldsOf<K extends RequestType> = Table[K] extends MessageSpec<infer Fields, unknown> ? Fields : never;
export type Reply<K extends RequestType> = Table[K] extends MessageSpec<object, infer R> ? R : never;
export type Replies = { [K in RequestType]: Reply<K> };
export type Request<K extends RequestType = RequestType> = { [T in K]: { type: T } & FieldsOf<T> }[K];

/** The background's answers, one per request type: a table missing one, or with one too many, does not compile. */
export type Handlers<Context> = { [K in RequestType]: (request: Request<K>, context: Context) => Promise<Reply<K>> };
