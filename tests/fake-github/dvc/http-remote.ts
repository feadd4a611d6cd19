import type { Handler } from '../server';
import { ObjectRefused, type DvcRemoteStore } from './remote-store';

/**
 * DVC HTTP remotes at `/_dvc/<name>/…` (remote url `http://127.0.0.1:<port>/_dvc/<name>`):
 * GET/HEAD serve objects; POST and PUT (DVC's http `method` setting) upload them, through the
 * same hash check as seeding.
 */
export function httpRemotes(remotes: Record<string, DvcRemoteStore>): Handler {
  return (req) => {
    const m = /^\/_dvc\/([^/]+)\/(.+)$/.exec(req.path);
    const store = m ? remotes[decodeURIComponent(m[1]!)] : undefined;
    if (!m || !store) return undefined;
    const path = decodeURIComponent(m[2]!);
    if (req.method === 'GET' || req.method === 'HEAD') {
      const bytes = store.get(path);
      if (!bytes) return new Response(req.method === 'HEAD' ? null : 'Not Found', { status: 404 });
      const headers = { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) };
      return new Response(req.method === 'HEAD' ? null : new Uint8Array(bytes), { status: 200, headers });
    }
    if (req.method === 'POST' || req.method === 'PUT') {
      try {
        store.put(path, req.body);
        return new Response(null, { status: 200 });
      } catch (error) {
        if (error instanceof ObjectRefused) return new Response(error.message, { status: 400 });
        throw error;
      }
    }
    return new Response('Method Not Allowed', { status: 405, headers: { allow: 'GET, HEAD, POST, PUT' } });
  };
}
