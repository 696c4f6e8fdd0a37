/**
 * Comments name files that exist, and say why rather than when: a path a comment gives (from the
 * repository's root, from the commented file's folder, or a file's bare name) resolves in this
 * repository, and no comment cites an issue number (what an issue asked for is said in its own
 * words, where it is done).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import ts from "typescript";
import { ROOT } from "../../scripts/local-stack.js";

/** Where comments are checked: the code, its tests and its deployment. */
const SCOPE = /^(?:src|scripts|test|packages|build|deploy|bench)\/|^serverless\.yml$/;
/** Generated code, and a fixture copied beside a generated client (the client it imports exists only there). */
const EXCLUDED = /(?:^packages\/client\/src\/api\.d\.ts|^test\/contract\/generated-clients\/)/;
/** Files of dependencies that comments name by their bare name, and where they are. */
const THIRD_PARTY: Record<string, string> = {
  "HttpServer.js": "node_modules/serverless-offline/src/events/http/HttpServer.js",
  "schemas_0.js": "node_modules/@aws-sdk/client-ec2/dist-es/schemas/schemas_0.js",
  "date-utils.js": "node_modules/@smithy/core/dist-es/submodules/serde/date-utils.js",
};

/** A file name with one of our extensions, with any folders before it; or a top-level folder of ours. */
const PATH =
  /(?<![\w./@:-])((?:\.{1,2}\/)?(?:[\w.-]+\/)*[\w-][\w.-]*\.(?:ts|cjs|mjs|js|py|ya?ml|md|json|sh|html)|(?:src|scripts|test|packages|build|deploy|docs|bench|clients|iam)\/(?:[\w.-]+\/)*)(?![\w/-])/g;

/** The comments of a file: TypeScript's own reading of JavaScript and TypeScript, `#` lines elsewhere. */
function commentsOf(file: string, text: string): string[] {
  if (/\.(?:ts|cjs|mjs|js)$/.test(file)) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const found = new Map<number, string>();
    const collect = (ranges: ts.CommentRange[] | undefined) => {
      for (const range of ranges ?? []) found.set(range.pos, text.slice(range.pos, range.end));
    };
    const visit = (node: ts.Node) => {
      collect(ts.getLeadingCommentRanges(text, node.pos));
      collect(ts.getTrailingCommentRanges(text, node.end));
      ts.forEachChild(node, visit);
    };
    visit(source);
    collect(ts.getLeadingCommentRanges(text, source.endOfFileToken.pos));
    return [...found.values()];
  }
  return text.split("\n").flatMap((line) => line.match(/(?:^|\s)#(.*)$/)?.[1] ?? []);
}

/**
 * The paths `comments` name that resolve nowhere: from the commented file's folder or any above it
 * (a package's own src/, the root's src/), as the end of a file's path (http/problems.ts), or as a
 * file's bare name.
 */
function missingPaths(file: string, comments: string[], files: Set<string>, folders: Set<string>): string[] {
  const names = new Set([...files].map((path) => path.slice(path.lastIndexOf("/") + 1)));
  const exists = (path: string) => {
    const bare = normalize(path).replace(/\/$/, "");
    // TypeScript imports name .js for .ts; a package's dist/ is its src/ built.
    const built = bare.replace(/(^|\/)dist\//, "$1src/");
    return [bare, bare.replace(/\.js$/, ".ts"), built.replace(/\.js$/, ".ts")].some(
      (candidate) => files.has(candidate) || folders.has(candidate),
    );
  };
  const ancestors = (path: string): string[] => (path === "." ? ["."] : [path, ...ancestors(dirname(path))]);
  return comments.flatMap((comment) =>
    [...comment.matchAll(PATH)]
      .map((match) => match[1]!)
      // An extension alone (.d.ts) is no path.
      .filter((path) => !/^\.[^./]/.test(path))
      .filter((path) => {
        if (THIRD_PARTY[path]) return !existsSync(join(ROOT, THIRD_PARTY[path]));
        if (!path.includes("/") && names.has(path)) return false;
        // A path inside src/lib, as the layers are named (http/problems.ts): some file ends with it.
        if (
          !/^(?:\.|src\/|scripts\/|test\/|packages\/|build\/|deploy\/|docs\/|bench\/|clients\/|iam\/)/.test(path) &&
          [...files].some((known) => known.endsWith(`/${path}`))
        )
          return false;
        const from = path.startsWith(".") ? [dirname(file)] : ancestors(dirname(file));
        return !from.some((folder) => exists(join(folder, path)));
      }),
  );
}

const tracked = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
  .split("\n")
  .filter((file) => file && existsSync(join(ROOT, file)));
const FILES = new Set(tracked);
const FOLDERS = new Set(
  tracked.flatMap((file) =>
    file
      .split("/")
      .slice(0, -1)
      .map((_, index, parts) => parts.slice(0, index + 1).join("/")),
  ),
);
const CHECKED = tracked.filter((file) => SCOPE.test(file) && !EXCLUDED.test(file) && /\.(?:ts|cjs|mjs|js|ya?ml|sh|py)$/.test(file));

describe("comments", () => {
  test("every path a comment names exists", () => {
    expect(CHECKED.length).toBeGreaterThan(200);
    const missing = CHECKED.flatMap((file) =>
      missingPaths(file, commentsOf(file, readFileSync(join(ROOT, file), "utf8")), FILES, FOLDERS).map((path) => `${file}: ${path}`),
    );
    expect(missing).toEqual([]);
  });

  test("no comment cites an issue by number", () => {
    const cited = CHECKED.flatMap((file) =>
      commentsOf(file, readFileSync(join(ROOT, file), "utf8"))
        .filter((comment) => /\bissues? \d+/i.test(comment))
        .map((comment) => `${file}: ${comment.match(/.{0,40}\bissues? \d+.{0,20}/i)![0]}`),
    );
    expect(cited).toEqual([]);
  });

  test("the check reads comments only, resolves paths from the commented file's folders, and finds what is not there", () => {
    const text = [
      'const url = "src/lib/gone.ts"; // see src/lib/routes.ts, ./config.js, ec2.ts and src/lib/ec2.ts',
      "/** .d.ts files; platform/zod.ts; the README.md; src/lib/service/ and src/lib/nowhere/ */",
    ].join("\n");
    expect(missingPaths("src/lib/platform/x.ts", commentsOf("src/lib/platform/x.ts", text), FILES, FOLDERS)).toEqual([
      "src/lib/ec2.ts",
      "src/lib/nowhere/",
    ]);
    expect(
      missingPaths("serverless.yml", commentsOf("serverless.yml", "a: b # see deploy/gone.cjs and deploy/functions.cjs"), FILES, FOLDERS),
    ).toEqual(["deploy/gone.cjs"]);
  });
});
