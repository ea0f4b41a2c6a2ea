// The example page: lists a route's responses, edits one's model selection expression with a
// mutation, and shows the request's progress live. Plain DOM; every operation is typed from
// src/operations.graphql.
import type { GatewayClient } from "./client";
import { GraphQLRequestError, createGatewayClient } from "./client";
import type { ListRouteResponsesQuery, RequestProgressFragment } from "./generated/graphql";
import { ListRouteResponsesDocument, SetModelSelectionExpressionDocument } from "./generated/graphql";

type RouteResponseRow = NonNullable<ListRouteResponsesQuery["routeResponses"]["nodes"][number]>;

function meta(name: string, fallback: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || fallback;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> = {}, children: Array<Node | string> = []): HTMLElementTagNameMap[K] {
  const created = Object.assign(document.createElement(tag), properties);
  created.append(...children);
  return created;
}

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`The page has no #${id}.`);
  return found as T;
}

function describeError(error: unknown): string {
  return error instanceof GraphQLRequestError || error instanceof Error ? error.message : String(error);
}

class RouteResponsesPage {
  private readonly apiId = byId<HTMLInputElement>("api-id");
  private readonly routeId = byId<HTMLInputElement>("route-id");
  private readonly rows = byId<HTMLTableSectionElement>("rows");
  private readonly status = byId<HTMLParagraphElement>("status");
  private readonly progress = byId<HTMLOListElement>("progress");
  private readonly transport = byId<HTMLSpanElement>("transport");

  constructor(private readonly client: GatewayClient) {
    byId<HTMLFormElement>("route-form").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.load();
    });
  }

  async load(): Promise<void> {
    this.status.textContent = "Loading…";
    try {
      const data = await this.client.execute(ListRouteResponsesDocument, { apiId: this.apiId.value, routeId: this.routeId.value });
      const nodes = data.routeResponses.nodes.filter((node): node is RouteResponseRow => node !== null);
      this.rows.replaceChildren(...nodes.map((node) => this.row(node)));
      this.status.textContent = `${nodes.length} route response${nodes.length === 1 ? "" : "s"}${data.routeResponses.pageInfo.hasNextPage ? " (more on the next page)" : ""}.`;
    } catch (error) {
      this.rows.replaceChildren();
      this.status.textContent = describeError(error);
    }
  }

  private row(node: RouteResponseRow): HTMLTableRowElement {
    const expression = element("input", { value: node.modelSelectionExpression ?? "", placeholder: "(none)", size: 24 });
    expression.dataset.testid = `expression-${node.routeResponseId}`;
    const save = element("button", { type: "button", textContent: "Save" });
    save.dataset.testid = `save-${node.routeResponseId}`;
    save.addEventListener("click", () => void this.save(node.routeResponseId, expression.value, save));
    const models = node.responseModels.map((model) => `${model.contentType} → ${model.modelName}`).join(", ") || "—";
    const row = element("tr", {}, [
      element("td", {}, [element("code", { textContent: node.routeResponseId })]),
      element("td", {}, [element("code", { textContent: node.routeResponseKey })]),
      element("td", {}, [expression, " ", save]),
      element("td", { textContent: models }),
    ]);
    row.dataset.testid = `route-response-${node.routeResponseId}`;
    row.dataset.expression = node.modelSelectionExpression ?? "";
    return row;
  }

  private async save(routeResponseId: string, expression: string, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    this.progress.replaceChildren();
    this.transport.textContent = "";
    try {
      const { updateRouteResponse } = await this.client.execute(SetModelSelectionExpressionDocument, {
        apiId: this.apiId.value,
        routeId: this.routeId.value,
        routeResponseId,
        // An empty field clears the expression.
        expression: expression === "" ? null : expression,
      });
      const { request } = updateRouteResponse;
      this.show(request);
      if (!request.done) {
        const how = await this.client.followRequest(request.requestToken, (progress) => this.show(progress));
        this.transport.textContent = how === "subscription" ? "live, over WebSocket (subscription)" : "by polling resourceRequest";
      }
      await this.load();
    } catch (error) {
      this.progress.append(element("li", { className: "failed", textContent: describeError(error) }));
    } finally {
      button.disabled = false;
    }
  }

  private show(progress: RequestProgressFragment): void {
    // The mutation's answer and the subscription's first event often say the same thing.
    if ((this.progress.lastElementChild as HTMLElement | null)?.dataset.status === progress.status) return;
    const detail = [progress.errorCode, progress.statusMessage].filter(Boolean).join(": ");
    const item = element("li", { className: progress.status.toLowerCase(), textContent: `${progress.operation} ${progress.status}${detail ? ` (${detail})` : ""}` });
    item.dataset.status = progress.status;
    this.progress.append(item);
  }
}

const client = createGatewayClient({ endpoint: meta("graphql-endpoint", "http://127.0.0.1:4000/graphql") });
byId<HTMLElement>("endpoint").textContent = meta("graphql-endpoint", "http://127.0.0.1:4000/graphql");
void new RouteResponsesPage(client).load();
