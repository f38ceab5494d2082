// Preloaded first by cli_import: waits before the next preload runs.
globalThis.preloaded = ['a'];
await new Promise((resolve) => setTimeout(resolve, 20));
globalThis.preloaded.push('a done');
