import { describe, expect, it } from 'vitest';
import * as dvc from './';

// The values lib/dvc offers the extension: what issues 6–8 deliver, plus fileFormat (which
// loader reads a file), dirManifest (the .dir object's own bytes, uploaded with the data) and the
// .dvc/config readers (the remotes to choose from), READER_VERSION (the reading rules' version caches key by), readMetricsFile and cacheIndex (metrics and plot files kept in a DVC remote), createFastMd5 (the same md5 on hash-wasm's WebAssembly engine, for data files) and dvcIgnoreFilter (what DVC leaves out of a folder uploaded for a tracked directory). Parsers and splice helpers stay internal.
describe('lib/dvc public surface', () => {
  it('exports exactly the documented functions', () => {
    expect(Object.keys(dvc).sort()).toEqual([
      'READER_VERSION',
      'cacheIndex',
      'createFastMd5',
      'createMd5',
      'diffMetrics',
      'diffParams',
      'dirManifest',
      'dirMd5',
      'dvcIgnoreFilter',
      'dvcRemote',
      'editParams',
      'fileFormat',
      'formatMetric',
      'importMd5',
      'md5Of',
      'parseDvcConfig',
      'readMetricsFile',
      'readProject',
      'remoteObjectUrl',
      'rewriteOut',
    ]);
  });
});
