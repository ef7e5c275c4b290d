// The server bundle's entry (dist/server.js): the language server on the main thread, an analysis worker in each
// worker thread the server starts from this same file, so the extension ships the analyzer once.
import { isMainThread } from 'node:worker_threads';

if (isMainThread) require('./server');
else require('./lsp/analysisWorker');
