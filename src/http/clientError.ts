// What node:http cannot hand to a route: a request it refused while reading it (headers over
// node's limit, a malformed request line, a request not received within the server's timeouts).
// Node would answer these with an empty body, or the adapter with a bare 400; here they get the
// JSON error form every other refusal has, with a stable code and the status node would use.
import type { Duplex } from "node:stream";
import type { Logger } from "../observability/logger.js";
import { RequestCode } from "../pipeline/index.js";

interface Answer {
  status: number;
  reason: string;
  message: string;
}

/** By node's error code (llhttp's `HPE_*`, node's own `ERR_HTTP_*`); anything else is a malformed request. */
function answerOf(code: string | undefined): Answer {
  switch (code) {
    case "HPE_HEADER_OVERFLOW":
      return { status: 431, reason: "Request Header Fields Too Large", message: "The request's headers are larger than the gateway accepts (16 KiB together)." };
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return { status: 408, reason: "Request Timeout", message: "The request was not received in time (HTTP_REQUEST_TIMEOUT_MS): send it again, faster." };
    default:
      return { status: 400, reason: "Bad Request", message: "The request is not valid HTTP/1.1." };
  }
}

/** The whole HTTP answer, written to the socket: the connection closes after it. */
function rawAnswer(answer: Answer): string {
  const body = JSON.stringify({ errors: [{ message: answer.message, extensions: { code: RequestCode.BAD_REQUEST } }] });
  return [
    `HTTP/1.1 ${answer.status} ${answer.reason}`,
    "Content-Type: application/json; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Cache-Control: no-store",
    "X-Content-Type-Options: nosniff",
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

/** The node:http server's `clientError` listener: one log record (never a stack), and the JSON answer when it can still be written. */
export function createClientErrorListener(log: Logger) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    log.debug({ code: error.code ?? error.name }, "http client error");
    // A connection reset has no one to answer; an answer already begun cannot take another.
    const begun = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
    if (error.code === "ECONNRESET" || !socket.writable || begun) {
      socket.destroy();
      return;
    }
    socket.end(rawAnswer(answerOf(error.code)));
  };
}
