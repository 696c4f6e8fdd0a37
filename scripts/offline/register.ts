/**
 * Preloaded into serverless-offline (node --import, see local-stack.ts): makes the local API
 * Gateway behave as the deployed one where the service relies on it. Node 24 strips the types.
 */
import { register } from "node:module";

register("./hooks.ts", import.meta.url);
