'use strict';
// React 19 (development build) calls console.createTask at load time and
// runs work through task.run(fn).
const createTask = console.createTask ? console.createTask.bind(console) : () => null;
const task = createTask('<App>');
console.log(task, Object.getPrototypeOf(task), task.run.length);
console.log(task.run(() => 'ran'), task.run(function () { return this; }) === undefined);
for (const bad of [undefined, '', 1]) {
  try {
    console.createTask(bad);
  } catch (e) {
    console.log(e.name, e.message);
  }
}
try {
  task.run('x');
} catch (e) {
  console.log(e.name, e.message);
}
