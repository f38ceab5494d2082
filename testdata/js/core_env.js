'use strict';
// process.env is live: reads, writes (values become strings), deletes.
console.log(process.env.GONODE_BEHAVIOUR);
console.log('GONODE_BEHAVIOUR' in process.env, 'GONODE_NOPE_XYZ' in process.env);
console.log(process.env.GONODE_NOPE_XYZ);
process.env.GONODE_T1 = 42;
console.log(typeof process.env.GONODE_T1, process.env.GONODE_T1);
process.env.GONODE_T2 = true;
console.log(process.env.GONODE_T2);
console.log(Object.keys(process.env).includes('GONODE_T1'));
delete process.env.GONODE_T1;
console.log(process.env.GONODE_T1, 'GONODE_T1' in process.env);
console.log(Object.keys(process.env).includes('GONODE_T1'));
const { execSync } = (() => { try { return require('child_process'); } catch { return {}; } })();
void execSync;
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(process.env, 'GONODE_T2')));
