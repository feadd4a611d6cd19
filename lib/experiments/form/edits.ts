import { editParams, type Param } from '../../dvc';
import { editorKind, inputText, parseInput, type EditorKind } from './param-input';
import type { ParamEditRequest } from '../write/plan';
import { displayValue } from '../write/display-value';

/** `file:key`, how the form names a param (and Studio's message does). */
export const paramId = (p: { file: string; key: string }) => `${p.file}:${p.key}`;

/** What the user typed into the editors that differ from the commit, by param id. */
export type Drafts = Readonly<Record<string, string>>;

export interface FieldState {
  param: Param;
  kind: EditorKind;
  text: string;
  changed: boolean;
  error?: string;
  edit?: ParamEditRequest;
}

/**
 * One editor's state: its text (the draft, else the commit's value), whether it changes the param,
 * and why it cannot be written — checked by the params editor itself on the file's own text, so
 * what it refuses (an integer param given `1.5`, a value the format cannot hold) is said here.
 */
export function fieldState(param: Param, drafts: Drafts, files: Readonly<Record<string, string>>): FieldState {
  const kind = editorKind(param.value);
  const id = paramId(param);
  const text = Object.hasOwn(drafts, id) ? drafts[id]! : inputText(kind, param.value);
  const parsed = parseInput(kind, text);
  if (!parsed.ok) return { param, kind, text, changed: true, error: parsed.error };
  if (displayValue(parsed.value) === displayValue(param.value) && !parsed.retype) return { param, kind, text, changed: false };
  const edit: ParamEditRequest = { file: param.file, key: param.key, value: parsed.value, ...(parsed.retype ? { retype: true } : {}) };
  const fileText = files[param.file];
  if (fileText === undefined) return { param, kind, text, changed: true, error: `${param.file} could not be read as text.` };
  try {
    editParams(fileText, param.file, [{ key: edit.key, value: edit.value, ...(edit.retype ? { retype: true } : {}) }]);
  } catch (error) {
    return { param, kind, text, changed: true, error: error instanceof Error ? error.message : String(error) };
  }
  return { param, kind, text, changed: true, edit };
}

/** The edits of every changed, valid field, in the order they were first changed; and whether any field is invalid. */
export function collectEdits(
  params: readonly Param[],
  drafts: Drafts,
  files: Readonly<Record<string, string>>,
): { edits: ParamEditRequest[]; invalid: string[] } {
  const byId = new Map(params.map((p) => [paramId(p), p]));
  const edits: ParamEditRequest[] = [];
  const invalid: string[] = [];
  for (const id of Object.keys(drafts)) {
    const param = byId.get(id);
    if (!param) continue;
    const state = fieldState(param, drafts, files);
    if (state.error) invalid.push(id);
    else if (state.edit) edits.push(state.edit);
  }
  return { edits, invalid };
}
