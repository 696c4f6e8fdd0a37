// The dependency rule of the layers (README "Layers"; docs/decisions/0000-layers.md). Run by npm test:
//   npx depcruise src scripts bench --config .dependency-cruiser.cjs
const layer = (name) => `^src/lib/${name}/`;
const SDK = "^node_modules/(@aws-sdk|@smithy)/";
const MIDDY = "^node_modules/@middy/";

module.exports = {
  forbidden: [
    {
      name: "platform-is-the-bottom",
      comment: "platform (config, logger, zod, regions) imports nothing of ours.",
      severity: "error",
      from: { path: layer("platform") },
      to: { path: "^src/", pathNot: layer("platform") },
    },
    {
      name: "api-types-only-on-platform",
      comment: "The API's own types (schemas, problem kinds, reserved tags) build on platform alone.",
      severity: "error",
      from: { path: layer("api") },
      to: { path: "^src/", pathNot: [layer("api"), layer("platform")] },
    },
    {
      name: "rules-know-no-http-sdk-or-middy",
      comment: "The key-pair rules import only api and platform: no HTTP code, no AWS SDK, no Middy, no adapter.",
      severity: "error",
      from: { path: layer("keypairs") },
      to: { path: ["^src/", SDK, MIDDY], pathNot: [layer("keypairs"), layer("api"), layer("platform")] },
    },
    {
      name: "adapters-know-no-http",
      comment: "The AWS adapters implement the rules' ports; they never import HTTP code or Middy.",
      severity: "error",
      from: { path: layer("aws") },
      to: { path: ["^src/", MIDDY], pathNot: [layer("aws"), layer("keypairs"), layer("api"), layer("platform")] },
    },
    {
      name: "http-knows-no-adapter",
      comment: "HTTP code calls the rules (through the composition roots in service/), never an adapter or the SDK.",
      severity: "error",
      from: { path: [layer("http"), "^src/handlers/"] },
      to: { path: [layer("aws"), SDK] },
    },
    {
      name: "runtime-never-imports-build-time",
      comment: "Nothing deployed imports the spec generator, scripts, bench, build plugins or tests.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(scripts|bench|build|test|deploy|iam)/" },
    },
    {
      name: "deploy-time-data-is-plain",
      comment:
        "deploy/load-ts.cjs evaluates src/lib/routes.ts, src/lib/api/reserved-tags.ts and src/lib/platform/metric-table.ts alone: they may import nothing.",
      severity: "error",
      from: { path: "^src/lib/(routes|api/reserved-tags|platform/metric-table)\\.ts$" },
      to: {},
    },
    {
      name: "no-circular",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
