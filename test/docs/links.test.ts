// Every relative link and anchor in the README and the docs/ pages resolves: pages move and headings
// get renamed, and a newcomer following a dead link is lost. The checker itself is shown to catch a
// missing file and a missing anchor, so a pass means something.
import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { brokenLinks, headingAnchors, markdownLinks } from "../support/markdownLinks.js";

/** The repository root, from dist/test/docs/ (compiled) or test/docs/ (source). */
const root = fileURLToPath(new URL(import.meta.url.includes("/dist/") ? "../../../" : "../../", import.meta.url));

const pages = [
  "README.md",
  "bench/README.md",
  ...readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

describe("documentation links", () => {
  it("finds the pages the README promises", () => {
    for (const page of ["docs/api.md", "docs/configuration.md", "docs/production.md", "docs/security.md", "docs/operations.md", "docs/frontends.md", "docs/ide.md", "docs/emulator.md", "docs/development.md"]) {
      assert.ok(pages.includes(page), page);
    }
  });

  for (const page of pages) {
    it(`${page}: every relative link and anchor resolves`, () => {
      assert.deepEqual(brokenLinks(root, page), []);
    });
  }

  it("the README links every docs/ page", () => {
    const targets = new Set(markdownLinks(readFileSync(join(root, "README.md"), "utf8")).map((link) => link.target.split("#")[0]));
    assert.deepEqual(pages.filter((page) => page.startsWith("docs/") && !targets.has(page)), []);
  });

  it("the checker catches a missing page, a missing anchor, and ignores code", () => {
    const dir = mkdtempSync(join(tmpdir(), "links-"));
    try {
      writeFileSync(join(dir, "a.md"), "# A page\n\n## Two words: `code`\n\n## Two words: `code`\n");
      writeFileSync(
        join(dir, "b.md"),
        [
          "[ok](a.md#two-words-code) [repeat](a.md#two-words-code-1) [self](#b)",
          "[gone](missing.md) [no anchor](a.md#nowhere) ![img](a.md)",
          "```",
          "[in code](nowhere.md)",
          "```",
          "# B",
        ].join("\n"),
      );
      assert.deepEqual([...headingAnchors("# A page\n## A page\n")], ["a-page", "a-page-1"]);
      assert.deepEqual(brokenLinks(dir, "b.md"), [
        "b.md:2: missing.md (no missing.md)",
        "b.md:2: a.md#nowhere (no heading makes #nowhere in a.md)",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
