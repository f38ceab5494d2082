'use strict';
// node:stream/promises: pipeline and finished returning promises.

const { pipelinePromise } = require('internal/streams/pipeline');
const { finished } = require('internal/streams/end-of-stream');

module.exports = { finished, pipeline: pipelinePromise };
