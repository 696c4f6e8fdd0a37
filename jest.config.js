/** Unit and contract tests run alone; integration tests get the local stack from globalSetup. */
const common = {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  // virtual:* modules are made by build/docs-plugin.cjs when esbuild bundles; tests get stand-ins.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1", "^virtual:(openapi-document|docs-page)$": "<rootDir>/test/support/virtual-$1.ts" },
  transform: { "^.+\\.ts$": ["ts-jest", { useESM: true }] },
};

export default {
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: [
        "<rootDir>/test/unit/**/*.test.ts",
        "<rootDir>/test/contract/**/*.test.ts",
        "<rootDir>/packages/*/test/unit/**/*.test.ts",
      ],
      setupFiles: ["<rootDir>/test/unit/env.ts"],
    },
    {
      ...common,
      displayName: "integration",
      testMatch: ["<rootDir>/test/integration/**/*.test.ts", "<rootDir>/packages/*/test/integration/**/*.test.ts"],
      globalSetup: "<rootDir>/test/integration/global-setup.ts",
      globalTeardown: "<rootDir>/test/integration/global-teardown.ts",
    },
    { ...common, displayName: "logs", testMatch: ["<rootDir>/test/logs/**/*.test.ts"] },
  ],
};
