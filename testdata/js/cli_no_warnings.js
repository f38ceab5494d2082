'use strict';
// --no-warnings silences the default warning output ('warning' still fires).
process.on('warning', (w) => console.log('warning event', w.message));
process.emitWarning('quiet please');
