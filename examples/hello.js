// A first gonode program: timers, promises and process, in Node's order.
const { setTimeout: sleep } = { setTimeout: (ms) => new Promise((r) => setTimeout(r, ms)) };

console.log(`hello from gonode ${process.version} on ${process.platform}/${process.arch}`);
process.nextTick(() => console.log('nextTick runs before promises'));
Promise.resolve().then(() => console.log('then promise jobs'));
setImmediate(() => console.log('setImmediate runs in the check phase'));
sleep(10).then(() => console.log('and a timer after 10 ms'));
process.on('exit', (code) => console.log(`exit code ${code}`));
