import { loadConfig } from "../../../src/lib/platform/config.js";
import { STANDARD_REGIONS } from "../../../src/lib/platform/regions.js";

describe("loadConfig", () => {
  test("defaults: us-east-1 in the standard regions, managed tag", () => {
    const config = loadConfig({});
    expect(config.DEFAULT_REGION).toBe("us-east-1");
    expect(config.ALLOWED_REGIONS).toEqual([...STANDARD_REGIONS]);
    expect(config.MANAGED_TAG_KEY).toBe("managed-by");
    expect(config.ALLOW_UNMANAGED_DELETE).toBe(false);
    expect(config.EC2_ENDPOINT).toBeUndefined();
  });

  test("parses lists, flags and numbers", () => {
    const config = loadConfig({
      ALLOWED_REGIONS: "eu-west-1, eu-central-1",
      DEFAULT_REGION: "eu-central-1",
      ALLOW_UNMANAGED_DELETE: "true",
      EC2_MAX_ATTEMPTS: "5",
      EC2_ENDPOINT: "http://127.0.0.1:5000",
    });
    expect(config.ALLOWED_REGIONS).toEqual(["eu-west-1", "eu-central-1"]);
    expect(config.ALLOW_UNMANAGED_DELETE).toBe(true);
    expect(config.EC2_MAX_ATTEMPTS).toBe(5);
    expect(config.EC2_ENDPOINT).toBe("http://127.0.0.1:5000");
  });

  test.each([
    [{ DEFAULT_REGION: "ap-east-1" }, "DEFAULT_REGION"],
    [{ EC2_MAX_ATTEMPTS: "0" }, "EC2_MAX_ATTEMPTS"],
    [{ ALLOW_UNMANAGED_DELETE: "yes" }, "ALLOW_UNMANAGED_DELETE"],
    [{ EC2_ENDPOINT: "not a url" }, "EC2_ENDPOINT"],
    [{ ALLOWED_REGIONS: "us-east-1,mars-north-1" }, "ALLOWED_REGIONS"],
  ])("rejects %j naming the setting", (env, setting) => {
    expect(() => loadConfig(env)).toThrow(setting);
  });
});
