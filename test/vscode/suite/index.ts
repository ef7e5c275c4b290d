// Extension-host test entry (the contract of @vscode/test-electron: export run()). Also used inside code-server.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000 });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js'))) mocha.addFile(path.join(__dirname, file));
  const results: { passes: string[]; failures: { title: string; error: string }[] } = { passes: [], failures: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (process.env.EXT_TEST_RESULTS) fs.writeFileSync(process.env.EXT_TEST_RESULTS, JSON.stringify(results, null, 2));
      if (failures > 0) reject(new Error(`${failures} extension-host tests failed`));
      else resolve();
    });
    runner.on('pass', (test) => results.passes.push(test.fullTitle()));
    runner.on('fail', (test, error) => results.failures.push({ title: test.fullTitle(), error: String(error?.message) }));
  });
}
