import type { Handlers } from '../../../lib/messages';
import type { BackgroundContext } from '../context';
import { experiments } from './experiments';
import { remoteAccessAnswer, remoteAccessReset, remoteCredentialRemove, remoteCredentials, remoteCredentialSave } from './remote';
import { tokenClear } from './token-clear';
import { tokenSave } from './token-save';
import { tokenStatus } from './token-status';

/** The background's answer to each request of `MESSAGES`, one entry per type. */
export const HANDLERS = {
  'token-status': tokenStatus,
  'token-save': tokenSave,
  'token-clear': tokenClear,
  experiments,
  'remote-credentials': remoteCredentials,
  'remote-credential-save': remoteCredentialSave,
  'remote-credential-remove': remoteCredentialRemove,
  'remote-access-answer': remoteAccessAnswer,
  'remote-access-reset': remoteAccessReset,
} satisfies Handlers<BackgroundContext>;
