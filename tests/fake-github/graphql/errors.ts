import { GraphQLError, Kind, visit, type ASTNode, type DocumentNode, type SourceLocation } from 'graphql';

/**
 * GitHub answers GraphQL errors in graphql-ruby's words, not graphql-js's. Two families:
 *
 * - static validation (unknown field, unknown argument…): `message`, `locations`, `path` (the
 *   operation, then field aliases/names down to the culprit) and `extensions.code`;
 * - execution errors raised by GitHub's resolvers: a top-level `type` (NOT_FOUND, STALE_DATA,
 *   UNPROCESSABLE, FORBIDDEN…), `path`, `locations`, `message`.
 *
 * The fake lets graphql-js do the validating and executing, then rewrites the wording here.
 */
export type ErrorType =
  | 'NOT_FOUND'
  | 'STALE_DATA'
  | 'UNPROCESSABLE'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'INVALID_CURSOR_ARGUMENTS'
  | 'MISSING_PAGINATION_BOUNDARIES'
  | 'EXCESSIVE_PAGINATION'
  | 'MAX_NODE_LIMIT_EXCEEDED'
  | 'BAD_REQUEST';

/** Thrown by resolvers: becomes an error carrying GitHub's top-level `type` (none where no capture showed one). */
export class GitHubError extends Error {
  constructor(
    readonly type: ErrorType | undefined,
    message: string,
  ) {
    super(message);
  }
}

export interface WireError {
  type?: string;
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** Execution error → GitHub's shape (`type`, `path`, `locations`, `message`). */
export function formatExecutionError(error: GraphQLError): WireError {
  const original = error.originalError;
  return {
    ...(original instanceof GitHubError && original.type ? { type: original.type } : {}),
    ...(error.path ? { path: [...error.path] } : {}),
    ...(error.locations ? { locations: error.locations.map(loc) } : {}),
    message: error.message,
  };
}

/** graphql-js validation error → graphql-ruby's wording, code and path. */
export function formatValidationError(error: GraphQLError, document: DocumentNode): WireError {
  const node = error.nodes?.[0];
  const path = node ? pathTo(document, node) : undefined;
  const base = (message: string, extensions?: Record<string, unknown>): WireError => ({
    message,
    ...(error.locations ? { locations: error.locations.map(loc) } : {}),
    ...(path ? { path } : {}),
    ...(extensions ? { extensions } : {}),
  });
  const m = error.message;
  let r: RegExpExecArray | null;
  if ((r = /^Cannot query field "(.+?)" on type "(.+?)"\./.exec(m))) {
    return base(`Field '${r[1]}' doesn't exist on type '${r[2]}'`, { code: 'undefinedField', typeName: r[2], fieldName: r[1] });
  }
  if ((r = /^Unknown argument "(.+?)" on field "(?:.+?)\.(.+?)"\./.exec(m))) {
    return base(`Field '${r[2]}' doesn't accept argument '${r[1]}'`, { code: 'argumentNotAccepted', name: r[2], typeName: 'Field', argumentName: r[1] });
  }
  if ((r = /^Unknown argument "(.+?)" on directive "@(.+?)"\./.exec(m))) {
    return base(`Directive '${r[2]}' doesn't accept argument '${r[1]}'`, {
      code: 'argumentNotAccepted',
      name: r[2],
      typeName: 'Directive',
      argumentName: r[1],
    });
  }
  if ((r = /^Field "(.+?)" argument "(.+?)" of type ".+?" is required, but it was not provided\./.exec(m))) {
    return base(`Field '${r[1]}' is missing required arguments: ${r[2]}`, {
      code: 'missingRequiredArguments',
      className: 'Field',
      name: r[1],
      arguments: r[2],
    });
  }
  if ((r = /^Field "(.+?)" of type "(.+?)" must have a selection of subfields\./.exec(m))) {
    const type = r[2]!.replace(/[![\]]/g, '');
    return base(`Field must have selections (field '${r[1]}' returns ${type} but has no selections. Did you mean '${r[1]} { ... }'?)`, {
      code: 'selectionMismatch',
      nodeName: `field '${r[1]}'`,
      typeName: type,
    });
  }
  if ((r = /^Field "(.+?)" must not have a selection since type "(.+?)" has no subfields\./.exec(m))) {
    const type = r[2]!.replace(/[![\]]/g, '');
    const selections = node?.kind === Kind.FIELD ? (node.selectionSet?.selections ?? []).map((s) => (s.kind === Kind.FIELD ? s.name.value : '...')) : [];
    return base(`Selections can't be made on scalars (field '${r[1]}' returns ${type} but has selections [${selections.map((s) => `"${s}"`).join(', ')}])`, {
      code: 'selectionMismatch',
      nodeName: `field '${r[1]}'`,
      typeName: type,
    });
  }
  if ((r = /^Unknown type "(.+?)"\./.exec(m))) {
    return base(`No such type ${r[1]}, so it can't be a fragment condition`, { code: 'undefinedType', typeName: r[1] });
  }
  if ((r = /^Fragment (?:"(.+?)" )?cannot be spread here as objects of type "(.+?)" can never be of type "(.+?)"\./.exec(m))) {
    const name = r[1] ? r[1] : `... on ${r[3]}`;
    return base(`Fragment ${r[1] ?? `on ${r[3]}`} can't be spread inside ${r[2]}`, {
      code: 'fragmentSpreadTypeMismatch',
      fragmentName: name,
      parentType: r[2],
      spreadType: r[3],
    });
  }
  if ((r = /^Variable "\$([^"]+)" is never used(?: in operation "([^"]+)")?\./.exec(m))) {
    return base(`Variable $${r[1]} is declared by ${r[2] ?? 'anonymous query'} but not used`, { code: 'variableNotUsed', variableName: r[1] });
  }
  if ((r = /^Variable "\$([^"]+)" is not defined(?: by operation "([^"]+)")?\./.exec(m))) {
    return base(`Variable $${r[1]} is used by ${r[2] ?? 'anonymous query'} but not declared`, { code: 'variableNotDefined', variableName: r[1] });
  }
  return base(m);
}

/**
 * graphql-js variable-coercion errors → graphql-ruby's sentence, e.g.
 * `Variable $input of type CreateCommitOnBranchInput! was provided invalid value for expectedHeadOid (Expected value to not be null)`.
 */
export function formatVariableError(error: GraphQLError, document: DocumentNode): WireError {
  const m = error.message;
  const locations = error.locations?.map(loc);
  const typeOf = (name: string) => {
    for (const def of document.definitions) {
      if (def.kind !== Kind.OPERATION_DEFINITION) continue;
      const v = def.variableDefinitions?.find((d) => d.variable.name.value === name);
      if (v) return printType(v.type);
    }
    return '?';
  };
  let r: RegExpExecArray | null;
  if ((r = /^Variable "\$([^"]+)" of required type "[^"]+" was not provided\./.exec(m))) {
    return {
      message: `Variable $${r[1]} of type ${typeOf(r[1]!)} was provided invalid value`,
      locations,
      extensions: { value: null, problems: [{ path: [], explanation: 'Expected value to not be null' }] },
    };
  }
  if ((r = /^Variable "\$([^"]+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s.exec(m))) {
    const name = r[1]!;
    const at = (r[2] ?? name)
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .slice(1);
    let detail = r[3]!;
    let f: RegExpExecArray | null;
    if ((f = /^Field "(.+?)" of required type ".+?" was not provided\./.exec(detail))) {
      at.push(f[1]!);
      detail = 'Expected value to not be null';
    } else if ((f = /^Field "(.+?)" is not defined by type "(.+?)"\./.exec(detail))) {
      at.push(f[1]!);
      detail = `Field is not defined on ${f[2]}`;
    } else if ((f = /^Expected type "(.+?)"\. (.*)$/s.exec(detail))) {
      detail = f[2]!;
    }
    return {
      message: `Variable $${name} of type ${typeOf(name)} was provided invalid value${at.length ? ` for ${at.join('.')}` : ''} (${detail})`,
      locations,
      extensions: { problems: [{ path: at.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), explanation: detail }] },
    };
  }
  return { message: m, locations };
}

/** graphql-ruby's syntax error: `Parse error on "}" (RCURLY) at [1, 5]`. */
export function formatSyntaxError(error: GraphQLError): WireError {
  const at = error.locations?.[0];
  const found = /found (?:"(.+?)"|(<EOF>)|Name "(.+?)"|(\S+) "(.+?)")/.exec(error.message);
  const token = found?.[1] ?? found?.[3] ?? found?.[5];
  if (!token || found?.[2]) return { message: 'Unexpected end of document', locations: [] };
  const kinds: Record<string, string> = {
    '{': 'LCURLY',
    '}': 'RCURLY',
    '(': 'LPAREN',
    ')': 'RPAREN',
    '[': 'LBRACKET',
    ']': 'RBRACKET',
    ':': 'COLON',
    $: 'VAR_SIGN',
    '!': 'BANG',
    '=': 'EQUALS',
    '@': 'DIR_SIGN',
    '...': 'ELLIPSIS',
    '|': 'PIPE',
  };
  const kind = kinds[token] ?? (found?.[3] ? 'IDENTIFIER' : /^\d/.test(token) ? 'INT' : 'STRING');
  return { message: `Parse error on ${JSON.stringify(token)} (${kind}) at [${at?.line ?? 1}, ${at?.column ?? 1}]`, locations: at ? [loc(at)] : [] };
}

function loc(l: SourceLocation): { line: number; column: number } {
  return { line: l.line, column: l.column };
}

function printType(node: { kind: Kind; type?: unknown; name?: { value: string } }): string {
  if (node.kind === Kind.NON_NULL_TYPE) return `${printType(node.type as typeof node)}!`;
  if (node.kind === Kind.LIST_TYPE) return `[${printType(node.type as typeof node)}]`;
  return node.name!.value;
}

/** graphql-ruby's static-validation path: "query Name", then aliases/field names, fragments as "... on T". */
function pathTo(document: DocumentNode, target: ASTNode): string[] | undefined {
  const stack: string[] = [];
  let found: string[] | undefined;
  const enter = (name: string) => (node: ASTNode) => {
    stack.push(name);
    if (node === target) found = [...stack];
  };
  visit(document, {
    OperationDefinition: {
      enter: (node) => enter(`${node.operation}${node.name ? ` ${node.name.value}` : ''}`)(node),
      leave: () => void stack.pop(),
    },
    FragmentDefinition: { enter: (node) => enter(`fragment ${node.name.value}`)(node), leave: () => void stack.pop() },
    Field: { enter: (node) => enter(node.alias?.value ?? node.name.value)(node), leave: () => void stack.pop() },
    InlineFragment: { enter: (node) => enter(node.typeCondition ? `... on ${node.typeCondition.name.value}` : '...')(node), leave: () => void stack.pop() },
    FragmentSpread: { enter: (node) => enter(`... ${node.name.value}`)(node), leave: () => void stack.pop() },
    Argument: { enter: (node) => enter(node.name.value)(node), leave: () => void stack.pop() },
    VariableDefinition: { enter: (node) => enter(`$${node.variable.name.value}`)(node), leave: () => void stack.pop() },
  });
  return found;
}
