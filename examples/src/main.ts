// The example page: walks the gateway's graph from the region's WebSocket APIs. The user picks an API
// from a list (no id is typed), sees its routes with their route response, whether each is two-way,
// and the models those name (a name that resolves to no model is shown as missing), edits a route
// response's model selection expression with a mutation and watches the request's progress live.
// Plain DOM; every operation is typed from src/operations.graphql.
import type { GatewayClient } from "./client";
import { GraphQLRequestError, createGatewayClient } from "./client";
import type { ApiGraphQuery, ListWebSocketApisQuery, RequestProgressFragment, RouteResponseRowFragment } from "./generated/graphql";
import { ApiGraphDocument, ListWebSocketApisDocument, SetModelSelectionExpressionDocument } from "./generated/graphql";

type ApiItem = NonNullable<NonNullable<ListWebSocketApisQuery["apis"]>["nodes"][number]>;
type GraphApi = NonNullable<ApiGraphQuery["api"]>;
type RouteItem = NonNullable<NonNullable<GraphApi["routes"]>["nodes"][number]>;
type ModelItem = NonNullable<NonNullable<GraphApi["models"]>["nodes"][number]>;

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

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function present<T>(items: ReadonlyArray<T | null>): T[] {
  return items.filter((item): item is T => item !== null);
}

/**
 * A field the schema makes nullable so that its failure nulls only itself: null comes with an error,
 * and execute() throws on errors, so here it is never null.
 */
function given<T>(value: T | null, field: string): T {
  if (value === null) throw new GraphQLRequestError([{ message: `${field} is null without an error.` }]);
  return value;
}

class ApiGraphPage {
  private readonly apis = byId<HTMLUListElement>("apis");
  private readonly apisStatus = byId<HTMLElement>("apis-status");
  private readonly moreApis = byId<HTMLButtonElement>("more-apis");
  private readonly apiSection = byId<HTMLElement>("api");
  private readonly apiTitle = byId<HTMLHeadingElement>("api-title");
  private readonly status = byId<HTMLParagraphElement>("status");
  private readonly routes = byId<HTMLTableSectionElement>("routes");
  private readonly models = byId<HTMLUListElement>("models");
  private readonly modelsStatus = byId<HTMLElement>("models-status");
  private readonly progress = byId<HTMLOListElement>("progress");
  private readonly transport = byId<HTMLSpanElement>("transport");
  private apisCursor: string | null = null;
  private picked: ApiItem | undefined;
  /** Counts graph loads, so the answer of an API picked before the last one is dropped. */
  private graphLoads = 0;

  constructor(private readonly client: GatewayClient) {
    this.moreApis.addEventListener("click", () => void this.loadApis(this.apisCursor));
  }

  /** Lists the region's WebSocket APIs; `after` appends the next page. */
  async loadApis(after: string | null = null): Promise<void> {
    this.apisStatus.textContent = "Loading…";
    this.moreApis.disabled = true;
    try {
      const apis = given((await this.client.execute(ListWebSocketApisDocument, { after })).apis, "apis");
      const items = present(apis.nodes);
      if (after === null) this.apis.replaceChildren();
      this.apis.append(...items.map((api) => this.apiItem(api)));
      this.apisCursor = apis.pageInfo.endCursor;
      this.moreApis.hidden = !apis.pageInfo.hasNextPage;
      const count = this.apis.childElementCount;
      this.apisStatus.textContent = count === 0 ? "No WebSocket API in this region." : `${plural(count, "WebSocket API")}; pick one.`;
    } catch (error) {
      this.apisStatus.textContent = describeError(error);
    } finally {
      this.moreApis.disabled = false;
    }
  }

  private apiItem(api: ApiItem): HTMLLIElement {
    const button = element("button", { type: "button" }, [
      element("strong", { textContent: api.name ?? api.apiId }),
      element("span", {}, [element("code", { textContent: api.apiId })]),
      ...(api.description ? [element("span", { textContent: api.description })] : []),
    ]);
    button.dataset.testid = `api-${api.apiId}`;
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", () => {
      for (const other of this.apis.querySelectorAll("button")) other.setAttribute("aria-pressed", String(other === button));
      this.picked = api;
      void this.loadGraph();
    });
    return element("li", {}, [button]);
  }

  /** Reads the picked API's graph: routes, route responses, models, in one request. */
  async loadGraph(): Promise<void> {
    const picked = this.picked;
    if (picked === undefined) return;
    const load = ++this.graphLoads;
    this.apiSection.hidden = false;
    this.apiTitle.replaceChildren(`Routes of ${picked.name ?? picked.apiId} `, element("small", {}, [element("code", { textContent: picked.apiId })]));
    this.status.textContent = "Loading…";
    try {
      const { api } = await this.client.execute(ApiGraphDocument, { apiId: picked.apiId });
      if (load !== this.graphLoads) return;
      if (api === null) {
        this.routes.replaceChildren();
        this.models.replaceChildren();
        this.status.textContent = `The API ${picked.apiId} no longer exists.`;
        return;
      }
      this.render(api);
    } catch (error) {
      if (load !== this.graphLoads) return;
      this.routes.replaceChildren();
      this.models.replaceChildren();
      this.status.textContent = describeError(error);
    }
  }

  private render(api: GraphApi): void {
    const routeConnection = given(api.routes, "api.routes");
    const modelConnection = given(api.models, "api.models");
    const routes = present(routeConnection.nodes);
    const models = present(modelConnection.nodes);
    const twoWay = routes.filter((route) => route.twoWay).length;
    const responses = routes.filter((route) => route.routeResponse !== null).length;
    this.routes.replaceChildren(...routes.map((route) => this.routeRow(route)));
    this.status.textContent =
      `${plural(routes.length, "route")} (${twoWay} two-way, ${routes.length - twoWay} one-way), ${plural(responses, "route response")}` +
      `${routeConnection.pageInfo.hasNextPage ? "; more routes on the next page" : ""}. Messages pick a route by ${api.routeSelectionExpression ?? "(no expression)"}.`;
    const named = new Map<string, number>();
    for (const route of routes) for (const ref of route.routeResponse?.responseModels ?? []) named.set(ref.modelName, (named.get(ref.modelName) ?? 0) + 1);
    this.models.replaceChildren(...models.map((model) => this.modelItem(model, named.get(model.name) ?? 0)));
    const missing = [...named.keys()].filter((name) => !models.some((model) => model.name === name));
    this.modelsStatus.textContent =
      `${plural(models.length, "model")}${modelConnection.pageInfo.hasNextPage ? " (more on the next page)" : ""}` +
      (missing.length > 0 ? `; named but missing: ${missing.join(", ")}` : "");
  }

  private routeRow(route: RouteItem): HTMLTableRowElement {
    const kind = element("span", {
      className: `badge ${route.twoWay ? "two-way" : "one-way"}`,
      textContent: route.twoWay ? "two-way" : "one-way",
      title: route.twoWay ? "Its route response is sent back to the client." : "No route response selection expression: nothing is sent back.",
    });
    const cells: HTMLTableCellElement[] = [
      element("td", {}, [element("code", { textContent: route.routeKey })]),
      element("td", {}, [kind]),
    ];
    const response = route.routeResponse;
    if (response === null) {
      cells.push(element("td", { className: "none", colSpan: 3, textContent: "no route response" }));
    } else {
      cells.push(...this.routeResponseCells(response, route.twoWay));
    }
    const row = element("tr", {}, cells);
    row.dataset.testid = `route-${route.routeId}`;
    row.dataset.twoWay = String(route.twoWay);
    return row;
  }

  private routeResponseCells(response: RouteResponseRowFragment, twoWay: boolean): HTMLTableCellElement[] {
    const idCell = element("td", {}, [element("code", { textContent: response.routeResponseId }), " ", element("code", { textContent: response.routeResponseKey })]);
    if (!twoWay) idCell.append(" (never sent)");
    idCell.dataset.testid = `route-response-${response.routeResponseId}`;
    idCell.dataset.expression = response.modelSelectionExpression ?? "";
    const expression = element("input", { value: response.modelSelectionExpression ?? "", placeholder: "(none)" });
    expression.setAttribute("aria-label", `Model selection expression of ${response.routeResponseId}`);
    expression.dataset.testid = `expression-${response.routeResponseId}`;
    const save = element("button", { type: "button", textContent: "Save" });
    save.dataset.testid = `save-${response.routeResponseId}`;
    save.addEventListener("click", () => void this.save(response, expression.value, save));
    const models = response.responseModels.map((ref) => {
      const found = ref.model !== null;
      const item = element("span", { className: `model-ref ${found ? "found" : "missing"}`, textContent: `${ref.contentType} → ${ref.modelName}` });
      if (!found) item.append(" ", element("span", { className: "badge missing", textContent: "missing", title: "The API has no model of this name." }));
      item.dataset.testid = `model-ref-${response.routeResponseId}-${ref.modelName}`;
      item.dataset.missing = String(!found);
      return item;
    });
    return [idCell, element("td", {}, [expression, " ", save]), models.length > 0 ? element("td", {}, models) : element("td", { className: "none", textContent: "—" })];
  }

  private modelItem(model: ModelItem, namedBy: number): HTMLLIElement {
    const item = element("li", { title: model.description ?? "" }, [
      element("strong", { textContent: model.name }),
      " ",
      element("span", { textContent: `${model.contentType ?? "no content type"}, named by ${plural(namedBy, "route response")}` }),
    ]);
    item.dataset.testid = `model-${model.name}`;
    return item;
  }

  private async save(response: RouteResponseRowFragment, expression: string, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    this.progress.replaceChildren();
    this.transport.textContent = "";
    try {
      const { updateRouteResponse: payload } = await this.client.execute(SetModelSelectionExpressionDocument, {
        apiId: response.apiId,
        routeId: response.routeId,
        routeResponseId: response.routeResponseId,
        // An empty field clears the expression.
        expression: expression === "" ? null : expression,
      });
      const { request } = given(payload, "updateRouteResponse");
      this.show(request);
      if (!request.done) {
        const how = await this.client.followRequest(request.requestToken, (progress) => this.show(progress));
        this.transport.textContent = how === "subscription" ? "live, over WebSocket (subscription)" : "by polling resourceRequest";
      }
      await this.loadGraph();
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

const endpoint = meta("graphql-endpoint", "http://127.0.0.1:4000/graphql");
byId<HTMLElement>("endpoint").textContent = endpoint;
void new ApiGraphPage(createGatewayClient({ endpoint })).loadApis();
