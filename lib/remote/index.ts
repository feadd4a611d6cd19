// The public surface of lib/remote: reading objects from HTTP(S) and S3-compatible remotes, the
// credentials for them and the host permissions they need. Transport only: DVC's addresses and
// hashes are lib/dvc's, and lib/experiments joins the two.
export { fetchObject, type FetchContext, type RemoteTarget } from './fetch-object';
export { RemoteError, type RemoteFailure } from './errors';
export { credentialFor, parseCredential, summarise, type CredentialSummary, type RemoteCredential } from './credentials';
export { createLimit, MAX_REMOTE_READS } from './limit';
export {
  forgetDenials,
  grantedRemoteOrigins,
  originPattern,
  recordAnswer,
  remoteAccess,
  requestRemoteAccess,
  revokeRemoteOrigin,
  type DeniedOrigins,
  type PermissionsApi,
  type RemoteAccess,
} from './permissions';
