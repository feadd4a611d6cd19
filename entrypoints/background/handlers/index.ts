import type { Handlers } from '../../../lib/messages';
import type { BackgroundContext } from '../context';
import { commitExperimentHandler } from './commit-experiment';
import { branchHead, dataVersionsHandler, formModel } from './form-model';
import { experiments } from './experiments';
import { tokenClear } from './token-clear';
import { tokenSave } from './token-save';
import { tokenStatus } from './token-status';

/** The background's answer to each request of `MESSAGES`, one entry per type. */
export const HANDLERS = {
  'token-status': tokenStatus,
  'token-save': tokenSave,
  'token-clear': tokenClear,
  'form-model': formModel,
  'branch-head': branchHead,
  'data-versions': dataVersionsHandler,
  experiments,
  'commit-experiment': commitExperimentHandler,
} satisfies Handlers<BackgroundContext>;
