// The route table (src/lib/routes.ts) for deploy-time resolvers.
module.exports = require("./load-ts.cjs")("src/lib/routes.ts");
