/**
 * zod for the runtime: zod/mini (functions, not methods: a bundle keeps only what it uses, and a
 * schema is cheaper to build), with zod's English messages, which zod/mini does not load itself.
 * Import it as a namespace (`import * as z from "./zod.js"`) so bundles can leave out the rest.
 * The spec generator reads these same schemas (src/lib/openapi.ts).
 */
import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

config(en());

export * from "zod/mini";
