import type { FieldState } from '../../lib/experiments/form/edits';
import { paramId } from '../../lib/experiments/form/edits';
import { unreproduced } from '../../lib/experiments/form/groups';
import { inputText } from '../../lib/experiments/form/param-input';
import { displayValue } from '../../lib/experiments/write/display-value';

const KIND_LABEL = { integer: 'integer', number: 'number', boolean: 'boolean', string: 'string', list: 'list', null: 'null', mapping: 'mapping' } as const;

/** A string longer than this, or with a line break, gets a text area. */
const LONG = 60;

/** One param's typed editor: its key, kind, value, whether it changed (with a reset), why it cannot be written, and a stale-lock note. */
export function ParamField({ state, onInput }: { state: FieldState; onInput: (id: string, text: string | null) => void }) {
  const { param, kind, text, changed, error } = state;
  const id = paramId(param);
  const domId = `p-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const described = [error ? `${domId}-error` : '', unreproduced(param) ? `${domId}-lock` : ''].filter(Boolean).join(' ') || undefined;
  const input = (value: string) => onInput(id, value);
  const common = { id: domId, 'aria-describedby': described, 'aria-invalid': error ? true : undefined, 'data-param': id };
  return (
    <div class={`field${changed ? ' changed' : ''}${error ? ' invalid' : ''}`}>
      <label for={domId}>
        <span class="key">{param.key.split('.').slice(1).join('.') || param.key}</span> <span class="kind">{KIND_LABEL[kind]}</span>
        {changed && !error && <span class="changed-mark"> · changed</span>}
      </label>
      <div class="row">
        {kind === 'boolean' ? (
          <select {...common} value={text} onChange={(e) => input(e.currentTarget.value)}>
            <option value="true">true</option>
            <option value="false">false</option>
          </select>
        ) : kind === 'string' && (text.length > LONG || text.includes('\n')) ? (
          <textarea {...common} rows={3} value={text} onInput={(e) => input(e.currentTarget.value)} />
        ) : (
          <input
            {...common}
            type="text"
            inputMode={kind === 'integer' ? 'numeric' : kind === 'number' ? 'decimal' : undefined}
            spellcheck={false}
            placeholder={kind === 'null' ? 'null' : undefined}
            value={text}
            onInput={(e) => input(e.currentTarget.value)}
          />
        )}
        {changed && (
          <button type="button" class="reset" aria-label={`Reset ${id} to ${displayValue(param.value)}`} onClick={() => onInput(id, null)}>
            Reset
          </button>
        )}
      </div>
      {changed && !error && <p class="muted was">was {inputText(kind, param.value) || 'null'}</p>}
      {error && (
        <p class="danger" id={`${domId}-error`} role="alert">
          {error}
        </p>
      )}
      {unreproduced(param) && (
        <p class="note" id={`${domId}-lock`}>
          Not yet reproduced: dvc.lock has {displayValue(param.locked!)}
        </p>
      )}
    </div>
  );
}
