import type { Handlers } from '../../../lib/messages';
import type { BackgroundContext } from '../context';
import { deviceStart } from './device-start';
import { deviceWait } from './device-wait';
import { hostAdd } from './host-add';
import { hostRemove } from './host-remove';
import { tokenCheck } from './token-check';
import { commitExperimentHandler } from './commit-experiment';
import { branchHead, dataVersionsHandler, formModel } from './form-model';
import { experiments } from './experiments';
import { openSignIn } from './open-sign-in';
import { overlaySettingsGet, overlaySettingsSet } from './overlay-settings';
import { remoteAccessAnswer, remoteAccessReset, remoteCredentialRemove, remoteCredentials, remoteCredentialSave } from './remote';
import { tokenClear } from './token-clear';
import { tokenSave } from './token-save';
import { tokenStatus } from './token-status';

/** The background's answer to each request of `MESSAGES`, one entry per type. */
export const HANDLERS = {
  'token-status': tokenStatus,
  'token-check': tokenCheck,
  'token-save': tokenSave,
  'token-clear': tokenClear,
  'device-start': deviceStart,
  'device-wait': deviceWait,
  'host-add': hostAdd,
  'host-remove': hostRemove,
  'form-model': formModel,
  'branch-head': branchHead,
  'data-versions': dataVersionsHandler,
  experiments,
  'open-sign-in': openSignIn,
  'overlay-settings-get': overlaySettingsGet,
  'overlay-settings-set': overlaySettingsSet,
  'remote-credentials': remoteCredentials,
  'remote-credential-save': remoteCredentialSave,
  'remote-credential-remove': remoteCredentialRemove,
  'remote-access-answer': remoteAccessAnswer,
  'remote-access-reset': remoteAccessReset,
  'commit-experiment': commitExperimentHandler,
} satisfies Handlers<BackgroundContext>;
