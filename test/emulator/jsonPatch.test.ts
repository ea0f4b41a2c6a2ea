import { describe, it } from "node:test";
// A default import of node:assert/strict needs esModuleInterop, which this project keeps off.
import { strict as assert } from "node:assert";
import {
  PatchError,
  applyPatch,
  canonicalPointer,
  parsePatchDocument,
  pointerTokens,
  writtenPointers,
} from "../../src/emulator/jsonPatch.js";
import type { PatchOperation } from "../../src/emulator/jsonPatch.js";

/** Parses the patch as the emulator receives it (a string) and applies it. */
function patch(doc: Record<string, unknown>, ops: unknown): Record<string, unknown> {
  return applyPatch(doc, parsePatchDocument(JSON.stringify(ops)));
}

function isPatchError(kind: "malformed" | "unapplicable", message: RegExp | string) {
  return (error: unknown): boolean => {
    if (!(error instanceof PatchError)) assert.fail(`expected a PatchError, got ${String(error)}`);
    assert.equal(error.kind, kind);
    if (typeof message === "string") assert.equal(error.message, message);
    else assert.match(error.message, message);
    return true;
  };
}

describe("applyPatch: RFC 6902 Appendix A", () => {
  it("A.1 adds an object member", () => {
    assert.deepEqual(patch({ Name: "x" }, [{ op: "add", path: "/Stage", value: "prod" }]), { Name: "x", Stage: "prod" });
  });

  it("A.2 inserts an array element before the one at that index", () => {
    const result = patch({ Keys: ["a", "c"] }, [{ op: "add", path: "/Keys/1", value: "b" }]);
    assert.deepEqual(result, { Keys: ["a", "b", "c"] });
  });

  it("A.3 removes an object member", () => {
    assert.deepEqual(patch({ Name: "x", Stage: "prod" }, [{ op: "remove", path: "/Stage" }]), { Name: "x" });
  });

  it("A.4 removes an array element and shifts the rest down", () => {
    assert.deepEqual(patch({ Keys: ["a", "b", "c"] }, [{ op: "remove", path: "/Keys/1" }]), { Keys: ["a", "c"] });
  });

  it("A.5 replaces a value", () => {
    assert.deepEqual(patch({ Name: "x", Stage: "dev" }, [{ op: "replace", path: "/Stage", value: "prod" }]), {
      Name: "x",
      Stage: "prod",
    });
  });

  it("A.6 moves a value between objects", () => {
    const doc = { Old: { Key: "v", Other: 1 }, New: { Kept: true } };
    assert.deepEqual(patch(doc, [{ op: "move", from: "/Old/Key", path: "/New/Key" }]), {
      Old: { Other: 1 },
      New: { Kept: true, Key: "v" },
    });
  });

  it("A.7 moves an array element", () => {
    const result = patch({ Keys: ["a", "b", "c", "d"] }, [{ op: "move", from: "/Keys/1", path: "/Keys/3" }]);
    assert.deepEqual(result, { Keys: ["a", "c", "d", "b"] });
  });

  it("A.8 passes a test whose value matches", () => {
    const doc = { Stage: "prod", Keys: [1, 2, { Deep: "yes" }] };
    const ops = [
      { op: "test", path: "/Stage", value: "prod" },
      { op: "test", path: "/Keys", value: [1, 2, { Deep: "yes" }] },
    ];
    assert.deepEqual(patch(doc, ops), doc);
  });

  it("A.9 fails a test whose value differs, naming the operation and both values", () => {
    assert.throws(
      () => patch({ Stage: "prod" }, [{ op: "test", path: "/Stage", value: "dev" }]),
      isPatchError("unapplicable", 'operation 0 (test /Stage): test failed: the value is "prod", not "dev"'),
    );
  });

  it("A.10 adds a nested member object", () => {
    const result = patch({ Name: "x" }, [{ op: "add", path: "/Models", value: { Default: "m" } }]);
    assert.deepEqual(result, { Name: "x", Models: { Default: "m" } });
  });

  it("A.11 ignores members it does not know", () => {
    const ops = parsePatchDocument('[{"op":"add","path":"/Stage","value":"prod","comment":"ignored"}]');
    assert.deepEqual(ops, [{ op: "add", path: "/Stage", value: "prod" }]);
    assert.deepEqual(applyPatch({}, ops), { Stage: "prod" });
  });

  it("A.12 refuses to add under a parent that does not exist", () => {
    assert.throws(
      () => patch({ Name: "x" }, [{ op: "add", path: "/Models/Default", value: "m" }]),
      isPatchError("unapplicable", 'operation 0 (add /Models/Default): no member "Models"'),
    );
  });

  it("A.13 a repeated op member: the last one wins, as in JSON.parse and Jackson's default", () => {
    // RFC 6902 calls this document invalid; detecting duplicate keys needs a hand-written JSON
    // parser, and Cloud Control (Jackson, last wins by default) is not known to reject it either.
    const ops = parsePatchDocument('[{"op":"add","path":"/Stage","value":"prod","op":"remove"}]');
    assert.equal(ops[0]?.op, "remove");
    assert.throws(() => applyPatch({}, ops), isPatchError("unapplicable", /no member "Stage" to remove/));
  });

  it("A.14 unescapes ~01 to ~1, not to /", () => {
    const doc = { "/": 9, "~1": 10 };
    assert.deepEqual(patch(doc, [{ op: "test", path: "/~01", value: 10 }]), doc);
    assert.deepEqual(patch(doc, [{ op: "remove", path: "/~1" }]), { "~1": 10 });
  });

  it("A.15 a string never equals a number", () => {
    assert.throws(
      () => patch({ "/": 9, "~1": 10 }, [{ op: "test", path: "/~01", value: "10" }]),
      isPatchError("unapplicable", /the value is 10, not "10"/),
    );
  });

  it("A.16 appends an array as one element with -", () => {
    const result = patch({ Keys: ["a"] }, [{ op: "add", path: "/Keys/-", value: ["b", "c"] }]);
    assert.deepEqual(result, { Keys: ["a", ["b", "c"]] });
  });
});

describe("applyPatch: Cloud Control's rules", () => {
  it("reads paths with and without the leading slash alike", () => {
    const doc = { RetentionInDays: 7, Tags: { "a/b": 1 } };
    const withSlash = patch(doc, [{ op: "replace", path: "/RetentionInDays", value: 30 }, { op: "remove", path: "/Tags/a~1b" }]);
    const without = patch(doc, [{ op: "replace", path: "RetentionInDays", value: 30 }, { op: "remove", path: "Tags/a~1b" }]);
    assert.deepEqual(without, { RetentionInDays: 30, Tags: {} });
    assert.deepEqual(without, withSlash);
  });

  it("applies all or nothing: when operation 2 of 3 fails, nothing is returned and the input is unchanged", () => {
    const doc = { Name: "x", Keys: ["a"] };
    const before = structuredClone(doc);
    const ops = [
      { op: "add", path: "/Stage", value: "prod" },
      { op: "remove", path: "/Keys/0" },
      { op: "remove", path: "/Foo" },
    ];
    assert.throws(() => patch(doc, ops), isPatchError("unapplicable", 'operation 2 (remove /Foo): no member "Foo" to remove'));
    assert.deepEqual(doc, before);
  });

  it("never mutates the input document, even on success", () => {
    const doc = { Models: { Default: "m" }, Keys: ["a", "b"] };
    const before = structuredClone(doc);
    const result = patch(doc, [
      { op: "add", path: "/Models/Extra", value: "e" },
      { op: "remove", path: "/Keys/0" },
      { op: "move", from: "/Keys", path: "/Moved" },
    ]);
    assert.deepEqual(doc, before);
    assert.deepEqual(result, { Models: { Default: "m", Extra: "e" }, Moved: ["b"] });
  });

  it("copies values in, so a later operation never changes an earlier value or the caller's", () => {
    const value = { Deep: ["x"] };
    const ops: PatchOperation[] = [
      { op: "add", path: "/A", value },
      { op: "copy", from: "/A", path: "/B" },
      { op: "add", path: "/B/Deep/-", value: "y" },
      { op: "add", path: "/A/Deep/-", value: "z" },
    ];
    const result = applyPatch({}, ops);
    assert.deepEqual(result, { A: { Deep: ["x", "z"] }, B: { Deep: ["x", "y"] } });
    assert.deepEqual(value, { Deep: ["x"] });
  });

  it("compares test values by JSON equality: key order does not matter, types do", () => {
    const doc = { M: { a: 1, b: [1, { c: null }] } };
    assert.deepEqual(patch(doc, [{ op: "test", path: "/M", value: { b: [1, { c: null }], a: 1.0 } }]), doc);
    assert.throws(() => patch(doc, [{ op: "test", path: "/M", value: { a: 1 } }]), isPatchError("unapplicable", /test failed/));
    const withExtra = { a: 1, b: [1, { c: null }], d: 2 };
    assert.throws(() => patch(doc, [{ op: "test", path: "/M", value: withExtra }]), isPatchError("unapplicable", /test failed/));
    assert.throws(() => patch(doc, [{ op: "test", path: "/M/b/1/c", value: {} }]), isPatchError("unapplicable", /test failed/));
  });

  it("tests the whole document with the empty path, but never writes it", () => {
    assert.deepEqual(patch({ A: 1 }, [{ op: "test", path: "", value: { A: 1 } }]), { A: 1 });
    for (const op of [
      { op: "remove", path: "" },
      { op: "replace", path: "", value: {} },
      { op: "add", path: "", value: {} },
      { op: "copy", from: "/A", path: "" },
    ]) {
      assert.throws(() => patch({ A: 1 }, [op]), isPatchError("unapplicable", /whole document/), op.op);
    }
  });

  it("refuses to replace, remove, move or copy what is not there", () => {
    const doc = { A: 1, Keys: ["a"] };
    const cases: [unknown, string | RegExp][] = [
      [{ op: "replace", path: "/B", value: 2 }, 'operation 0 (replace /B): no member "B" to replace (add creates one)'],
      [{ op: "remove", path: "/Keys/1" }, "operation 0 (remove /Keys/1): no element 1 in an array of 1"],
      [{ op: "move", from: "/B", path: "/C" }, 'operation 0 (move from /B to /C): no member "B" to move'],
      [{ op: "copy", from: "/Keys/5", path: "/C" }, "operation 0 (copy from /Keys/5 to /C): no element 5 in an array of 1"],
      [{ op: "remove", path: "/Keys/-" }, /"-" names the element after the end/],
    ];
    for (const [op, message] of cases) {
      assert.throws(() => patch(doc, [op]), isPatchError("unapplicable", message));
    }
  });

  it("holds array indexes to RFC 6901: no leading zeros, no gaps", () => {
    assert.throws(() => patch({ K: ["a", "b"] }, [{ op: "add", path: "/K/01", value: "x" }]), isPatchError("unapplicable", /"01" is not an array index/));
    assert.throws(() => patch({ K: ["a"] }, [{ op: "add", path: "/K/2", value: "x" }]), isPatchError("unapplicable", /index 2 is past the end/));
    assert.deepEqual(patch({ K: ["a"] }, [{ op: "add", path: "/K/1", value: "x" }]), { K: ["a", "x"] });
  });

  it("refuses to move a value into its own child, but allows moving it to itself", () => {
    assert.throws(() => patch({ A: { B: 1 } }, [{ op: "move", from: "/A", path: "/A/C" }]), isPatchError("unapplicable", /own children/));
    assert.deepEqual(patch({ A: { B: 1 } }, [{ op: "move", from: "/A", path: "/A" }]), { A: { B: 1 } });
  });

  it("refuses to reach through a value that is not an object or array", () => {
    assert.throws(() => patch({ A: "text" }, [{ op: "add", path: "/A/B", value: 1 }]), isPatchError("unapplicable", /not an object or array/));
  });

  it("treats __proto__, constructor and prototype as ordinary members, never as a way into a prototype", () => {
    const attempts = [
      [{ op: "add", path: "/__proto__/polluted", value: true }],
      [{ op: "add", path: "/constructor/prototype/polluted", value: true }],
      [{ op: "replace", path: "/__proto__", value: { polluted: true } }],
    ];
    for (const ops of attempts) {
      assert.throws(() => patch({}, ops), isPatchError("unapplicable", /no member/));
    }
    const viaJson = applyPatch({}, parsePatchDocument('[{"op":"add","path":"/__proto__","value":{"polluted":true}}]'));
    assert.equal(Object.getPrototypeOf(viaJson), Object.prototype);
    assert.equal(Object.hasOwn(viaJson, "__proto__"), true);
    assert.equal((viaJson as { polluted?: unknown }).polluted, undefined);
    assert.equal(({} as { polluted?: unknown }).polluted, undefined);
    assert.equal(JSON.stringify(viaJson), '{"__proto__":{"polluted":true}}');
  });
});

describe("parsePatchDocument rejects malformed documents", () => {
  const cases: [string, string, RegExp][] = [
    ["not JSON", "[{", /not valid JSON/],
    ["not an array", '{"op":"add","path":"/A","value":1}', /must be a JSON array/],
    ["an operation that is not an object", "[1]", /operation 0: must be a JSON object/],
    ["an unknown op", '[{"op":"merge","path":"/A","value":1}]', /"op" must be one of add, remove, replace, move, copy, test, not "merge"/],
    ["an upper-case op", '[{"op":"ADD","path":"/A","value":1}]', /not "ADD"/],
    ["a missing op", '[{"path":"/A","value":1}]', /"op" must be one of/],
    ["a path that is not a string", '[{"op":"remove","path":3}]', /operation 0 \(remove\): "path" must be a string/],
    ["add without value", '[{"op":"add","path":"/A"}]', /operation 0 \(add \/A\): "value" is required/],
    ["test without value", '[{"op":"remove","path":"/A"},{"op":"test","path":"/A"}]', /operation 1 \(test \/A\): "value" is required/],
    ["move without from", '[{"op":"move","path":"/A"}]', /operation 0 \(move \/A\): "from" must be a string/],
    ["copy with a numeric from", '[{"op":"copy","from":1,"path":"/A"}]', /"from" must be a string/],
    ["a bad escape", '[{"op":"remove","path":"/A~2"}]', /"~" must be followed by 0 or 1/],
  ];
  for (const [name, text, message] of cases) {
    it(name, () => {
      assert.throws(() => parsePatchDocument(text), isPatchError("malformed", message));
    });
  }

  it("accepts null as a value", () => {
    assert.deepEqual(parsePatchDocument('[{"op":"replace","path":"/A","value":null}]'), [{ op: "replace", path: "/A", value: null }]);
  });

  it("holds hand-built operations to the same contract in applyPatch", () => {
    assert.throws(() => applyPatch({}, [{ op: "add", path: "/A" }]), isPatchError("malformed", /"value" is required/));
  });
});

describe("pointers", () => {
  it("splits and unescapes tokens, with or without a leading slash", () => {
    assert.deepEqual(pointerTokens(""), []);
    assert.deepEqual(pointerTokens("/"), [""]);
    assert.deepEqual(pointerTokens("/a~1b/~0c/0"), ["a/b", "~c", "0"]);
    assert.deepEqual(pointerTokens("a~1b/~0c/0"), ["a/b", "~c", "0"]);
  });

  it("canonicalises to a leading slash and keeps escapes", () => {
    assert.equal(canonicalPointer("Foo/a~1b"), "/Foo/a~1b");
    assert.equal(canonicalPointer("/Foo"), "/Foo");
    assert.equal(canonicalPointer(""), "");
  });

  it("lists what each operation writes, canonically; a move writes both ends", () => {
    const cases: [PatchOperation, string[]][] = [
      [{ op: "add", path: "A", value: 1 }, ["/A"]],
      [{ op: "remove", path: "/A/0" }, ["/A/0"]],
      [{ op: "replace", path: "A~1B", value: 1 }, ["/A~1B"]],
      [{ op: "move", from: "A", path: "/B" }, ["/A", "/B"]],
      [{ op: "copy", from: "/A", path: "B" }, ["/B"]],
      [{ op: "test", path: "/A", value: 1 }, []],
    ];
    for (const [op, expected] of cases) assert.deepEqual(writtenPointers(op), expected, op.op);
  });
});
