'use strict';
// Which of process.stdout/stderr have been created (or replaced). Until
// one is, the global console writes to its fd directly: creating the
// stream loads the whole stream machinery, which start-up can do without.
// Writes are synchronous either way, so output order is unchanged.

const streams = [undefined, undefined, undefined];
const binding = internalBinding('process_methods');
const ttyCache = [undefined, undefined, undefined];

// fastFd returns fd when console output may bypass the stream: the stream
// does not exist yet and the fd is not a terminal (terminal output needs
// the stream's colour and size logic).
function fastFd(fd) {
  if (streams[fd] !== undefined) return -1;
  ttyCache[fd] ??= binding.isatty(fd);
  return ttyCache[fd] ? -1 : fd;
}

function writeFast(fd, string) {
  binding.writeSync(fd, string);
}

module.exports = { streams, fastFd, writeFast };
