'use strict';
// async/await ordering against ticks and timers.
async function a() {
  console.log('a start');
  await null;
  console.log('a after await');
  await new Promise((r) => setTimeout(r, 5));
  console.log('a after timer');
  return 'a result';
}
process.nextTick(() => console.log('tick'));
a().then((v) => console.log(v));
console.log('sync end');
(async () => {
  try {
    await Promise.reject(new Error('awaited rejection'));
  } catch (e) {
    console.log('caught', e.message);
  }
})();
