'use strict';
// How many diagnostics channels have subscribers or stores, kept by
// node:diagnostics_channel. Hot paths (the HTTP server, per request) read
// `active` before asking a channel: a property read instead of a getter
// call on every channel they publish on.

module.exports = { active: 0 };
