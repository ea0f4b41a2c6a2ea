// The WebSocket door loads `ws` and graphql-ws with the first upgrade, not at start: a query over
// HTTP leaves them unloaded, and the first upgrade loads them and is answered with 101 as before.
// `ws` is CommonJS, so the process's require cache says whether it was loaded; this file imports
// no WebSocket client (the upgrade is written by hand on a TCP socket).
import { strict as assert } from "node:assert";
import { createRequire } from "node:module";
import { connect } from "node:net";
import { describe, it } from "node:test";
import { startTestGateway } from "../gateway/harness.js";
import { startTestEmulator } from "../support/emulator.js";

const emulator = await startTestEmulator({ seed: "demo", writeDurationMs: 0 });
const gateway = await startTestGateway(emulator);
const wsLoaded = (): boolean => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes("/node_modules/ws/"));

/** The status line the gateway answers a graphql-transport-ws upgrade with. */
function upgrade(url: string): Promise<string> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n",
      );
    });
    const timer = setTimeout(() => socket.destroy(new Error("no answer to the upgrade in 5 s")), 5000);
    let answer = "";
    socket.on("data", (chunk: Buffer) => {
      answer += chunk.toString("latin1");
      if (!answer.includes("\r\n")) return;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer.slice(0, answer.indexOf("\r\n")));
    });
    socket.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

describe("the WebSocket door", () => {
  it("loads ws with the first upgrade, not before", async () => {
    const answer = await gateway.query(`{ __typename }`);
    assert.ok(answer.data !== undefined && answer.data !== null, JSON.stringify(answer));
    assert.equal(wsLoaded(), false, "ws was loaded before any upgrade");
    assert.equal(await upgrade(gateway.graphqlUrl), "HTTP/1.1 101 Switching Protocols");
    assert.equal(wsLoaded(), true);
    assert.equal(await upgrade(gateway.graphqlUrl), "HTTP/1.1 101 Switching Protocols");
  });
});
