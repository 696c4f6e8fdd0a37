/** virtual:openapi-document for unit tests (jest.config.js moduleNameMapper): openapi.yaml as JSON, as build/docs-plugin.cjs makes it. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { ROOT } from "../../scripts/local-stack.js";

export default parse(readFileSync(`${ROOT}/openapi.yaml`, "utf8")) as Record<string, unknown>;
