/** Who may send a request: any sender (content scripts too, which run beside GitHub's page) or only the extension's own pages. */
export type Senders = 'any' | 'extension-pages';

declare const replyType: unique symbol;

/**
 * One request the background answers: who may send it, how its fields are read from an untrusted
 * message, and (as a type only) what it replies.
 */
export interface MessageSpec<Fields extends object, Reply> {
  from: Senders;
  /** The request's own fields (its `type` already checked), or `undefined` when the message does not fit. */
  parse(message: Readonly<Record<string, unknown>>): Fields | undefined;
  readonly [replyType]?: Reply;
}

/** `defineMessage<Reply>()({ from, parse })`: the reply type is named, the fields are inferred from `parse`. */
export const defineMessage =
  <Reply>() =>
  <Fields extends object>(spec: MessageSpec<Fields, Reply>): MessageSpec<Fields, Reply> =>
    spec;

/** For requests that carry nothing but their `type`. */
export const noFields = (): Record<never, never> => ({});
