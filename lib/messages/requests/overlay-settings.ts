import type { Baseline, DeltaMode, Goal } from '../../experiments/columns/deltas';

/** What a user chose for a repository's commit lists (columns, baseline, delta mode, goals), remembered per repository. */
export interface OverlaySettings {
  /** Chosen metric columns (`<file>:<key>`); undefined until the user picks (then the page's first few). */
  metrics?: string[];
  params?: string[];
  baseline: Baseline;
  deltaMode: DeltaMode;
  /** Goals the user set, by metric id; others follow `defaultGoal`. */
  goals: Record<string, Goal>;
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 200 && v.every((s) => typeof s === 'string' && s.length <= 1000);
const GOALS: readonly unknown[] = ['higher', 'lower', 'neutral'];

/** Settings from an untrusted message (a content script beside GitHub's page), or undefined when they do not fit. */
export function parseOverlaySettings(value: unknown): OverlaySettings | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { metrics, params, baseline, deltaMode, goals } = value as Record<string, unknown>;
  if ((metrics !== undefined && !strings(metrics)) || (params !== undefined && !strings(params))) return undefined;
  const b = baseline as { kind?: unknown; sha?: unknown } | undefined;
  const parsedBaseline: Baseline | undefined =
    b?.kind === 'parent'
      ? { kind: 'parent' }
      : b?.kind === 'commit' && typeof b.sha === 'string' && /^[0-9a-f]{40}$/.test(b.sha)
        ? { kind: 'commit', sha: b.sha }
        : undefined;
  if (!parsedBaseline || (deltaMode !== 'absolute' && deltaMode !== 'percent')) return undefined;
  if (typeof goals !== 'object' || goals === null || !Object.values(goals).every((g) => GOALS.includes(g))) return undefined;
  return {
    ...(metrics ? { metrics } : {}),
    ...(params ? { params } : {}),
    baseline: parsedBaseline,
    deltaMode,
    goals: Object.fromEntries(Object.entries(goals as Record<string, Goal>).slice(0, 200)),
  };
}

/** `owner/name` as the settings are keyed. */
export const parseRepoName = (v: unknown): string | undefined =>
  typeof v === 'string' && /^[A-Za-z0-9][A-Za-z0-9-]*\/(?!\.\.?$)[\w.-]+$/.test(v) ? v : undefined;
