// The AWS CLI command `npm run demo` prints must work as printed on a machine with no AWS
// configuration at all: it carries the dummy keys, the region and the emulator's endpoint. The test
// takes the command from the demo's own start-up text, checks what it carries, and, where the `aws`
// CLI is installed, runs it through a shell in an environment with no AWS variable and an empty home.
import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { before, describe, it } from "node:test";
import { promisify } from "node:util";
import { DEMO_API_ID, DEMO_REGION, DEMO_ROUTES, DEMO_ROUTE_RESPONSES } from "../../src/emulator/demoSeed.js";
import type { TestDemo } from "../support/demo.js";
import { startTestDemo } from "../support/demo.js";

const run = promisify(execFile);

/** The `aws` executable on PATH, if any. */
function findAws(): string | undefined {
  return (process.env.PATH ?? "").split(delimiter).map((dir) => join(dir, "aws")).find((path) => existsSync(path));
}

/** The printed command: from the line that starts it to the first line not continued with `\`. */
function printedCommand(text: string): string {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => /\baws cloudcontrol\b/.test(line) || /^\s*AWS_[A-Z_]+=/.test(line));
  assert.ok(start >= 0, `no AWS CLI command in:\n${text}`);
  const command: string[] = [];
  for (const line of lines.slice(start)) {
    command.push(line.replace(/\\$/, "").trim());
    if (!line.endsWith("\\")) break;
  }
  return command.join(" ");
}

describe("the demo's printed AWS CLI command", { timeout: 60_000 }, () => {
  let demo: TestDemo;
  let command: string;
  let emulatorUrl: string;
  before(async () => {
    demo = await startTestDemo(); // closed when the file is done
    emulatorUrl = demo.emulatorUrl;
    command = printedCommand(demo.logger.lines.join("\n"));
  });

  it("carries keys, region and the emulator's endpoint", () => {
    assert.match(command, /(^|\s)AWS_ACCESS_KEY_ID=\S+\s/);
    assert.match(command, /(^|\s)AWS_SECRET_ACCESS_KEY=\S+\s/);
    assert.ok(command.includes(`--region ${DEMO_REGION}`), command);
    assert.ok(command.includes(`--endpoint-url ${emulatorUrl} `), command);
    assert.ok(command.includes(`"ApiId":"${DEMO_API_ID}","RouteId":"${DEMO_ROUTES.sendMessage}"`), command);
  });

  const aws = findAws();
  it("runs as printed with no AWS configuration", { skip: aws === undefined ? "no `aws` on PATH" : false }, async () => {
    const home = mkdtempSync(join(tmpdir(), "demo-aws-cli-"));
    try {
      // A clean machine: no AWS_* variable, a home without ~/.aws, config files that do not exist.
      const env = {
        PATH: process.env.PATH ?? "",
        HOME: home,
        AWS_CONFIG_FILE: join(home, "no-config"),
        AWS_SHARED_CREDENTIALS_FILE: join(home, "no-credentials"),
      };
      const { stdout } = await run("sh", ["-c", command], { env, timeout: 30_000 });
      const listed = JSON.parse(stdout) as { TypeName: string; ResourceDescriptions: Array<{ Identifier: string }> };
      assert.equal(listed.TypeName, "AWS::ApiGatewayV2::RouteResponse");
      assert.deepEqual(
        listed.ResourceDescriptions.map((description) => description.Identifier),
        [`${DEMO_API_ID}|${DEMO_ROUTES.sendMessage}|${DEMO_ROUTE_RESPONSES.sendMessageDefault}`],
      );
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
