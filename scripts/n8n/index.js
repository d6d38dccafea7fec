'use strict';
// One import for tests: require('../scripts/n8n') (types in index.d.ts).
module.exports = {
	...require('./install'),
	...require('./n8n'),
	...require('./n8n-rest'),
	...require('./n8n-with-registry'),
	...require('./verdaccio'),
	...require('./local-package'),
	...require('./dummy-package'),
	runtime: require('./runtime'),
};
