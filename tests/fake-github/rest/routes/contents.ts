import { notFound, RestError } from '../errors';
import { ok, type Route } from '../route';
import { contentEntry } from '../shapes/git';

/** Files above 1 MB are served only through the raw and object media types (docs: repos/get-content). */
export const CONTENTS_JSON_LIMIT = 1024 * 1024;
export const DIRECTORY_LIMIT = 1000;

type Media = 'json' | 'raw' | 'object';

function mediaOf(accept: string | null): { media: Media; v3: boolean } {
  const value = accept ?? '';
  const v3 = /vnd\.github\.v3\./.test(value);
  if (/vnd\.github(\.v3)?\.raw/.test(value)) return { media: 'raw', v3 };
  if (/vnd\.github(\.v3)?\.object/.test(value)) return { media: 'object', v3 };
  return { media: 'json', v3 };
}

/** base64 wrapped at 60 characters per line, as GitHub sends `content`. */
function wrappedBase64(data: Buffer): string {
  return (data.toString('base64').match(/.{1,60}/g) ?? []).map((line) => `${line}\n`).join('');
}

export const getContent: Route = async (input) => {
  const git = input.repo.git;
  const ref = input.query.get('ref') ?? input.repo.defaultBranch;
  const commit = await git.resolveCommit(ref);
  if (!commit) throw new RestError(404, `No commit found for the ref ${ref}`);
  const entry = await git.entry(commit, input.params.path ?? '');
  if (!entry) throw notFound();
  const { media, v3 } = mediaOf(input.req.headers.get('accept'));

  if (entry.type === 'tree') {
    const children = (await git.listTree(entry.oid)).slice(0, DIRECTORY_LIMIT);
    const items = children.map((child) => {
      const full = { ...child, path: `${entry.path}/${child.name}`.replace(/^\//, '') };
      const item = contentEntry(input.links, input.repo, ref, full, child.size ?? 0);
      // Listings call submodules "file", for backwards compatibility (docs: repos/get-content).
      return item.type === 'submodule' ? { ...item, type: 'file' } : item;
    });
    if (media === 'object') return ok({ ...contentEntry(input.links, input.repo, ref, entry, 0), entries: items });
    return ok(items);
  }

  const data = (await git.readBlob(entry.oid)) ?? Buffer.alloc(0);
  if (media === 'raw') {
    const type = v3 ? 'application/vnd.github.v3.raw' : 'application/vnd.github.raw';
    return { status: 200, raw: { contentType: `${type}; charset=utf-8`, mediaType: 'github.v3; param=raw', data }, etagKey: entry.oid };
  }
  const base = contentEntry(input.links, input.repo, ref, entry, data.length);
  if (entry.mode === 120000) return ok({ ...base, target: data.toString('utf8') });
  if (data.length > CONTENTS_JSON_LIMIT) {
    if (media === 'object') return { ...ok({ ...base, content: '', encoding: 'none' }), etagKey: entry.oid };
    throw new RestError(
      403,
      'This API returns blobs up to 1 MB in size. The requested blob is too large to fetch via the API, but you can use the Git Data API to request blobs up to 100 MB in size.',
      { errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }] },
    );
  }
  return { ...ok({ ...base, content: wrappedBase64(data), encoding: 'base64' }), etagKey: entry.oid };
};
