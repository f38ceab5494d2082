// --enable-source-maps: a stack frame in compiled code points at the
// original TypeScript file and line (columns differ between engines).
const boom = require('./fixtures/sourcemap/out.js');
try {
  boom();
} catch (err) {
  const frame = err.stack.split('\n').find((l) => l.includes('orig.ts') || l.includes('out.js'));
  const m = /([^/]+\.(?:ts|js)):(\d+):\d+/.exec(frame);
  console.log(err.message, m[1], m[2]);
}
