// node-streams-first: @smithy/core's streamCollector asks whether a response body is a Blob or a
// web ReadableStream before reading it as the Node stream it is (the Node HTTP handler's bodies are
// http.IncomingMessage); the first touch of the ReadableStream global makes Node load its web
// streams (~1.3 ms of a cold start). A Node Readable is collected first, exactly as before.
const { patchingPlugin } = require("./guard.cjs");

const NAME = "node-streams-first";
const FILTER = /@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]serde[\\/]util-stream[\\/]stream-collector\.js$/;
const EDITS = [
  ['import { Writable } from "node:stream";', 'import { Readable, Writable } from "node:stream";'],
  [
    "export const streamCollector = (stream) => {\n",
    "export const streamCollector = (stream) => {\n" +
      "    if (stream instanceof Readable) {\n        return collectNodeStream(stream);\n    }\n",
  ],
  [
    "    return new Promise((resolve, reject) => {",
    "    return collectNodeStream(stream);\n};\nconst collectNodeStream = (stream) => {\n    return new Promise((resolve, reject) => {",
  ],
];

/** The collector with a Node Readable checked first; each edit must match exactly once. */
function collectNodeStreamsFirst(source) {
  let contents = source;
  for (const [from, to] of EDITS) {
    if (contents.split(from).length !== 2) {
      const line = JSON.stringify(from.trim());
      throw new Error(`${NAME}: the SDK's stream collector changed (not one ${line}); see build/plugins/node-streams-first.cjs`);
    }
    contents = contents.replace(from, to);
  }
  return contents;
}

const nodeStreamsFirstPlugin = patchingPlugin(NAME, FILTER, collectNodeStreamsFirst);

module.exports = { nodeStreamsFirst: nodeStreamsFirstPlugin, collectNodeStreamsFirst, FILTER };
