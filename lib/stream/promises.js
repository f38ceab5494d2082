'use strict';
// node:stream/promises: pipeline and finished returning promises.

const { pipelinePromise } = require('internal/streams/pipeline');
const { finished } = require('internal/streams/end-of-stream');

// util.promisify(stream.pipeline).name is 'pipeline', as in node.
Object.defineProperty(pipelinePromise, 'name', { __proto__: null, value: 'pipeline' });

module.exports = { finished, pipeline: pipelinePromise };
