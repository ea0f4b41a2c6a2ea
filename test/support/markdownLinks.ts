// The relative links of the project's Markdown pages, and the anchors their headings make, so a test
// can prove that every link between README.md, docs/ and bench/README.md lands somewhere. Anchors
// follow GitHub's rule (lower case, punctuation dropped, spaces to hyphens, -1, -2 for repeats).
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";

/** A link found in a page: its target as written and the line it is on (1-based). */
export interface MarkdownLink {
  readonly target: string;
  readonly line: number;
}

/** Lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(text: string): Array<{ line: string; number: number }> {
  const out: Array<{ line: string; number: number }> = [];
  let fenced = false;
  text.split("\n").forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced) out.push({ line: line.replace(/`[^`]*`/g, (code) => (code.includes("](") ? "" : code)), number: index + 1 });
  });
  return out;
}

/** The targets of inline links and images (`[text](target)`, `![alt](target "title")`), outside code. */
export function markdownLinks(text: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const { line, number } of proseLines(text)) {
    for (const match of line.matchAll(/!?\[(?:[^\]]|\][^(])*?\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ target: match[1] ?? "", line: number });
    }
  }
  return links;
}

/** The anchors GitHub gives the page's headings. */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { line } of proseLines(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading === null) continue;
    const slug = (heading[1] ?? "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/**
 * Every relative link of `page` (a path under `root`) that does not resolve: a missing file or
 * folder, or an anchor that no heading of the target page makes. External links (a scheme such as
 * https: or mailto:) are not followed.
 */
export function brokenLinks(root: string, page: string): string[] {
  const text = readFileSync(join(root, page), "utf8");
  const broken: string[] = [];
  for (const { target, line } of markdownLinks(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const [path = "", anchor] = target.split("#", 2);
    const file = path === "" ? join(root, page) : join(root, dirname(page), decodeURIComponent(path));
    const where = `${page}:${line}: ${target}`;
    if (!existsSync(file)) {
      broken.push(`${where} (no ${relative(root, file)})`);
      continue;
    }
    if (anchor === undefined || anchor === "") continue;
    if (statSync(file).isDirectory() || !file.endsWith(".md")) {
      broken.push(`${where} (an anchor into something that is not a Markdown page)`);
      continue;
    }
    if (!headingAnchors(readFileSync(file, "utf8")).has(decodeURIComponent(anchor))) {
      broken.push(`${where} (no heading makes #${anchor} in ${relative(root, file)})`);
    }
  }
  return broken;
}
