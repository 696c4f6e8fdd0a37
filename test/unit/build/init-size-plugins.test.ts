/**
 * The plugins that keep code out of a function's INIT (decision 0029), on the installed SDK:
 * deep-protocol-imports, sdk-version-only and native-sha256.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import { deployedBuildOptions } from "../../../bench/artifacts.js";
import { alteredCopy, load, ROOT, setup } from "./plugin-harness.js";

const guard = load("plugins/guard.cjs");
const { deepProtocolImports, deepen, definitions, FILTER: SDK_FILES } = load("plugins/deep-protocol-imports.cjs");
const { sdkVersionOnly, guardReader } = load("plugins/sdk-version-only.cjs");
const { nativeSha256, nativeOnly, FILTER: SHA256_NODE } = load("plugins/native-sha256.cjs");

const installed = (pkg: string, file: string) => join(guard.packageDir(pkg), file);
const onLoad = async (plugin: object, path: string, suffix = "") =>
  (await setup(plugin as never, { absWorkingDir: ROOT }).onLoad[0]!.callback({ path, suffix })) as { contents: string } | undefined;

describe("deep-protocol-imports", () => {
  const dynamoConfig = installed("@aws-sdk/client-dynamodb", "dist-es/runtimeConfig.shared.js");

  test("an SDK file's barrel import becomes imports of the files that define each name", async () => {
    expect(SDK_FILES.test(dynamoConfig)).toBe(true);
    const { contents } = (await onLoad(deepProtocolImports, dynamoConfig))!;
    expect(contents).not.toMatch(/from "@(aws-sdk|smithy)\/core\/protocols"/);
    expect(contents).toContain(
      `import { AwsJson1_0Protocol } from ${JSON.stringify(installed("@aws-sdk/core", "dist-es/submodules/protocols/json/AwsJson1_0Protocol.js"))};`,
    );
  });

  test("a file without a barrel import loads as esbuild would load it", async () => {
    expect(
      await onLoad(deepProtocolImports, installed("@aws-sdk/client-ec2", "dist-es/commands/DescribeKeyPairsCommand.js")),
    ).toBeUndefined();
  });

  test("renamed imports and re-exports keep their names; a name the barrel lacks stops the build", () => {
    const exportsOf = () =>
      new Map([
        ["A", { module: "/a.js", name: "A" }],
        ["B", { module: "/b.js", name: "Inner" }],
      ]);
    expect(deepen('import { A as X, B } from "@smithy/core/protocols";', exportsOf)).toBe(
      'import { A as X } from "/a.js"; import { Inner as B } from "/b.js";',
    );
    expect(deepen('export { B } from "@aws-sdk/core/protocols";', exportsOf)).toBe('export { Inner as B } from "/b.js";');
    expect(() => deepen('import { C } from "@smithy/core/protocols";', exportsOf)).toThrow(/^deep-protocol-imports: .* does not export C/);
  });

  const authSchemes = installed("@aws-sdk/core", "dist-es/submodules/httpAuthSchemes/index.js");
  const aws = (file: string) => installed("@aws-sdk/core", `dist-es/submodules/httpAuthSchemes/aws_sdk/${file}.js`);

  test("a barrel's own names come from its own code alone (`?own`), whose imports of barrels are made from the defining files too", async () => {
    const provider = (await onLoad(deepProtocolImports, installed("@aws-sdk/client-ec2", "dist-es/auth/httpAuthSchemeProvider.js")))!;
    expect(provider.contents).toContain(`import { resolveAwsSdkSigV4Config } from ${JSON.stringify(`${authSchemes}?own`)};`);
    const shared = (await onLoad(deepProtocolImports, installed("@aws-sdk/client-ec2", "dist-es/runtimeConfig.shared.js")))!;
    expect(shared.contents).toContain(`import { AwsSdkSigV4Signer } from ${JSON.stringify(aws("AwsSdkSigV4Signer"))};`);
    const own = (await onLoad(deepProtocolImports, authSchemes, "?own"))!.contents;
    expect(own).not.toMatch(/^export \{[^}]*\} from/m);
    expect(own).toContain(`import { bindResolveAwsSdkSigV4Config } from ${JSON.stringify(aws("resolveAwsSdkSigV4Config"))};`);
    expect(own).toMatch(/^export const resolveAwsSdkSigV4Config = /m);
  });

  test("names a barrel exports of what it imports, and of barrels it re-exports from, are followed to their files", () => {
    const serde = definitions(installed("@smithy/core", "dist-es/submodules/serde/index.js"), ROOT);
    expect(serde.get("toBase64")).toEqual({
      module: installed("@smithy/core", "dist-es/submodules/serde/util-base64/toBase64.js"),
      name: "toBase64",
    });
    expect(serde.get("generateIdempotencyToken").module).toMatch(/serde\/index\.js\?own$/);
    expect(definitions(authSchemes, ROOT).get("AwsSdkSigV4ASigner")).toEqual({
      module: aws("AwsSdkSigV4ASigner"),
      name: "AwsSdkSigV4ASigner",
    });
  });

  test("built as deployed, the JSON protocols and SigV4a only a lazily loaded client uses are not loaded at INIT", async () => {
    const deployed = deployedBuildOptions(ROOT, { splitting: true });
    const bundle = async (plugins: Plugin[], lazy = "@aws-sdk/client-dynamodb") => {
      const result = await build({
        ...deployed,
        stdin: {
          contents: `export { EC2Client } from "@aws-sdk/client-ec2"; export const lazy = () => import("${lazy}");`,
          resolveDir: ROOT,
          loader: "js",
        },
        outdir: join(ROOT, ".tmp/deep-protocol-imports"),
        write: false,
        metafile: true,
        logLevel: "error",
        plugins,
      });
      const main = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint)!;
      const init = [main[0], ...main[1].imports.filter((each) => each.kind === "import-statement").map((each) => each.path)];
      return init.flatMap((path) =>
        Object.entries(result.metafile.outputs[path]?.inputs ?? {}).flatMap(([input, { bytesInOutput }]) =>
          bytesInOutput > 0 ? [input] : [],
        ),
      );
    };
    const json = /protocols\/json\//;
    expect(
      (await bundle(deployed.plugins!.filter((plugin) => plugin.name !== "deep-protocol-imports"))).filter((input) => json.test(input)),
    ).not.toEqual([]);
    expect((await bundle(deployed.plugins!)).filter((input) => json.test(input))).toEqual([]);
    // STS's SigV4a, which client-ec2 reached through @aws-sdk/core/httpAuthSchemes.
    const sigV4a = /AwsSdkSigV4ASigner|resolveAwsSdkSigV4AConfig/;
    const withSts = async (plugins: Plugin[]) => (await bundle(plugins, "@aws-sdk/client-sts")).filter((input) => sigV4a.test(input));
    expect(await withSts(deployed.plugins!.filter((plugin) => plugin.name !== "deep-protocol-imports"))).not.toEqual([]);
    expect(await withSts(deployed.plugins!)).toEqual([]);
  }, 60_000);
});

describe("sdk-version-only", () => {
  test("a client's package.json is bundled as its version alone", async () => {
    const path = installed("@aws-sdk/client-ec2", "package.json");
    const { version } = JSON.parse(readFileSync(path, "utf8"));
    expect(JSON.parse((await onLoad(sdkVersionOnly, path))!.contents)).toEqual({ version });
  });

  test("a runtimeConfig that reads more of it stops the build", () => {
    const source = readFileSync(installed("@aws-sdk/client-ec2", "dist-es/runtimeConfig.js"), "utf8");
    expect(() => guardReader(source, "runtimeConfig.js")).not.toThrow();
    expect(() => guardReader(`${source}\nconst n = packageInfo.name;`, "runtimeConfig.js")).toThrow(/^sdk-version-only: /);
  });
});

describe("native-sha256", () => {
  const FILE = "@smithy/core/dist-es/submodules/checksum/sha256/Sha256Node.js";
  const path = installed("@smithy/core", FILE.slice("@smithy/core/".length));

  test("the installed Node hash loses its JavaScript fallback and keeps node:crypto's", async () => {
    expect(SHA256_NODE.test(path)).toBe(true);
    const { contents } = (await onLoad(nativeSha256, path))!;
    expect(contents).not.toContain("Sha256Js");
    expect(contents).toContain("export const Sha256Node = buildNativeClass();");
    expect(contents).toContain('from "node:crypto"');
  });

  test("another file stops the build", async () => {
    const altered = alteredCopy(FILE, readFileSync(path, "utf8").replace("hasNativeCrypto ?", "true ?"));
    await expect(onLoad(nativeSha256, altered)).rejects.toThrow(/^native-sha256: .* has sha256 [0-9a-f]{64}/);
    expect(() => nativeOnly("export const Sha256Node = Sha256Js;")).toThrow(/^native-sha256: /);
  });
});
