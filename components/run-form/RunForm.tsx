import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { OutHash } from '../../lib/dvc';
import { collectEdits, fieldState, paramId } from '../../lib/experiments/form/edits';
import { groupParams, unreproduced, visibleGitInputs, visibleInputs } from '../../lib/experiments/form/groups';
import type { FormModel } from '../../lib/experiments/form/project-at-commit';
import type { CommitExperimentResult } from '../../lib/experiments/write/commit-result';
import { planExperiment, type ExperimentPlan } from '../../lib/experiments/write/plan';
import { stagedFiles } from '../../lib/experiments/write/staged-files';
import { studioBranchName } from '../../lib/experiments/write/studio-message';
import { ask, onCommitProgress } from '../../lib/messages';
import { RemoteError, type RemoteFailure } from '../../lib/remote';
import { askForRemoteHost } from '../ask-for-remote-host';
import { CommitResult } from './CommitResult';
import { formSession, type FormSession } from './form-session';
import { formatSize } from './format-size';
import { GitInputs } from './GitInputs';
import { GrantRemote } from './GrantRemote';
import { InputFiles, type UploadChoice } from './InputFiles';
import { ParamField } from './ParamField';
import { RunProgress, type FormStep, type StepStates } from './RunProgress';
import { sendUpload } from './send-upload';
import { entryOf, objectsOf, uploadObjects } from './upload-objects';

export interface RunFormProps {
  owner: string;
  repo: string;
  /** The commit the form was opened on. */
  sha: string;
  /** The branch whose list it was opened from: the base branch. */
  baseRef: string;
  /** Who is signed in on the GitHub page (empty when unknown). */
  login: string;
  /** Tells the page around the form that the run made a commit (the overlay shows it at the top of the list). */
  /** After a commit: the result and the commit's message (its subject, as the commit list titles it). */
  onCommitted?: (result: Extract<CommitExperimentResult, { ok: true }>, subject: string) => void;
}

function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T | null): Record<string, T> {
  const next = { ...record };
  if (value === null) delete next[key];
  else next[key] = value;
  return next;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const BRANCH_CHECK_DELAY_MS = 300;

/** The Run form: the params and input data files of a commit, edited and committed as one experiment. */
export function RunForm({ owner, repo, sha, baseRef, login, onCommitted }: RunFormProps) {
  const repoRef = { owner, name: repo };
  const store = useMemo(() => formSession(owner, repo, sha), [owner, repo, sha]);
  const [session, setSessionState] = useState<FormSession | null>(null);
  const [model, setModel] = useState<FormModel>();
  const [loadError, setLoadError] = useState<string>();
  const [search, setSearch] = useState('');
  const [hidden, setHidden] = useState(false);
  const [plan, setPlan] = useState<ExperimentPlan>();
  const [planError, setPlanError] = useState<string>();
  const [branchHead, setBranchHead] = useState<{ name: string; head: string | null } | { name: string; error: string }>();
  const [steps, setSteps] = useState<StepStates>({});
  const [reapplied, setReapplied] = useState<string>();
  const [committing, setCommitting] = useState(false);
  // New files chosen for inputs: in memory only (a File cannot be kept in session storage).
  const [uploads, setUploads] = useState<Record<string, UploadChoice>>({});
  const [uploadState, setUploadState] = useState<
    { sent: number; total: number } | { error: string; permission?: Extract<RemoteFailure, { kind: 'permission' }> }
  >();
  const cancelUpload = useRef<AbortController>();
  // New content for stage inputs kept in git, by path: in memory until the commit stages it for the background.
  const [replacements, setReplacements] = useState<Record<string, File>>({});
  const [stageError, setStageError] = useState<string>();

  const setSession = (next: FormSession) => {
    setSessionState(next);
    void store.setValue(next);
  };
  const update = (patch: Partial<FormSession>) => session && setSession({ ...session, ...patch });

  const load = async (at: string) => {
    setModel(undefined);
    const reply = await ask({ type: 'form-model', repo: repoRef, sha: at });
    if (reply.ok) setModel(reply.model);
    else setLoadError(reply.message);
    return reply.ok ? reply.model : undefined;
  };

  useEffect(() => {
    void (async () => {
      const saved = await store.getValue();
      const start: FormSession = saved ?? { fromSha: sha, drafts: {}, target: 'new' };
      setSessionState(start);
      await load(start.fromSha).catch((e: unknown) => setLoadError(errorText(e)));
    })();
  }, [store]);

  const files = model?.files ?? {};
  const drafts = session?.drafts ?? {};
  const { edits, invalid } = useMemo(() => (model ? collectEdits(model.project.params, drafts, files) : { edits: [], invalid: [] }), [model, drafts]);

  useEffect(() => {
    if (!model) return;
    let current = true;
    const read = async (path: string) => model.files[path] ?? null;
    const uploaded = Object.fromEntries(Object.entries(uploads).map(([path, choice]) => [path, entryOf(choice)]));
    const fileChanges = [
      ...Object.entries({ ...session?.data, ...uploaded }).map(([path, hash]) => ({ kind: 'data' as const, path, hash })),
      ...Object.entries(replacements).map(([path, file]) => ({ kind: 'git' as const, path, size: file.size })),
    ];
    planExperiment({ project: model.project, read }, { paramEdits: edits, fileChanges }).then(
      (p) => current && (setPlan(p), setPlanError(undefined)),
      (e: unknown) => current && (setPlan(undefined), setPlanError(errorText(e))),
    );
    return () => void (current = false);
  }, [model, edits, session?.data, uploads, replacements]);

  const fromSha = session?.fromSha ?? sha;
  const base = session?.base ?? baseRef;
  const defaultBranch = base.trim() ? studioBranchName(base.trim(), fromSha) : '';
  const branchName = session?.branch ?? defaultBranch;
  const message = session?.message ?? plan?.message.subject ?? '';
  const description = session?.description ?? plan?.message.body ?? '';
  const target = session?.target ?? 'new';

  useEffect(() => {
    if (target !== 'new' || !branchName.trim()) return setBranchHead(undefined);
    const timer = setTimeout(() => {
      void ask({ type: 'branch-head', repo: repoRef, branch: branchName }).then((reply) =>
        setBranchHead(reply.ok ? { name: branchName, head: reply.head } : { name: branchName, error: reply.message }),
      );
    }, BRANCH_CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [branchName, target]);

  // A draft or a picked version set, or removed with null (back to the commit's own).
  const onInput = (id: string, text: string | null) => session && update({ drafts: withEntry(session.drafts, id, text) });
  const onPick = (path: string, hash: OutHash | null) => session && update({ data: withEntry(session.data ?? {}, path, hash) });
  const onUpload = (path: string, choice: UploadChoice | null) => setUploads((u) => withEntry(u, path, choice));
  const onReplace = (path: string, file: File | null) => setReplacements((r) => withEntry(r, path, file));

  /** The replaced files' bytes into the extension origin's IndexedDB under the run's id, where the background takes them. */
  const stage = async (runId: string, planned: ExperimentPlan): Promise<boolean> => {
    setStageError(undefined);
    if (planned.replaced.length === 0) return true;
    const staged = stagedFiles();
    try {
      await staged.dropStale();
      await staged.put(
        runId,
        planned.replaced.map(({ path }) => ({ path, blob: replacements[path]! })),
      );
      return true;
    } catch (error) {
      setStageError(`Could not hand the new files to Commit Lab's background, nothing was committed: ${errorText(error)}`);
      return false;
    }
  };

  /**
   * Each new file, and each file of a new folder then its `.dir` manifest, to the project's
   * default DVC remote, before anything is written: the background HEADs each object and signs its
   * PUT (no secret reaches this page), this page sends the bytes itself. False when one failed or
   * was cancelled: then nothing is committed.
   */
  const upload = async (at: string): Promise<boolean> => {
    const objects = objectsOf(Object.values(uploads));
    if (objects.length === 0) return true;
    const controller = new AbortController();
    cancelUpload.current = controller;
    setSteps({ upload: { state: 'started' } });
    try {
      await uploadObjects(objects, {
        request: ({ md5, contentMd5, sha256, generation }) => ask({ type: 'upload-request', repo: repoRef, sha: at, md5, contentMd5, sha256, generation }),
        send: sendUpload,
        onProgress: (sent, total) => setUploadState({ sent, total }),
        signal: controller.signal,
      });
      setSteps({ upload: { state: 'done' } });
      return true;
    } catch (error) {
      const permission = error instanceof RemoteError && error.failure.kind === 'permission' ? error.failure : undefined;
      setUploadState({
        error: controller.signal.aborted ? 'Upload cancelled: nothing was committed.' : `Upload failed, nothing was committed: ${errorText(error)}`,
        ...(permission ? { permission } : {}),
      });
      return false;
    } finally {
      cancelUpload.current = undefined;
    }
  };

  const branchTaken = target === 'new' && branchHead && 'head' in branchHead && branchHead.name === branchName && branchHead.head !== null;
  const blockers = [
    invalid.length > 0 && `${invalid.length === 1 ? 'One value is' : `${invalid.length} values are`} not valid.`,
    planError,
    plan && plan.files.length + plan.replaced.length === 0 && 'Nothing changed yet.',
    !message.trim() && 'The commit message is empty.',
    !base.trim() && 'Name the base branch.',
    target === 'new' && !branchName.trim() && 'The branch name is empty.',
    branchTaken && `A branch named ${branchName} exists already: choose another name.`,
    !login && 'Sign in on GitHub first: the form commits as the account signed in on the page.',
  ].filter((b): b is string => typeof b === 'string' && b !== '');

  const commit = async () => {
    if (!session || !plan) return;
    const runId = session.runId ?? crypto.randomUUID();
    const sending: FormSession = { ...session, runId, sending: true };
    delete sending.result;
    setSession(sending);
    setCommitting(true);
    setSteps({});
    if (!(await upload(session.fromSha)) || !(await stage(runId, plan))) {
      setCommitting(false);
      setSession({ ...session, sending: false });
      return;
    }
    const stop = onCommitProgress(runId, (progress) => setSteps((s) => ({ ...s, [progress.step]: progress })));
    let result: CommitExperimentResult | undefined;
    try {
      result = await ask({
        type: 'commit-experiment',
        repo: repoRef,
        baseBranch: base.trim(),
        fromSha: session.fromSha,
        target: session.target === 'base' ? 'base' : { newBranch: branchName },
        plan: { files: plan.files, replaced: plan.replaced, params: plan.params, data: plan.data },
        message,
        description,
        pageLogin: login,
        runId,
      });
    } catch {
      // The service worker stopped before answering: what was written is unknown until asked again.
    } finally {
      stop();
      setCommitting(false);
    }
    // No answer: `sending` stays set, and the form says the outcome is open until a retry settles it.
    const done: FormSession = { ...sending, sending: result === undefined, ...(result ? { result } : {}) };
    if (result?.ok) delete done.runId;
    setSession(done);
    if (result?.ok) onCommitted?.(result, message);
  };

  const reapply = async () => {
    if (!session?.result || session.result.ok) return;
    const failure = session.result.failure;
    const head = failure.kind === 'stale-base' || failure.kind === 'branch-moved' ? failure.head : null;
    if (!head) return;
    const next: FormSession = { ...session, fromSha: head, sending: false };
    delete next.result;
    delete next.runId;
    setSession(next);
    const fresh = await load(head);
    const lost = fresh ? Object.keys(session.drafts).filter((id) => !fresh.project.params.some((p) => paramId(p) === id)) : [];
    setReapplied(
      `Your changes are re-planned on ${head.slice(0, 7)}, the branch’s new head: check them below and commit again.${lost.length ? ` No longer a param there: ${lost.join(', ')}.` : ''}`,
    );
  };

  if (loadError)
    return (
      <p class="danger" role="alert">
        Could not read the project at {fromSha.slice(0, 7)}: {loadError}
      </p>
    );
  if (!model || !session)
    return (
      <p class="muted" role="status">
        Reading the project at {fromSha.slice(0, 7)}…
      </p>
    );

  const groups = groupParams(model.project.params, search);
  const inputs = visibleInputs(model.project.inputs, hidden, search);
  const stale = model.project.params.filter(unreproduced);
  const order: FormStep[] = [
    ...(Object.keys(uploads).length > 0 ? (['upload'] as const) : []),
    ...(target === 'new' ? (['branch', 'commit', 'pull-request'] as const) : (['commit'] as const)),
  ];
  const lostAnswer = session.sending && !committing;

  return (
    <form class="run-form" onSubmit={(e) => (e.preventDefault(), blockers.length === 0 && !committing && void commit())} aria-label="Run an experiment">
      <p class="muted">
        From commit <code>{fromSha.slice(0, 7)}</code> of {owner}/{repo}
        {baseRef && (
          <>
            {' '}
            on <code>{baseRef}</code>
          </>
        )}
        .
      </p>
      {reapplied && (
        <p class="note" role="status">
          {reapplied}
        </p>
      )}
      {stale.length > 0 && (
        <p class="note">
          {stale.length === 1 ? 'One param differs' : `${stale.length} params differ`} from dvc.lock at this commit: changed, not yet reproduced.
        </p>
      )}
      <div class="row">
        <label for="search" class="inline">
          Filter
        </label>
        <input id="search" type="search" placeholder="Filter params and files" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      </div>

      <h2>Hyperparameters</h2>
      {groups.length === 0 && <p class="muted">{search ? 'No param matches the filter.' : 'No params at this commit.'}</p>}
      {groups.map(({ file, groups: inFile }) => (
        <fieldset key={file} class="params-file">
          <legend>{file}</legend>
          {inFile.map((group) => (
            <fieldset key={group.name} class="params-group">
              <legend>{group.name}</legend>
              {group.params.map((param) => (
                <ParamField key={paramId(param)} state={fieldState(param, drafts, files)} onInput={onInput} />
              ))}
            </fieldset>
          ))}
        </fieldset>
      ))}

      <h2>Input data files</h2>
      <label class="check">
        <input type="checkbox" checked={hidden} onChange={(e) => setHidden(e.currentTarget.checked)} /> Show all input parameters (including hidden)
      </label>
      <InputFiles
        inputs={inputs}
        repo={repoRef}
        sha={fromSha}
        picked={session.data ?? {}}
        onPick={onPick}
        uploads={uploads}
        onUpload={onUpload}
        repoFiles={files}
      />
      <h3>Input files kept in git</h3>
      <GitInputs inputs={visibleGitInputs(model.project.gitInputs, search)} chosen={replacements} onChoose={onReplace} />

      <h2>Changes</h2>
      {plan && plan.params.length + plan.data.length + plan.replaced.length > 0 ? (
        <ul class="changes" aria-label="Changes">
          {plan.params.map((p) => (
            <li key={`${p.file}:${p.key}`}>
              <code>
                {p.file}:{p.key}
              </code>{' '}
              {p.before} → {p.after}
            </li>
          ))}
          {plan.data.map((d) => (
            <li key={d.path}>
              <code>{d.path}</code> md5 {d.before.md5?.slice(0, 8) ?? '—'} → {d.after.md5.slice(0, 8)} ({d.dvcFile})
            </li>
          ))}
          {plan.replaced.map((r) => (
            <li key={r.path}>
              <code>{r.path}</code> new content, {formatSize(r.size)} (kept in git)
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No changes yet.</p>
      )}

      <h2>Commit</h2>
      <label for="message">Commit message</label>
      <input id="message" type="text" value={message} onInput={(e) => update({ message: e.currentTarget.value })} />
      <label for="description">Description</label>
      <textarea id="description" rows={3} value={description} onInput={(e) => update({ description: e.currentTarget.value })} />
      <fieldset class="branch">
        <legend>Branch</legend>
        <label for="base">Base branch</label>
        <input id="base" type="text" spellcheck={false} value={base} onInput={(e) => update({ base: e.currentTarget.value })} />
        <label class="check">
          <input type="radio" name="target" checked={target === 'base'} onChange={() => update({ target: 'base' })} /> Commit directly to{' '}
          <code>{base || 'the base branch'}</code>
        </label>
        <label class="check">
          <input type="radio" name="target" checked={target === 'new'} onChange={() => update({ target: 'new' })} /> Create a new branch and open a pull request
        </label>
        {target === 'new' && (
          <>
            <label for="branch">New branch name</label>
            <input
              id="branch"
              type="text"
              spellcheck={false}
              value={branchName}
              aria-describedby="branch-check"
              onInput={(e) => update({ branch: e.currentTarget.value })}
            />
            <p id="branch-check" class={branchTaken ? 'danger' : 'muted'} aria-live="polite">
              {branchHead?.name !== branchName
                ? ''
                : 'error' in branchHead
                  ? `Could not check the name: ${branchHead.error}`
                  : branchHead.head === null
                    ? `${branchName} is free: it will start at ${fromSha.slice(0, 7)}.`
                    : `A branch named ${branchName} exists already.`}
            </p>
          </>
        )}
      </fieldset>

      {blockers.length > 0 && !committing && (
        <ul class="blockers muted" aria-label="Before committing">
          {blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      {lostAnswer && (
        <p class="note" role="alert">
          This form was closed or the extension restarted while committing: what was written is not known yet. Retrying finds out and never commits twice.
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={blockers.length > 0 || committing || session.result?.ok === true}>
          {committing ? 'Committing…' : lostAnswer ? 'Check and retry' : 'Commit changes'}
        </button>
      </div>
      {(committing || session.result || uploadState) && <RunProgress steps={steps} order={order} />}
      {uploadState && 'sent' in uploadState && steps.upload?.state === 'started' && (
        <div class="row">
          <progress max={uploadState.total} value={uploadState.sent} aria-label="Upload progress" />
          <button type="button" onClick={() => cancelUpload.current?.abort()}>
            Cancel upload
          </button>
        </div>
      )}
      {uploadState && 'error' in uploadState && (
        <p class="danger" role="alert">
          {uploadState.error}
        </p>
      )}
      {stageError && (
        <p class="danger" role="alert">
          {stageError}
        </p>
      )}
      {uploadState && 'error' in uploadState && uploadState.permission && (
        <GrantRemote failure={uploadState.permission} request={askForRemoteHost} onGranted={() => void commit()} />
      )}
      {session.result && <CommitResult result={session.result} onRetry={() => void commit()} onReapply={() => void reapply()} />}
    </form>
  );
}
