// A class field named async without an initializer (TypeScript emits one
// per declared property) is valid JavaScript that the engine's parser
// rejects; the loader lowers class fields for such a file and retries.
class Wrapper {
  name;
  async;
  static async;
  done = false;
  constructor(name) {
    this.name = name;
  }
}
const w = new Wrapper('w');
console.log(Object.keys(w), 'async' in w, w.async, Object.hasOwn(Wrapper, 'async'));
w.async = true;
console.log(w.async);
