import { describe, expect, it } from 'vitest';
import { credentialFor, parseCredential, type RemoteCredential } from './credentials';

const aws: RemoteCredential = { kind: 's3', url: 's3://bucket', accessKeyId: 'A', secretAccessKey: 'S' };
const awsPrefix: RemoteCredential = { kind: 's3', url: 's3://bucket/dvc/', accessKeyId: 'B', secretAccessKey: 'S' };
const minio: RemoteCredential = { kind: 's3', url: 's3://bucket', endpoint: 'https://minio.example.org:9000', accessKeyId: 'M', secretAccessKey: 'S' };
const http: RemoteCredential = { kind: 'basic', url: 'https://dvc.example.org/store', user: 'u', password: 'p' };
const all = [aws, awsPrefix, minio, http];

describe('credentialFor', () => {
  it('picks the longest remote URL the object lies under, at a / boundary', () => {
    expect(credentialFor(all, 's3://bucket/dvc/files/md5/ab/cd', 'https://bucket.s3.amazonaws.com/dvc/files/md5/ab/cd')).toBe(awsPrefix);
    expect(credentialFor(all, 's3://bucket/other/ab/cd', 'https://s3.eu-west-1.amazonaws.com/bucket/other/ab/cd')).toBe(aws);
    expect(credentialFor(all, 's3://bucket2/ab/cd', 'https://s3.amazonaws.com/bucket2/ab/cd')).toBeUndefined();
    expect(credentialFor(all, 'https://dvc.example.org/store/ab/cd', 'https://dvc.example.org/store/ab/cd')).toBe(http);
    expect(credentialFor(all, 'https://dvc.example.org/storage/ab/cd', 'https://dvc.example.org/storage/ab/cd')).toBeUndefined();
  });

  it('uses an S3 credential only at its endpoint (or AWS over HTTPS when it names none)', () => {
    expect(credentialFor(all, 's3://bucket/ab/cd', 'https://minio.example.org:9000/bucket/ab/cd')).toBe(minio);
    expect(credentialFor(all, 's3://bucket/ab/cd', 'https://minio.example.org/bucket/ab/cd')).toBeUndefined();
    expect(credentialFor(all, 's3://bucket/ab/cd', 'https://evil.example/bucket/ab/cd')).toBeUndefined();
    expect(credentialFor(all, 's3://bucket/ab/cd', 'https://s3.amazonaws.com.evil.example/bucket/ab/cd')).toBeUndefined();
    expect(credentialFor(all, 's3://bucket/ab/cd', 'http://s3.amazonaws.com/bucket/ab/cd')).toBeUndefined();
  });
});

describe('parseCredential', () => {
  it('keeps well-formed credentials and only their fields', () => {
    expect(parseCredential({ ...minio, extra: 1 })).toEqual(minio);
    expect(parseCredential(http)).toEqual(http);
    expect(parseCredential({ kind: 'header', url: 'https://x.org/dvc', name: 'X-Token', value: 'v' })).toEqual({
      kind: 'header',
      url: 'https://x.org/dvc',
      name: 'X-Token',
      value: 'v',
    });
  });

  it.each([
    null,
    { ...aws, url: 'https://bucket' },
    { ...aws, secretAccessKey: '' },
    { ...minio, endpoint: 'ftp://x' },
    { ...http, url: 's3://bucket' },
    { kind: 'header', url: 'https://x.org', name: 'Bad Name', value: 'v' },
    { kind: 'header', url: 'https://x.org', name: 'Host', value: 'v' },
    { kind: 'ssh', url: 'ssh://x' },
  ])('refuses %j', (value) => expect(parseCredential(value)).toBeUndefined());
});
