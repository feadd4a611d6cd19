/** A value as configobj gives it: one string, or a list when the value has unquoted commas. */
export type ConfigValue = string | readonly string[];

/** Sections by name (`core`, `remote "storage"`, …); keys before any section sit under `''`. */
export type DvcConfig = ReadonlyMap<string, ReadonlyMap<string, ConfigValue>>;

const SECTION = /^\s*(\[+)\s*("\s*\S.*?\s*"|'\s*\S.*?\s*'|[^'"\s].*?)\s*(\]+)\s*(#.*)?$/;
const KEYWORD = /^\s*(".*?"|'.*?'|[^'"=].*?)\s*=\s*(.*)$/;
const QUOTED = /^(?:"([^"]*)"|'([^']*)')/;

function unquote(text: string): string {
  const first = text[0];
  return text.length >= 2 && (first === '"' || first === "'") && text[text.length - 1] === first ? text.slice(1, -1) : text;
}

/**
 * configobj's value rules (`list_values=True`, as DVC opens its config): a quoted value is taken
 * verbatim; an unquoted one ends at `#`; unquoted commas make a list.
 */
function parseValue(raw: string, where: string): ConfigValue {
  const items: string[] = [];
  let rest = raw.trim();
  let sawComma = false;
  while (rest !== '' && !rest.startsWith('#')) {
    const quoted = QUOTED.exec(rest);
    let item: string;
    if (quoted) {
      item = quoted[1] ?? quoted[2] ?? '';
      rest = rest.slice(quoted[0].length).trimStart();
    } else {
      const end = rest.search(/[,#]/);
      item = (end === -1 ? rest : rest.slice(0, end)).trimEnd();
      rest = end === -1 ? '' : rest.slice(end);
    }
    items.push(item);
    if (rest.startsWith(',')) {
      sawComma = true;
      rest = rest.slice(1).trimStart();
    } else if (rest !== '' && !rest.startsWith('#')) {
      throw new Error(`${where}: cannot read the value \`${raw.trim()}\``);
    }
  }
  if (sawComma) return items;
  return items[0] ?? '';
}

/**
 * `.dvc/config` read as DVC reads it (configobj): `[section]` headers, possibly quoted
 * (`['remote "storage"']`), `key = value` lines, `#` comments, duplicates refused.
 * Triple-quoted multi-line values and nested `[[sub]]` sections, which DVC never writes, are refused.
 */
export function parseDvcConfig(text: string): DvcConfig {
  const sections = new Map<string, Map<string, ConfigValue>>([['', new Map()]]);
  let current = sections.get('')!;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      const where = `.dvc/config line ${index + 1}`;
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) return;
      const section = SECTION.exec(line);
      if (section) {
        if (section[1]!.length !== 1 || section[3]!.length !== 1) throw new Error(`${where}: nested sections are not supported`);
        const name = unquote(section[2]!);
        if (sections.has(name)) throw new Error(`${where}: section [${name}] appears twice`);
        current = new Map();
        sections.set(name, current);
        return;
      }
      const keyword = KEYWORD.exec(line);
      if (!keyword) throw new Error(`${where}: neither a [section] nor key = value`);
      const key = unquote(keyword[1]!);
      if (keyword[2]!.trimStart().startsWith('"""') || keyword[2]!.trimStart().startsWith("'''")) {
        throw new Error(`${where}: multi-line values are not supported`);
      }
      if (current.has(key)) throw new Error(`${where}: \`${key}\` appears twice in its section`);
      current.set(key, parseValue(keyword[2]!, where));
    });
  return sections;
}

/** DVC's `_parse_named`: a section named `remote "<name>"` (spaces allowed around the parts). */
function remoteSectionName(section: string): string | undefined {
  return /^\s*remote\s*"(.*)"\s*$/.exec(section)?.[1];
}

function single(value: ConfigValue | undefined, where: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new Error(`${where} is a list; DVC expects one value`);
}

export interface DvcRemote {
  readonly name: string;
  readonly url: string;
  /** Every other option of the remote (`endpointurl`, `region`, …), inherited ones included. */
  readonly options: ReadonlyMap<string, string>;
}

/**
 * The remote `name`, or the default one (`core.remote`), with `remote://other/path` URLs resolved
 * as DVC resolves them: the referenced remote's options, overridden by this one's, URL joined.
 */
export function dvcRemote(config: DvcConfig, name?: string, seen: readonly string[] = []): DvcRemote {
  const chosen = name ?? single(config.get('core')?.get('remote'), 'core.remote');
  if (!chosen) throw new Error('.dvc/config names no default remote (core.remote) and no remote was given');
  if (seen.includes(chosen)) throw new Error(`remote "${chosen}" refers to itself through remote://`);
  const entry = [...config].find(([section]) => remoteSectionName(section) === chosen);
  if (!entry) throw new Error(`.dvc/config has no remote named "${chosen}"`);
  const options = new Map<string, string>();
  for (const [key, value] of entry[1]) options.set(key, single(value, `remote "${chosen}" ${key}`)!);
  const url = options.get('url');
  if (!url) throw new Error(`remote "${chosen}" has no url`);
  options.delete('url');
  const reference = /^remote:\/\/([^/]*)(\/.*)?$/.exec(url);
  if (!reference) return { name: chosen, url, options };
  const base = dvcRemote(config, reference[1]!, [...seen, chosen]);
  const path = (reference[2] ?? '').replace(/^\/+/, '');
  return {
    name: chosen,
    url: path === '' ? base.url : `${base.url.replace(/\/+$/, '')}/${path}`,
    options: new Map([...base.options, ...options]),
  };
}
