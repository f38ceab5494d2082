// Preloaded second by cli_import.
globalThis.preloaded.push('b');
