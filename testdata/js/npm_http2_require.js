'use strict';
// axios requires http2 at load time and reads http2.constants.
const http2 = require('http2');
const { HTTP2_HEADER_SCHEME, HTTP2_HEADER_METHOD, HTTP2_HEADER_PATH, HTTP2_HEADER_STATUS } = http2.constants;
console.log(HTTP2_HEADER_SCHEME, HTTP2_HEADER_METHOD, HTTP2_HEADER_PATH, HTTP2_HEADER_STATUS);
console.log(http2.constants.HTTP2_METHOD_GET, http2.constants.HTTP_STATUS_NOT_FOUND, http2.constants.NGHTTP2_CANCEL);
console.log(typeof http2.connect, typeof http2.createServer, typeof http2.sensitiveHeaders);
