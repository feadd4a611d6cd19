import { h, render } from 'preact';
import type { CommitList } from '../lib/experiments/types';
import type { ExperimentsReply, Reply, Request } from '../lib/messages';
import type { CellTarget } from '../lib/page/overlay';
import { RowCell, type CellState } from './RowCell';

/** The list part of an `experiments` request: the branch/tag a repository list shows, or the pull request. */
export type ListOf = (target: CellTarget) => CommitList;

interface View {
  states: Map<string, CellState>;
  hosts: Map<string, Set<{ host: HTMLElement; where: string }>>;
  asked: Set<string>;
  pending: string[];
}

/**
 * The content script's side of the `experiments` message: the cells of one commit-page view are
 * gathered while the overlay draws them (one scan draws every row) and asked for in ONE request;
 * its reply (rows, or the one error of the page) redraws them. A later batch of new rows in the
 * same view (GitHub rendering in parts) asks only for those.
 */
export function experimentsView(ask: (request: Request<'experiments'>) => Promise<Reply<'experiments'>>, listOf: ListOf) {
  const views = new Map<string, View>();
  const draw = (view: View, sha: string) => {
    const state = view.states.get(sha) ?? { kind: 'loading' };
    for (const { host, where } of view.hosts.get(sha) ?? []) render(h(RowCell, { sha, where, state }), host);
  };
  const answered = (view: View, shas: string[], reply: ExperimentsReply) => {
    for (const sha of shas) {
      const state: CellState = !reply.ok
        ? { kind: 'error', message: reply.error.message }
        : !reply.result.dvc
          ? { kind: 'no-dvc' }
          : (() => {
              const row = reply.result.rows.find((r) => r.sha === sha);
              return row ? { kind: 'row', row } : { kind: 'error', message: 'no answer for this commit' };
            })();
      view.states.set(sha, state);
      draw(view, sha);
    }
  };
  const send = (key: string, view: View, target: CellTarget) => {
    const shas = view.pending.splice(0);
    if (shas.length === 0) return;
    const { owner, repo } = target.list;
    ask({ type: 'experiments', repo: { owner, name: repo }, list: listOf(target), shas }).then(
      (reply) => views.get(key) === view && answered(view, shas, reply),
      // The background failed (not GitHub): say so plainly; the console keeps the detail.
      (error: unknown) => {
        console.warn('[Commit Lab] experiments request failed', error);
        if (views.get(key) === view)
          answered(view, shas, {
            ok: false,
            error: { kind: 'unavailable', message: 'Commit Lab could not read this page’s experiments; reload the page to try again.' },
          });
      },
    );
  };
  return {
    /** The overlay's `renderCell`: draws the cell, asks for its commit with the rest of the view's. */
    renderCell(host: HTMLElement, target: CellTarget, viewKey: string): () => void {
      let view = views.get(viewKey);
      if (!view) {
        // A new page view: the previous one's cells are gone with its page.
        views.clear();
        views.set(viewKey, (view = { states: new Map(), hosts: new Map(), asked: new Set(), pending: [] }));
      }
      const { sha } = target.row;
      const entry = { host, where: target.where };
      const hosts = view.hosts.get(sha) ?? new Set();
      hosts.add(entry);
      view.hosts.set(sha, hosts);
      draw(view, sha);
      if (!view.asked.has(sha)) {
        view.asked.add(sha);
        view.pending.push(sha);
        if (view.pending.length === 1) queueMicrotask(() => send(viewKey, view, target));
      }
      return () => {
        hosts.delete(entry);
        render(null, host);
      };
    },
  };
}
