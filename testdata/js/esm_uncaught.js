// An error thrown by an ES module entry goes through 'uncaughtException'.
import 'node:fs';
process.on('uncaughtException', (e, origin) => {
  console.log('caught', e.message, origin);
  process.exitCode = 3;
});
await null;
throw new Error('boom');
