'use strict';
// for await over process.stdin, and pipe to stdout.
(async () => {
  let n = 0;
  for await (const chunk of process.stdin) n += chunk.length;
  console.log('iterated bytes', n);
})();
