// The example tabs show `"Authorization": "Bearer <token>"` so users see where a token goes. Until
// they replace it, it must not be sent: a header whose value still holds an `<...>` placeholder is
// dropped. No real credential looks like that: a bearer token (RFC 6750 §2.1, b64token) cannot
// contain "<" or ">".
const PLACEHOLDER = /<[^<>]*>/;

export function withoutPlaceholderHeaders(headers: HeadersInit | undefined): Headers {
  const kept = new Headers(headers);
  for (const [name, value] of [...kept]) {
    if (PLACEHOLDER.test(value)) kept.delete(name);
  }
  return kept;
}

/** `fetch`, minus the headers `withoutPlaceholderHeaders` drops. */
export function fetchWithoutPlaceholders(fetchImpl: typeof fetch): typeof fetch {
  return (input, init) => fetchImpl(input, { ...init, headers: withoutPlaceholderHeaders(init?.headers) });
}
