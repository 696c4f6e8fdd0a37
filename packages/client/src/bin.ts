#!/usr/bin/env node
// The ec2-keypairs command (compiled to dist/bin.js, the package's bin).
import { main } from "./cli.js";

process.exitCode = await main(process.argv.slice(2));
