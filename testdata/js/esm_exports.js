require('./fixtures/esm_exports/run.cjs');
