/**
 * Where one object is, as far as the transport cares. `lib/dvc`'s `RemoteObject` is one: this
 * module does not know DVC's layouts, only how to GET a URL from an HTTP(S) or S3-compatible server.
 */
export type RemoteTarget =
  | { kind: 'http'; url: string }
  | {
      kind: 's3';
      /** The HTTPS request URL (path-style under `endpointurl`, or AWS's). */
      url: string;
      /** The object as DVC names it, `s3://bucket/key`: what credentials are matched against. */
      s3Url: string;
      region?: string;
    };
