'use strict';
// Child side of child_fork.js: echoes messages until told to stop.
process.on('message', (m) => {
  if (m === 'stop') {
    process.send({ bye: true }, () => process.disconnect());
    return;
  }
  process.send({ echo: m, connected: process.connected, argv: process.argv.slice(2) });
});
process.send('ready');
