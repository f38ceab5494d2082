'use strict';
// nextTick inside promise callbacks and promises inside nextTick callbacks.
const out = [];
process.nextTick(() => {
  out.push('tick A');
  Promise.resolve().then(() => out.push('promise from tick A'));
  process.nextTick(() => out.push('tick from tick A'));
});
Promise.resolve().then(() => {
  out.push('promise B');
  process.nextTick(() => out.push('tick from promise B'));
  Promise.resolve().then(() => out.push('promise from promise B'));
});
Promise.resolve().then(() => out.push('promise C'));
process.nextTick(() => out.push('tick D'));
setImmediate(() => {
  out.push('immediate');
  process.nextTick(() => out.push('tick from immediate'));
  Promise.resolve().then(() => out.push('promise from immediate'));
});
setImmediate(() => {
  out.push('immediate 2');
  for (const line of out) console.log(line);
});
