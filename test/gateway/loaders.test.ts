// The loaders with a recording fake facade (as DataLoader's own tests do): which keys each call got,
// how many ran at once, and what is cached.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { CloudControlFacade } from "../../src/cloudcontrol/facade.js";
import { ErrorCode, GatewayError } from "../../src/errors.js";
import { createLoaders } from "../../src/loaders/index.js";
import type { ResourceTypeDescriptor } from "../../src/resourceTypes/index.js";
import type { RouteResponseModel } from "../../src/routeResponses/index.js";

/** A fake GetResource: records calls and the most in flight; `fail` decides per call. */
function fakeCloudControl(fail: (identifier: string, call: number) => Error | null = () => null) {
  const calls: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const getRouteResponse = async (_type: ResourceTypeDescriptor, region: string, identifier: string): Promise<RouteResponseModel | null> => {
    calls.push(`${region}/${identifier}`);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight -= 1;
    const failure = fail(identifier, calls.length);
    if (failure) throw failure;
    if (identifier.endsWith("missing")) return null;
    const [apiId = "", routeId = "", routeResponseId = ""] = identifier.split("|");
    return { region, identifier, apiId, routeId, routeResponseId, properties: { RouteResponseKey: "$default" } };
  };
  return {
    calls,
    stats: () => ({ maxInFlight }),
    facade: {
      getResource: getRouteResponse as unknown as CloudControlFacade["getResource"],
      listResources: async () => ({ items: [], nextToken: null }),
      getRequestStatus: async () => null,
    },
  };
}

describe("routeResponse loader", () => {
  it("fetches each distinct key once, in parallel up to the limit, and answers in key order", async () => {
    const fake = fakeCloudControl();
    const { routeResponse } = createLoaders(fake.facade, 3);
    const keys = ["a|r|1", "a|r|2", "a|r|1", "a|r|3", "a|r|4", "a|r|missing", "a|r|2"].map((identifier) => ({ region: "us-east-1", identifier }));
    const results = await Promise.all(keys.map((key) => routeResponse.load(key)));
    assert.deepEqual(
      results.map((result) => result?.routeResponseId ?? null),
      ["1", "2", "1", "3", "4", null, "2"],
    );
    assert.deepEqual(fake.calls, ["us-east-1/a|r|1", "us-east-1/a|r|2", "us-east-1/a|r|3", "us-east-1/a|r|4", "us-east-1/a|r|missing"]);
    assert.equal(fake.stats().maxInFlight, 3);
  });

  it("keys by region and identifier", async () => {
    const fake = fakeCloudControl();
    const { routeResponse } = createLoaders(fake.facade, 10);
    await Promise.all([routeResponse.load({ region: "us-east-1", identifier: "a|r|1" }), routeResponse.load({ region: "eu-west-1", identifier: "a|r|1" })]);
    assert.equal(fake.calls.length, 2);
  });

  it("fails only the failing key, and does not cache the failure", async () => {
    const fake = fakeCloudControl((identifier, call) => (identifier === "a|r|2" && call <= 3 ? new GatewayError(ErrorCode.THROTTLED, "Rate exceeded") : null));
    const { routeResponse } = createLoaders(fake.facade, 10);
    const keys = ["a|r|1", "a|r|2", "a|r|3"].map((identifier) => ({ region: "us-east-1", identifier }));
    const settled = await Promise.allSettled(keys.map((key) => routeResponse.load(key)));
    assert.deepEqual(
      settled.map((result) => result.status),
      ["fulfilled", "rejected", "fulfilled"],
    );
    const again = await Promise.all(keys.map((key) => routeResponse.load(key)));
    assert.equal(again[1]?.routeResponseId, "2", "the failed key was asked again");
    assert.equal(fake.calls.length, 4, "the others came from the cache");
  });

  it("caches null (missing) like a value", async () => {
    const fake = fakeCloudControl();
    const { routeResponse } = createLoaders(fake.facade, 10);
    const key = { region: "us-east-1", identifier: "a|r|missing" };
    assert.equal(await routeResponse.load(key), null);
    assert.equal(await routeResponse.load(key), null);
    assert.equal(fake.calls.length, 1);
  });
});
