// Proactive negotiation (RFC 9110 §12): whether a GET of the GraphQL path is a browser asking for a
// page, and which precompressed copy of an asset to send. Both headers are lists of ranges with
// optional weights (§12.4.2 `q`); a range with q=0 means "not acceptable".

interface Preference {
  /** A media range (`text/html`, `text/*`, `*\/*`) or a content coding, lower-cased. */
  range: string;
  q: number;
}

/** §12.4.2: "0" ["." 0*3DIGIT] / "1" ["." 0*3("0")]. A malformed weight drops its range. */
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

function parsePreferences(header: string | undefined): Preference[] {
  if (header === undefined) return [];
  const preferences: Preference[] = [];
  for (const part of header.split(",")) {
    const [rangeText = "", ...params] = part.split(";");
    const range = rangeText.trim().toLowerCase();
    if (range === "") continue;
    let q: number | undefined = 1;
    for (const param of params) {
      const [name = "", value = ""] = param.split("=").map((s) => s.trim());
      if (name.toLowerCase() === "q") q = QVALUE.test(value) ? Number(value) : undefined;
    }
    if (q !== undefined) preferences.push({ range, q });
  }
  return preferences;
}

/**
 * The weight `preferences` give `mediaType`: that of the most specific range matching it
 * (§12.5.1: type/subtype over type/* over *\/*), or 0 when none does.
 */
function weightOf(preferences: Preference[], mediaType: string): number {
  const [type] = mediaType.split("/");
  const ranges = [mediaType, `${type}/*`, "*/*"];
  for (const range of ranges) {
    const match = preferences.find((p) => p.range === range);
    if (match !== undefined) return match.q;
  }
  return 0;
}

/** The media types a GraphQL-over-HTTP client asks for; any of them means "not the page". */
const GRAPHQL_MEDIA_TYPES = ["application/graphql-response+json", "application/json"];

/**
 * True when `accept` gives text/html a higher weight than every JSON type a GraphQL client asks
 * for. Equal weights go to GraphQL, so `*\/*` (curl), a missing header and `application/json,
 * text/html` get GraphQL, and a browser's navigation (`text/html,...,*\/*;q=0.8`) gets the page.
 */
export function prefersHtml(accept: string | undefined): boolean {
  const preferences = parsePreferences(accept);
  const html = weightOf(preferences, "text/html");
  return GRAPHQL_MEDIA_TYPES.every((mediaType) => html > weightOf(preferences, mediaType));
}

export type ContentCoding = "br" | "gzip";

/**
 * The best of `available` that `acceptEncoding` accepts (§12.5.3: `*` stands for codings not
 * listed), preferring earlier entries of `available` on equal weights; undefined means identity.
 */
export function chooseContentCoding(acceptEncoding: string | undefined, available: readonly ContentCoding[]): ContentCoding | undefined {
  const preferences = parsePreferences(acceptEncoding);
  const wildcard = preferences.find((p) => p.range === "*");
  let best: { coding: ContentCoding; q: number } | undefined;
  for (const coding of available) {
    const q = preferences.find((p) => p.range === coding)?.q ?? wildcard?.q ?? 0;
    if (q > 0 && (best === undefined || q > best.q)) best = { coding, q };
  }
  return best?.coding;
}
