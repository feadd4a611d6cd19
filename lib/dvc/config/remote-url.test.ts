import { describe, expect, it } from 'vitest';
import { parseDvcConfig, remoteObjectUrl } from '..';
import { fixtureText } from '../testing/fixture-files';

// Object layout (dvc-objects `_oid_parts`): 3.x `<url>/files/md5/ab/cdef…`,
// 2.x `<url>/ab/cdef…`, `.dir` suffix kept. Hashes are the real ones from each project's files.
describe('remoteObjectUrl for every .dvc/config in the fixtures', () => {
  it('example-get-started main (public-s3 = https://remote.dvc.org/get-started)', () => {
    const config = fixtureText('iterative__example-get-started/main-06ea489/.dvc/config');
    expect(remoteObjectUrl(config, '153aad06d376b6595932470e459ef42a.dir', '3')).toEqual({
      kind: 'http',
      remote: 'public-s3',
      url: 'https://remote.dvc.org/get-started/files/md5/15/3aad06d376b6595932470e459ef42a.dir',
    });
    expect(remoteObjectUrl(config, '22a1a2931c8370d3aeedd7183606fd7f', '3').url).toBe(
      'https://remote.dvc.org/get-started/files/md5/22/a1a2931c8370d3aeedd7183606fd7f',
    );
  });

  it('example-get-started 2021 (storage, a 2.x object)', () => {
    const config = fixtureText('iterative__example-get-started/legacy-2021-pr16-82cb5d1/.dvc/config');
    expect(remoteObjectUrl(config, 'a304afb96060aad90176268345e10355', '2')).toEqual({
      kind: 'http',
      remote: 'storage',
      url: 'https://remote.dvc.org/get-started/a3/04afb96060aad90176268345e10355',
    });
  });

  it('example-get-started-experiments (storage = …/get-started-pools, 3.x directory)', () => {
    const config = fixtureText('iterative__example-get-started-experiments/main-afdf89b/.dvc/config');
    expect(remoteObjectUrl(config, '14d187e749ee5614e105741c719fa185.dir', '3').url).toBe(
      'https://remote.dvc.org/get-started-pools/files/md5/14/d187e749ee5614e105741c719fa185.dir',
    );
  });

  it('vscode-dvc-demo (mixed: a 2.x directory and a 3.x file in the same remote)', () => {
    const config = fixtureText('iterative__vscode-dvc-demo/head-f62608c/.dvc/config');
    expect(remoteObjectUrl(config, 'ab3353d41bd7a24a20a31f29b64e3b3c.dir', '2').url).toBe(
      'https://remote.dvc.org/mnist-vscode/ab/3353d41bd7a24a20a31f29b64e3b3c.dir',
    );
    expect(remoteObjectUrl(config, '8dc58a5171dbd7c66e2a5b5ac5fb4095', '3').url).toBe(
      'https://remote.dvc.org/mnist-vscode/files/md5/8d/c58a5171dbd7c66e2a5b5ac5fb4095',
    );
  });

  it('delta-data-control (S3-compatible: s3://bucket/prefix with endpointurl and region)', () => {
    const config = fixtureText('Deltares-research__delta-data-control/head-6a17b42/.dvc/config');
    expect(remoteObjectUrl(config, '5972874377aebc4fa54b0796c66e2061', '3')).toEqual({
      kind: 's3',
      remote: 'minio',
      url: 'https://s3.deltares.nl/field-data-flows/delta-data-control/files/md5/59/72874377aebc4fa54b0796c66e2061',
      s3Url: 's3://field-data-flows/delta-data-control/files/md5/59/72874377aebc4fa54b0796c66e2061',
      bucket: 'field-data-flows',
      key: 'delta-data-control/files/md5/59/72874377aebc4fa54b0796c66e2061',
      endpoint: 'https://s3.deltares.nl',
      region: 'us-east-1',
    });
  });
});

describe('remoteObjectUrl: choosing and resolving remotes', () => {
  const config = [
    '[core]',
    '    remote = "main"   ',
    '[\'remote "main"\']',
    '    url = https://example.com/store/  # trailing slash and a comment',
    '[remote "aws"]',
    "    url = 's3://my-bucket/dvc store'",
    '    region = eu-west-1',
    '[remote "dotted"]',
    '    url = s3://my.bucket',
    '[remote "sub"]',
    '    url = remote://aws/team/a',
    '[remote "gcs"]',
    '    url = gs://bucket/path',
    '[remote "az"]',
    '    url = azure://container/path',
    '[remote "nas"]',
    '    url = /mnt/dvc-storage',
    '[remote "box"]',
    '    url = ssh://user@host/srv/dvc',
  ].join('\r\n');

  it('uses core.remote by default, with quotes, comments and trailing slashes removed', () => {
    expect(remoteObjectUrl(config, '0123456789abcdef0123456789abcdef', '2').url).toBe('https://example.com/store/01/23456789abcdef0123456789abcdef');
  });

  it('AWS S3 without endpointurl: virtual-hosted in the region; dotted buckets path-style', () => {
    const aws = remoteObjectUrl(config, '0123456789abcdef0123456789abcdef', '3', 'aws');
    expect(aws).toMatchObject({
      kind: 's3',
      url: 'https://my-bucket.s3.eu-west-1.amazonaws.com/dvc%20store/files/md5/01/23456789abcdef0123456789abcdef',
      key: 'dvc store/files/md5/01/23456789abcdef0123456789abcdef',
      endpoint: 'https://s3.eu-west-1.amazonaws.com',
      region: 'eu-west-1',
    });
    expect(remoteObjectUrl(config, '0123456789abcdef0123456789abcdef', '2', 'dotted').url).toBe(
      'https://s3.amazonaws.com/my.bucket/01/23456789abcdef0123456789abcdef',
    );
  });

  it('remote://other/path inherits the other remote and joins the path, as DVC does', () => {
    expect(remoteObjectUrl(config, '0123456789abcdef0123456789abcdef', '2', 'sub')).toMatchObject({
      remote: 'sub',
      s3Url: 's3://my-bucket/dvc store/team/a/01/23456789abcdef0123456789abcdef',
      region: 'eu-west-1',
    });
  });

  it.each([
    ['gcs', 'Google Cloud Storage'],
    ['az', 'Azure Blob Storage'],
    ['nas', 'a local directory'],
    ['box', 'SSH'],
  ])('refuses the %s remote (%s) by name', (name, kind) => {
    expect(() => remoteObjectUrl(config, '0123456789abcdef0123456789abcdef', '3', name)).toThrow(
      new RegExp(`^remote "${name}" \\(.*\\) is ${kind}; Commit Lab reaches only HTTP\\(S\\) and S3 remotes$`),
    );
  });

  it('refuses a missing remote, a missing default and a bad object id', () => {
    expect(() => remoteObjectUrl(config, '0123456789abcdef0123456789abcdef', '3', 'nope')).toThrow('.dvc/config has no remote named "nope"');
    expect(() => remoteObjectUrl('[remote "a"]\nurl = https://x\n', '0123456789abcdef0123456789abcdef', '3')).toThrow('no default remote');
    expect(() => remoteObjectUrl(config, 'not-a-hash', '3')).toThrow('is not an md5 object id');
  });
});

describe('parseDvcConfig (configobj rules)', () => {
  it('reads quoted section names and values, comments and lists', () => {
    const config = parseDvcConfig("# top\n[core]\nremote = storage # default\n['remote \"storage\"']\nurl = 'https://x/#not-a-comment'\nlist = a, 'b,c', d\n");
    expect(config.get('core')?.get('remote')).toBe('storage');
    expect(config.get('remote "storage"')?.get('url')).toBe('https://x/#not-a-comment');
    expect(config.get('remote "storage"')?.get('list')).toEqual(['a', 'b,c', 'd']);
  });

  it('refuses duplicates and lines it cannot read, naming the line', () => {
    expect(() => parseDvcConfig('[core]\nremote = a\nremote = b\n')).toThrow('.dvc/config line 3: `remote` appears twice');
    expect(() => parseDvcConfig('[core]\n[core]\n')).toThrow('line 2: section [core] appears twice');
    expect(() => parseDvcConfig('[core]\nnot a pair\n')).toThrow('line 2: neither a [section] nor key = value');
  });
});
