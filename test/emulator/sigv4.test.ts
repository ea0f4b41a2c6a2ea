// Requests here are signed by the SDK's own signer (@smithy/signature-v4) and, at the end, sent by
// the real Cloud Control client, so the verifier is checked against what AWS clients produce rather
// than against a second copy of our own canonicalisation.
import { after, describe, it } from "node:test";
// A default import of node:assert/strict needs esModuleInterop, which this project keeps off.
import { strict as assert } from "node:assert";
import { createHash, createHmac } from "node:crypto";
import type { Hash, Hmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SignatureV4 } from "@smithy/signature-v4";
import type { Checksum, SourceData } from "@smithy/types";
import { CloudControlClient, GetResourceCommand } from "@aws-sdk/client-cloudcontrol";
import { parseAuthorization, verifySigV4 } from "../../src/emulator/sigv4.js";
import type { SigV4Request, SigV4Verdict } from "../../src/emulator/sigv4.js";

const CREDENTIALS = { accessKeyId: "AKIDSIGV4TEST", secretAccessKey: "sigv4-test-secret" };
const SECRETS: ReadonlyMap<string, string> = new Map([[CREDENTIALS.accessKeyId, CREDENTIALS.secretAccessKey]]);
const SIGNED_AT = new Date("2024-05-01T12:00:00Z");
const BAD_SIGNATURE_MESSAGE =
  "The request signature we calculated does not match the signature you provided. " +
  "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/** SHA-256 (or HMAC-SHA-256 when given a secret) from node:crypto, in the shape the SDK's signer expects. */
class NodeSha256 implements Checksum {
  private readonly secret: SourceData | undefined;
  private hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.secret = secret;
    this.hash = this.fresh();
  }

  update(data: Uint8Array): void {
    this.hash.update(data);
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }

  reset(): void {
    this.hash = this.fresh();
  }

  private fresh(): Hash | Hmac {
    if (this.secret === undefined) return createHash("sha256");
    const key =
      typeof this.secret === "string"
        ? Buffer.from(this.secret, "utf8")
        : ArrayBuffer.isView(this.secret)
          ? Buffer.from(this.secret.buffer, this.secret.byteOffset, this.secret.byteLength)
          : Buffer.from(this.secret);
    return createHmac("sha256", key);
  }
}

interface SignOptions {
  path?: string;
  query?: Record<string, string | string[]>;
  body?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  signingDate?: Date;
}

/** A Cloud Control call signed by the SDK's signer, as node's server would hand it to us. */
async function signedRequest(options: SignOptions = {}): Promise<SigV4Request> {
  const { path = "/", query = {}, body = '{"TypeName":"AWS::ApiGatewayV2::Api","Identifier":"abc123"}' } = options;
  const signer = new SignatureV4({
    service: "cloudcontrolapi",
    region: options.region ?? "eu-west-1",
    credentials: options.credentials ?? CREDENTIALS,
    sha256: NodeSha256,
  });
  const signed = await signer.sign(
    {
      method: "POST",
      protocol: "http:",
      hostname: "127.0.0.1",
      port: 4566,
      path,
      query,
      headers: {
        host: "127.0.0.1:4566",
        "content-type": "application/x-amz-json-1.0",
        "x-amz-target": "CloudApiService.GetResource",
        "user-agent": "sigv4-test",
      },
      body,
    },
    { signingDate: options.signingDate ?? SIGNED_AT },
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = value;
  // The order on the wire need not be sorted; the verifier must sort.
  const wireQuery = Object.entries(query)
    .reverse()
    .flatMap(([key, values]) => [values].flat().map((value) => `${rfc3986(key)}=${rfc3986(value)}`))
    .join("&");
  return { method: "POST", path: wireQuery ? `${path}?${wireQuery}` : path, headers, body: Buffer.from(body) };
}

function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function verify(req: SigV4Request, now = SIGNED_AT.getTime()): SigV4Verdict {
  return verifySigV4(req, SECRETS, now);
}

const OK_EU_WEST_1: SigV4Verdict = { ok: true, region: "eu-west-1", accessKeyId: CREDENTIALS.accessKeyId };

describe("verifySigV4 against requests signed by @smithy/signature-v4", () => {
  it("accepts a correctly signed POST and reports its region and key", async () => {
    assert.deepEqual(verify(await signedRequest()), OK_EU_WEST_1);
    assert.deepEqual(verify(await signedRequest({ region: "ap-south-1" })), {
      ok: true,
      region: "ap-south-1",
      accessKeyId: CREDENTIALS.accessKeyId,
    });
  });

  it("accepts temporary credentials, whose session token is a signed header", async () => {
    const req = await signedRequest({ credentials: { ...CREDENTIALS, sessionToken: "token-abc" } });
    assert.equal(req.headers["x-amz-security-token"], "token-abc");
    assert.deepEqual(verify(req), OK_EU_WEST_1);
  });

  it("rejects a request signed with the wrong secret", async () => {
    const req = await signedRequest({ credentials: { ...CREDENTIALS, secretAccessKey: "not-the-secret" } });
    assert.deepEqual(verify(req), { ok: false, reason: "bad-signature", message: BAD_SIGNATURE_MESSAGE });
  });

  it("rejects an access key it does not know", async () => {
    const req = await signedRequest({ credentials: { accessKeyId: "AKIDSTRANGER", secretAccessKey: "whatever" } });
    assert.deepEqual(verify(req), {
      ok: false,
      reason: "unknown-key",
      message: "The security token included in the request is invalid.",
    });
  });

  it("rejects a changed body, whether or not the signed payload hash header still travels with it", async () => {
    const req = await signedRequest();
    assert.ok(req.headers["x-amz-content-sha256"], "the SDK signs x-amz-content-sha256; this test relies on it");
    const tampered = { ...req, body: Buffer.from('{"TypeName":"AWS::ApiGatewayV2::Api","Identifier":"other"}') };
    assert.equal(verify(tampered).ok, false);
    const withoutHashHeader = { ...tampered, headers: { ...req.headers, "x-amz-content-sha256": undefined } };
    assert.deepEqual(verify(withoutHashHeader), { ok: false, reason: "bad-signature", message: BAD_SIGNATURE_MESSAGE });
  });

  it("rejects a changed signed header, and ignores an unsigned one", async () => {
    const req = await signedRequest();
    const retargeted = { ...req, headers: { ...req.headers, "x-amz-target": "CloudApiService.DeleteResource" } };
    assert.equal(verify(retargeted).ok, false);
    assert.equal((verify(retargeted) as { reason?: string }).reason, "bad-signature");
    const reagented = { ...req, headers: { ...req.headers, "user-agent": "something-else" } };
    assert.deepEqual(verify(reagented), OK_EU_WEST_1);
  });

  it("reports a missing token when there is no SigV4 Authorization or no X-Amz-Date", async () => {
    const req = await signedRequest();
    const missing = { ok: false, reason: "missing", message: "Missing Authentication Token" };
    assert.deepEqual(verify({ ...req, headers: { ...req.headers, authorization: undefined } }), missing);
    assert.deepEqual(verify({ ...req, headers: { ...req.headers, authorization: "Basic dXNlcjpwYXNz" } }), missing);
    assert.deepEqual(verify({ ...req, headers: { ...req.headers, "x-amz-date": undefined } }), missing);
  });

  it("rejects a signature more than 15 minutes old, with AWS's message", async () => {
    const req = await signedRequest({ signingDate: new Date(SIGNED_AT.getTime() - 20 * 60_000) });
    assert.deepEqual(verify(req), {
      ok: false,
      reason: "expired",
      message: "Signature expired: 20240501T114000Z is now earlier than 20240501T114500Z (20240501T120000Z - 15 min.)",
    });
  });

  it("rejects a signature made 20 minutes ago by the real clock", async () => {
    const req = await signedRequest({ signingDate: new Date(Date.now() - 20 * 60_000) });
    const verdict = verify(req, Date.now());
    assert.equal(verdict.ok, false);
    assert.match((verdict as { message: string }).message, /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
  });

  it("rejects a signature from more than 15 minutes in the future, with AWS's not-yet-current message", async () => {
    const req = await signedRequest({ signingDate: new Date(SIGNED_AT.getTime() + 16 * 60_000) });
    assert.deepEqual(verify(req), {
      ok: false,
      reason: "expired",
      message: "Signature not yet current: 20240501T121600Z is still later than 20240501T121500Z (20240501T120000Z + 15 min.)",
    });
  });

  it("accepts clock skew up to 15 minutes either side", async () => {
    for (const skewMinutes of [-15, -14, 14, 15]) {
      const req = await signedRequest({ signingDate: new Date(SIGNED_AT.getTime() + skewMinutes * 60_000) });
      assert.deepEqual(verify(req), OK_EU_WEST_1, `skew ${skewMinutes} min`);
    }
  });

  it("signs a base path and query string the way the SDK does", async () => {
    const query = { b: "x y", a: ["2", "1"], "c*": "!'()", "Marker/Next": "p/q+r" };
    for (const path of ["/prefix/", "/prefix/with%20space/", "/prefix/./a/../b"]) {
      const req = await signedRequest({ path, query });
      assert.deepEqual(verify(req), OK_EU_WEST_1, path);
      const changed = { ...req, path: req.path.replace("b=x%20y", "b=x%20z") };
      assert.notEqual(changed.path, req.path);
      assert.equal(verify(changed).ok, false, `${path} with a changed query`);
    }
  });

  it("reads a bare query key as having an empty value", async () => {
    const req = await signedRequest({ path: "/prefix/", query: { flag: "" } });
    assert.equal(req.path, "/prefix/?flag=");
    assert.deepEqual(verify({ ...req, path: "/prefix/?flag" }), OK_EU_WEST_1);
    assert.equal(verify({ ...req, path: "/prefix/?flag=1" }).ok, false);
  });
});

describe("parseAuthorization", () => {
  it("reads the credential scope, signed headers and signature", () => {
    const header =
      "AWS4-HMAC-SHA256 Credential=AKID/20240501/eu-west-1/cloudcontrolapi/aws4_request, " +
      "SignedHeaders=content-type;host;x-amz-date, Signature=abc123";
    assert.deepEqual(parseAuthorization(header), {
      algorithm: "AWS4-HMAC-SHA256",
      scope: { accessKeyId: "AKID", date: "20240501", region: "eu-west-1", service: "cloudcontrolapi" },
      signedHeaders: ["content-type", "host", "x-amz-date"],
      signature: "abc123",
    });
  });

  it("returns undefined for anything that is not a complete SigV4 header", () => {
    const scope = "AKID/20240501/eu-west-1/cloudcontrolapi/aws4_request";
    for (const header of [
      undefined,
      "",
      "Bearer token",
      "AWS4-HMAC-SHA512 Credential=AKID/20240501/eu-west-1/cloudcontrolapi/aws4_request, SignedHeaders=host, Signature=ab",
      `AWS4-HMAC-SHA256 Credential=${scope}, SignedHeaders=host`,
      `AWS4-HMAC-SHA256 Credential=AKID/2024-05-01/eu-west-1/cloudcontrolapi/aws4_request, SignedHeaders=host, Signature=ab`,
      `AWS4-HMAC-SHA256 Credential=AKID/20240501/eu-west-1/cloudcontrolapi, SignedHeaders=host, Signature=ab`,
    ]) {
      assert.equal(parseAuthorization(header), undefined, String(header));
    }
  });
});

describe("verifySigV4 end to end with the real CloudControlClient", () => {
  const leftovers: (() => Promise<void> | void)[] = [];
  after(async () => {
    for (const dispose of leftovers.reverse()) await dispose();
  });

  it("verifies what the SDK sends, at the root and under a base path", async () => {
    const seen: { url: string; verdict: SigV4Verdict }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const request = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) };
        seen.push({ url: req.url ?? "", verdict: verifySigV4(request, SECRETS, Date.now()) });
        res.writeHead(200, { "content-type": "application/x-amz-json-1.0" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    leftovers.push(
      () =>
        new Promise<void>((resolve, reject) => {
          server.closeAllConnections();
          server.close((error) => (error ? reject(error) : resolve()));
        }),
    );
    const { port } = server.address() as AddressInfo;

    const call = async (endpoint: string, region: string, credentials = CREDENTIALS): Promise<void> => {
      const client = new CloudControlClient({ region, endpoint, credentials, maxAttempts: 1 });
      leftovers.push(() => client.destroy());
      const command = new GetResourceCommand({ TypeName: "AWS::ApiGatewayV2::Api", Identifier: "abc123" });
      // `{}` may or may not satisfy the SDK's output parser; only what the server saw matters here.
      await client.send(command).catch(() => undefined);
    };
    await call(`http://127.0.0.1:${port}`, "eu-west-1");
    await call(`http://127.0.0.1:${port}/prefix`, "ap-south-1");
    await call(`http://127.0.0.1:${port}`, "eu-west-1", { ...CREDENTIALS, secretAccessKey: "wrong" });

    assert.deepEqual(seen, [
      { url: "/", verdict: OK_EU_WEST_1 },
      { url: "/prefix/", verdict: { ok: true, region: "ap-south-1", accessKeyId: CREDENTIALS.accessKeyId } },
      { url: "/", verdict: { ok: false, reason: "bad-signature", message: BAD_SIGNATURE_MESSAGE } },
    ]);
  });
});
