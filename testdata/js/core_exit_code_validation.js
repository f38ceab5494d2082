'use strict';
// process.exitCode accepts integers and integer strings; anything else
// throws ERR_INVALID_ARG_TYPE.
for (const v of [1.5, 'abc', true, {}]) {
  try {
    process.exitCode = v;
    console.log('accepted', typeof v);
  } catch (e) {
    console.log(e.code);
  }
}
process.exitCode = '2';
console.log(process.exitCode);
process.exitCode = undefined;
process.exitCode = 0;
try {
  process.exit(1.5);
} catch (e) {
  console.log('exit(1.5):', e.code);
}
