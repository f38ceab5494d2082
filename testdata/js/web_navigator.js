console.log(navigator.userAgent, navigator.platform, navigator.language, JSON.stringify(navigator.languages));
console.log(typeof navigator.hardwareConcurrency, navigator.hardwareConcurrency >= 1, Object.keys(navigator).length);
console.log(navigator.hardwareConcurrency === require('os').availableParallelism());
