// `/` and `/schema.graphql` on the real gateway: the root leads to the IDE (or names the paths when
// no IDE is served), and the SDL passes the checks an introspection query passes: credentials, the
// read scope, and INTROSPECTION.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { buildSchema, printSchema } from "graphql";
import { startTestEmulator } from "../support/emulator.js";
import { NO_SCOPE_KEY, READ_KEY, apiKey, startSecureGateway } from "../security/support.js";

const emulator = await startTestEmulator({ seed: "demo" });
const secure = await startSecureGateway(emulator);
const closed = await startSecureGateway(emulator, { env: { AUTH_MODE: "off", INTROSPECTION: "off", IDE: "off" } });

describe("GET /", () => {
  it("redirects to the GraphQL path, where the IDE is, when an IDE is served", async () => {
    const response = await fetch(`${secure.url}/`, { redirect: "manual" });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get("location"), "/graphql");
    assert.match(await response.text(), /IDE is at \/graphql/);
  });

  it("names the GraphQL path (and no SDL when introspection is off) when no IDE is served", async () => {
    const answer = await closed.fetch("/", { redirect: "manual" });
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get("content-type") ?? "", /^application\/json/);
    assert.deepEqual(answer.body, { graphql: "/graphql" });
  });

  it("leaves other methods on / to the GraphQL handler's 404", async () => {
    const answer = await secure.fetch("/", { method: "POST", headers: apiKey(READ_KEY) });
    assert.equal(answer.status, 404);
    assert.equal(answer.body.errors[0].extensions.code, "NOT_FOUND");
  });
});

describe("GET /schema.graphql", () => {
  it("serves the schema's SDL to a caller with the read scope, the same schema introspection shows", async () => {
    const answer = await secure.fetch("/schema.graphql", { headers: apiKey(READ_KEY) });
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get("content-type") ?? "", /^text\/plain; charset=utf-8/);
    assert.equal(answer.headers.get("content-disposition"), 'inline; filename="schema.graphql"');
    const schema = buildSchema(answer.text);
    assert.ok(schema.getSubscriptionType()?.getFields().resourceRequestProgress);
    assert.equal(printSchema(schema), answer.text.trimEnd());
    const introspected = await secure.post({ query: "{ __type(name: \"Query\") { fields { name } } }" }, apiKey(READ_KEY));
    const fields = (introspected.body.data.__type.fields as Array<{ name: string }>).map((field) => field.name).sort();
    assert.deepEqual(fields, Object.keys(schema.getQueryType()?.getFields() ?? {}).sort());
  });

  it("refuses a caller without credentials (401) or without the read scope (403), as a query", async () => {
    const anonymous = await secure.fetch("/schema.graphql");
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.errors[0].extensions.code, "UNAUTHENTICATED");
    assert.match(anonymous.headers.get("www-authenticate") ?? "", /^Bearer/);
    const noScope = await secure.fetch("/schema.graphql", { headers: apiKey(NO_SCOPE_KEY) });
    assert.equal(noScope.status, 403);
    assert.equal(noScope.body.errors[0].extensions.code, "FORBIDDEN");
  });

  it("is refused with introspection's code when INTROSPECTION=off", async () => {
    const sdl = await closed.fetch("/schema.graphql");
    const introspection = await closed.post({ query: "{ __schema { queryType { name } } }" });
    assert.equal(sdl.status, 400);
    assert.equal(sdl.body.errors[0].extensions.code, "GRAPHQL_VALIDATION_FAILED");
    assert.equal(sdl.body.errors[0].extensions.code, introspection.body.errors[0].extensions.code);
    assert.match(sdl.body.errors[0].message, /INTROSPECTION=off/);
  });
});
