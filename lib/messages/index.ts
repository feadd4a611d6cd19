/**
 * The typed messages extension pages and content scripts send to the background, which owns
 * the token and every network request. `MESSAGES` (in `table.ts`) defines each request once.
 */
export { MESSAGES } from './table';
export { parseRequest } from './parse';
export { ask } from './ask';
export type { Senders, MessageSpec } from './define';
export type { Handlers, Replies, Reply, Request, RequestType } from './types';
export type { TokenStatus } from './token-status';
export type { DeviceCodeView } from './device-code';
export type { ExperimentsReply, ExperimentsFailure } from './experiments';
export type { OverlaySettings } from './overlay-settings';
export type { Remembered, RemoteCredentials } from './remote';
export { onCommitProgress, type CommitProgressMessage } from './commit-progress';
export type { BranchHeadReply, DataVersionsReply, FormModelReply } from './form-model';
