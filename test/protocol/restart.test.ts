// A server that crashes or is killed loses nothing: the client starts a new one (vscode-languageclient restarts it,
// at most 4 times in 3 minutes, then says so), which indexes the articles again and reads the saved annotations.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { sampleWorkspace } from '../support/sampleWorkspace';
import { indexed, startServer, type TestServer } from '../../tools/src/lspClient';

const SETTINGS = { articleFiles: ['**/*.txt', '**/*.news'] };

interface ExportedArticle {
  path: string;
  referenceDate: string | null;
  entities: unknown[];
}

describe('server killed and started again', () => {
  const servers: TestServer[] = [];
  after(async () => {
    for (const server of servers) await server.stop();
  });

  it('the new server has the index and the annotations back', async () => {
    const dir = sampleWorkspace('restart');
    const article = URI.file(path.join(dir, 'alder-dam-wire.txt')).toString();
    const exportAll = (server: TestServer) => server.connection.sendRequest<{ articles: ExportedArticle[] }>('workspace/executeCommand', { command: 'newsAnnotator.exportJson', arguments: [null, 'json'] });

    const first = await startServer(dir, SETTINGS);
    await indexed(first);
    assert.equal(await first.connection.sendRequest('workspace/executeCommand', { command: 'newsAnnotator.storeArticleDate', arguments: [article, '2001-02-03'] }), true);
    const before = await exportAll(first);

    first.process.kill('SIGKILL');
    await new Promise((resolve) => first.process.once('exit', resolve));
    first.connection.dispose();

    const second = await startServer(dir, SETTINGS);
    servers.push(second);
    await indexed(second);
    const afterRestart = await exportAll(second);
    assert.deepEqual(afterRestart.articles.map((a) => a.path), before.articles.map((a) => a.path), 'every article indexed again');
    assert.equal(afterRestart.articles.find((a) => a.path === 'alder-dam-wire.txt')?.referenceDate, '2001-02-03', "the editor's date is back");
    assert.deepEqual(afterRestart, before, 'the same analysis and annotations as before the crash');
  });
});
