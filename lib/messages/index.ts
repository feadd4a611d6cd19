/**
 * The typed messages extension pages and content scripts send to the background, which owns
 * the token and every network request. `MESSAGES` (in `table.ts`) defines each request once.
 */
export { MESSAGES } from './table';
export { parseRequest } from './parse';
export { ask } from './ask';
export type { Senders, MessageSpec } from './define';
export type { Handlers, Replies, Reply, Request, RequestType } from './types';
export type { TokenStatus } from './requests/token-status';
export type { DeviceCodeView } from './requests/device-code';
export type { ExperimentsReply, ExperimentsFailure } from './requests/experiments';
export type { OverlaySettings } from './requests/overlay-settings';
export type { Remembered, RemoteCredentials } from './requests/remote';
export { onCommitProgress, type CommitProgressMessage } from './requests/commit-progress';
export type { BranchCommitsReply, BranchHeadReply, CommitsFrom, RateLimitReply, DataVersionsReply, FormModelReply } from './requests/form-model';
