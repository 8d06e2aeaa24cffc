/**
 * A partner's web site on another origin: a loopback server that serves
 * whatever pages a test gives it, as a pharmacy or council site would.
 */
import { createServer, type Server } from "node:http";

export interface PartnerSite {
  origin: string;
  serve(path: string, html: string): void;
  stop(): Promise<void>;
}

export async function startPartnerSite(): Promise<PartnerSite> {
  const pages = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://partner").pathname;
    // Like any real site, it has a favicon, so the browser's request for it is not a console error.
    if (path === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    const page = pages.get(path);
    response.writeHead(page ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
    response.end(page ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the partner site has no TCP address");
  const { port } = address;
  return {
    // "localhost" while the Worker is on "127.0.0.1": a different site, not only a different port.
    origin: `http://localhost:${port}`,
    serve: (path, html) => pages.set(path, html),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
