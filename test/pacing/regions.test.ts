// The regions the gateway serves, and so the SDK clients and token buckets it makes: AWS's regions as
// the AWS SDK lists them, or exactly CLOUDCONTROL_REGIONS. A made-up region name is BAD_USER_INPUT
// before any client exists; the count of clients is read off the clients themselves.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { isAwsRegion } from "../../src/cloudcontrol/awsRegions.js";
import type { CloudControlClients } from "../../src/cloudcontrol/client.js";
import { MAX_REGION_CLIENTS } from "../../src/cloudcontrol/client.js";
import { createRegionPolicy } from "../../src/cloudcontrol/region.js";
import { createCloudControlFacade } from "../../src/cloudcontrol/facade.js";
import { ErrorCode, GatewayError } from "../../src/errors.js";
import { LENIENT_KEYS, codesOf, routeWithResponses, startTestGateway } from "../gateway/harness.js";
import { gatewayClients, startTestEmulator } from "../support/emulator.js";

const emulator = await startTestEmulator({ ...LENIENT_KEYS, seed: routeWithResponses("westapi001", "wrt0001", 1, "eu-west-1") });

function clients(maxRegions?: number): CloudControlClients {
  return gatewayClients(emulator, { maxRegions });
}

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof GatewayError ? error.code : String(error);
  }
};

const READ_WEST = (region: string) => `{ routeResponse(apiId: "westapi001", routeId: "wrt0001", routeResponseId: "rr00001", region: "${region}") { routeResponseKey } }`;

describe("AWS's regions, from the SDK's partition data", () => {
  it("knows the regions of every partition", () => {
    for (const region of ["us-east-1", "eu-west-1", "ap-south-1", "sa-east-1", "cn-north-1", "us-gov-west-1", "us-isob-east-1", "eusc-de-east-1"]) {
      assert.equal(isAwsRegion(region), true, region);
    }
  });

  it("refuses well-formed names that are no region, and the partitions' pseudo-regions", () => {
    for (const name of ["zz-aaa-1", "us-east-99", "us-fake-1", "eu-west-9", "aws-global", "aws-us-gov-global", "US-EAST-1", "us-east-1.evil.example"]) {
      assert.equal(isAwsRegion(name), false, name);
    }
  });
});

describe("the region policy", () => {
  it("serves AWS's regions and the default region, and refuses others with BAD_USER_INPUT", () => {
    const policy = createRegionPolicy({ defaultRegion: "xx-lab-1", isKnownRegion: isAwsRegion });
    assert.equal(policy.resolve(undefined), "xx-lab-1");
    assert.equal(policy.resolve("xx-lab-1"), "xx-lab-1");
    assert.equal(policy.resolve("eu-west-1"), "eu-west-1");
    assert.equal(codeOf(() => policy.resolve("zz-aaa-1")), ErrorCode.BAD_USER_INPUT);
  });

  it("with CLOUDCONTROL_REGIONS, serves exactly those, whether the SDK knows them or not", () => {
    const policy = createRegionPolicy({ defaultRegion: "us-east-1", allowedRegions: ["us-east-1", "xx-new-1"], isKnownRegion: isAwsRegion });
    assert.equal(policy.resolve("xx-new-1"), "xx-new-1");
    assert.equal(codeOf(() => policy.resolve("eu-west-1")), ErrorCode.BAD_USER_INPUT);
    assert.equal(codeOf(() => policy.resolve("zz-aaa-1")), ErrorCode.BAD_USER_INPUT);
  });
});

describe("SDK clients per region", () => {
  it("makes one per region on first use, and no more than its cap", () => {
    assert.ok(MAX_REGION_CLIENTS >= 64, "room for every AWS region and CLOUDCONTROL_REGIONS");
    const made = clients(2);
    assert.equal(made.forRegion("us-east-1"), made.forRegion("us-east-1"));
    made.forRegion("eu-west-1");
    assert.equal(codeOf(() => made.forRegion("ap-south-1")), ErrorCode.BAD_USER_INPUT);
    assert.deepEqual(made.regions, ["us-east-1", "eu-west-1"]);
  });
});

describe("regions through the gateway", () => {
  it("refuses made-up regions with BAD_USER_INPUT before any client or call exists, and serves a real one", async () => {
    const made = clients();
    const gateway = await startTestGateway(emulator, { cloudControl: createCloudControlFacade(made) });
    emulator.resetStats();
    const fakes = Array.from({ length: 40 }, (_, i) => `zz-${String.fromCharCode(97 + (i % 26))}aa-${1 + Math.floor(i / 26)}`);
    const aliases = fakes.map((region, i) => `f${i}: routeResponse(apiId: "westapi001", routeId: "wrt0001", routeResponseId: "rr00001", region: "${region}") { routeResponseKey }`);
    const refused = await gateway.query(`{ ${aliases.join("\n")} }`);
    assert.deepEqual(codesOf(refused), fakes.map(() => ErrorCode.BAD_USER_INPUT));
    assert.deepEqual(made.regions, []);
    assert.equal(emulator.stats().operations.GetResource.calls, 0);

    const served = await gateway.query(READ_WEST("eu-west-1"));
    assert.deepEqual(served.errors, undefined);
    assert.deepEqual(served.data, { routeResponse: { routeResponseKey: "key1" } });
    assert.deepEqual(made.regions, ["eu-west-1"]);
    assert.deepEqual(emulator.stats().regions, { "eu-west-1": 1 });
  });

  it("serves a region the SDK does not know when CLOUDCONTROL_REGIONS names it, and only those named", async () => {
    emulator.resetStats();
    const gateway = await startTestGateway(emulator, { config: { cloudControl: { allowedRegions: ["us-east-1", "xx-new-1"] } } });
    const listed = await gateway.query(`{ resourceRequests(region: "xx-new-1", first: 5) { nodes { requestToken } } }`);
    assert.deepEqual(listed.errors, undefined);
    assert.deepEqual(listed.data, { resourceRequests: { nodes: [] } });
    assert.deepEqual(codesOf(await gateway.query(READ_WEST("eu-west-1"))), [ErrorCode.BAD_USER_INPUT]);
    assert.deepEqual(emulator.stats().regions, { "xx-new-1": 1 });
  });
});
