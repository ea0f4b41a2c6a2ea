import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { chooseContentCoding, prefersHtml } from "../../src/ide/negotiation.js";
import { BROWSER_NAVIGATION_ACCEPT } from "./harness.js";

describe("prefersHtml", () => {
  const cases: Array<[string | undefined, boolean]> = [
    [BROWSER_NAVIGATION_ACCEPT, true],
    // Firefox's navigation header.
    ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", true],
    ["text/html", true],
    ["TEXT/HTML", true],
    ["text/*", true],
    ["text/html;q=0.9, application/json;q=0.8", true],
    ["text/*, application/json;q=0.5", true],
    [undefined, false],
    ["", false],
    ["*/*", false],
    ["application/json", false],
    ["application/json, text/html", false],
    // Equal weights go to GraphQL, whatever the order or specificity.
    ["text/html, application/json", false],
    ["text/html, application/*", false],
    ["text/html, application/json;q=1, */*", false],
    ["application/graphql-response+json, application/json;q=0.9", false],
    ["application/graphql-response+json, text/html;q=0.9", false],
    ["text/html;q=0.5, application/json", false],
    ["text/html;q=0", false],
    ["text/html;q=0.000, */*", false],
    // An unparseable weight drops its range (RFC 9110 §12.4.2), leaving nothing that names HTML.
    ["text/html;q=high", false],
    ["application/*, text/html", false],
    ["text/plain", false],
  ];
  for (const [accept, expected] of cases) {
    it(`${JSON.stringify(accept)} → ${expected ? "the page" : "GraphQL"}`, () => {
      assert.equal(prefersHtml(accept), expected);
    });
  }
});

describe("chooseContentCoding", () => {
  const both = ["br", "gzip"] as const;
  const cases: Array<[string | undefined, readonly ("br" | "gzip")[], string | undefined]> = [
    ["gzip, deflate, br, zstd", both, "br"],
    ["gzip, deflate", both, "gzip"],
    ["br;q=0.5, gzip", both, "gzip"],
    ["br;q=0, gzip;q=0", both, undefined],
    ["*", both, "br"],
    ["*;q=0.1, gzip;q=0.5", both, "gzip"],
    ["br, *;q=0", ["gzip"], undefined],
    ["identity", both, undefined],
    [undefined, both, undefined],
    ["gzip, br", ["gzip"], "gzip"],
  ];
  for (const [acceptEncoding, available, expected] of cases) {
    it(`${JSON.stringify(acceptEncoding)} of ${available.join("+")} → ${expected ?? "identity"}`, () => {
      assert.equal(chooseContentCoding(acceptEncoding, available), expected);
    });
  }
});
