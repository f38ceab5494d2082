// --import preloads ES modules in order, each evaluated (top-level await
// included) before the next and before the main script.
console.log(globalThis.preloaded.join(','));
console.log(require.main === module);
