// Child process for the sync fault tests: opens the device's data folder and runs one sync to the
// end. It watches its own HTTP requests through Node's diagnostics channels (observation only,
// nothing is replaced) and prints one line per event, so the parent can time a kill and see what
// was sent:
//   ready                                   the data folder is open, the sync starts
//   send METHOD PATH BODY_BYTES             a request is sent (PATH with its query: offset, length)
//   answer METHOD PATH STATUS               its answer arrived
//   done ok|failed KIND MESSAGE             the sync's outcome
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { openWithPassword } from '../../core/vault/open-unlocked.ts';
import { OFFICER_A } from './core-fixture.ts';
import { silentLog } from '../../protocol/runtime/log.ts';

const [dataDir] = process.argv.slice(2) as [string];
const say = (line: string) => process.stdout.write(`${line}\n`); // a pipe: written synchronously

subscribe('http.client.request.start', (m) => {
  const { request } = m as { request: ClientRequest };
  say(`send ${request.method} ${request.path} ${Number(request.getHeader('content-length') ?? 0)}`);
});
subscribe('http.client.response.finish', (m) => {
  const { request, response } = m as { request: ClientRequest; response: IncomingMessage };
  say(`answer ${request.method} ${request.path} ${response.statusCode}`);
});

const core = await openWithPassword({ dataDir, log: silentLog }, OFFICER_A.certNo, OFFICER_A.password);
say('ready');
const outcome = await core.sync.run();
say(`done ${outcome.ok ? 'ok' : 'failed'} ${outcome.kind ?? '-'} ${outcome.message}`);
core.close();
