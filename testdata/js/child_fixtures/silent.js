'use strict';
// Child side of child_fork.js: prints and exits on its own (an IPC channel
// with no 'message' listener does not keep a child alive).
console.log('silent child', typeof process.send, process.connected, process.env.NODE_CHANNEL_FD);
