// The route table (src/lib/routes.ts) for deploy-time resolvers, and what they derive from it alike.
const table = require("./load-ts.cjs")("src/lib/routes.ts");

/** A function's IAM role, a resource of iam/roles.cjs: `<Function>Role`. */
const roleOf = (name) => `${name[0].toUpperCase()}${name.slice(1)}Role`;

module.exports = { ...table, roleOf };
