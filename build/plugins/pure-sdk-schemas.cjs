// pure-sdk-schemas: lets esbuild drop the EC2, SSM, Auto Scaling and EventBridge schemas this service does not use.
// Each client keeps every shape in one module, schemas_0.js, as top-level `var X = [...]` arrays.
// Many contain computed keys ({ [_xN]: ... }), which esbuild must assume can have side effects, so
// none of the arrays is tree-shaken (EC2's ~3,400: ~550 KB minified; aws-sdk-js-v3#7607). Wrapping
// each array in an IIFE marked @__PURE__ keeps the same values in the same order, and tells esbuild
// an unused one can go. EC2's are instead split into a module each (module-parts.cjs), which drops
// the unused ones the same way and keeps out of INIT those only a lazily loaded feature uses.
const { readFile } = require("node:fs/promises");
const { dirname } = require("node:path");
const { guardLoaded, guardPlugin } = require("./guard.cjs");
const { pruneOutputShapes } = require("./prune-output-shapes.cjs");
const { partsOf, serveParts } = require("./module-parts.cjs");

const NAME = "pure-sdk-schemas";
const FILTER = /@aws-sdk[\\/]client-(?:ec2|ssm|auto-scaling|eventbridge)[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/;

function markSchemasPure(source) {
  const out = [];
  let open = false;
  let marked = 0;
  for (const line of source.split("\n")) {
    const declaration = !open && /^(export )?var [\w$]+ = \[/.test(line);
    if (declaration) marked++;
    if (declaration && line.endsWith("];")) {
      out.push(line.replace(/ = \[(.*)\];$/, " = /* @__PURE__ */ (() => [$1])();"));
    } else if (declaration) {
      out.push(line.replace(" = [", " = /* @__PURE__ */ (() => ["));
      open = true;
    } else if (open && line === "];") {
      out.push("])();");
      open = false;
    } else {
      out.push(line);
    }
  }
  if (open) throw new Error(`${NAME}: unterminated schema array; the SDK's layout changed`);
  if (marked === 0) throw new Error(`${NAME}: no top-level \`var X = [\` schema array found; the SDK's layout changed`);
  return out.join("\n");
}

/**
 * client-ssm registers each of its ~140 modeled error classes at import (`n0_registry.registerError(X$, X)`),
 * which keeps every class and error schema in the bundle (~60 KB). Without the registrations the
 * SDK still throws on an SSM error, as the client's base exception with `name` = SSM's error code,
 * `$fault` and `$metadata` (@aws-sdk/core ProtocolLib getErrorSchemaOrThrowBaseException): all that
 * src/lib/aws/ssm.ts reads. It never tests an error's class. (EC2 models no error classes.) client-auto-scaling
 * registers its 12 the same way, client-eventbridge its 14; src/lib/aws/autoscaling.ts and eventbridge.ts read only the
 * code (name), $fault and $metadata too.
 */
const REGISTRATION = /^n0_registry\.registerError\([\w$]+, [\w$]+\);$/;
function unregisterModeledErrors(source) {
  // A registration in another form (other than the base exception's, _s_registry) would stay: stop instead.
  const isOther = (line) => line.includes("registerError(") && !line.startsWith("_s_registry.") && !REGISTRATION.test(line);
  const other = source.split("\n").find(isOther);
  if (other !== undefined) {
    throw new Error(`${NAME}: the SDK registers errors differently now (${other.slice(0, 80)}); see unregisterModeledErrors`);
  }
  return source.replace(new RegExp(REGISTRATION.source, "gm"), "");
}

/** SSM's, Auto Scaling's and EventBridge's schema files: each loads with the feature that uses it. */
const transform = (source) => unregisterModeledErrors(markSchemasPure(source));

/**
 * EC2's: its big output structures cut to what the usage check reads (prune-output-shapes.cjs), then a
 * module per schema (module-parts.cjs): as one module, every EC2 schema a lazily loaded feature uses
 * was at INIT (6.9 KB of the read function's; decision 0029). An id (`const _X = "Name"`) that at most
 * four schemas use is written in them; a more common one is a module they share, which costs less
 * than its text repeated (four: the smallest INIT of the read and delete functions, measured).
 */
const EC2 = /client-ec2[\\/]dist-es[\\/]schemas[\\/]schemas_0\.js$/;
const ec2Parts = (source) => partsOf(pruneOutputShapes(source), "schemas_0.js", { inline: 4 });

const pureSdkSchemas = {
  name: NAME,
  setup(build) {
    guardPlugin(NAME, { filter: FILTER });
    const ec2 = serveParts(build, EC2, async (path) => {
      const bytes = await readFile(path);
      guardLoaded(NAME, path, bytes);
      return ec2Parts(bytes.toString("utf8"));
    });
    build.onLoad({ filter: FILTER }, async (args) => {
      if (EC2.test(args.path)) return ec2(args);
      const bytes = await readFile(args.path);
      guardLoaded(NAME, args.path, bytes);
      return { contents: transform(bytes.toString("utf8")), loader: "js", resolveDir: dirname(args.path) };
    });
  },
};

module.exports = { pureSdkSchemas, markSchemasPure, unregisterModeledErrors, transform, ec2Parts, FILTER };
