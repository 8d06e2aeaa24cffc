// A partner's endpoint, as a Worker of its own that the Worker under test reaches through
// its outbound fetch (vitest.config.ts, the `partners` project): every POST is recorded, and the
// path says how to answer. GET /log gives what was recorded; DELETE /log forgets it.
//   /ok      204, every time
//   /flaky   500 the first time it sees an event (by webhook-id), then 204
//   /down    500, every time
//   /gone    410 Gone
const received = [];
const seen = new Set();

export default {
  async fetch(request) {
    const { pathname } = new URL(request.url);
    if (pathname === "/log") {
      if (request.method === "DELETE") {
        received.length = 0;
        seen.clear();
        return new Response(null, { status: 204 });
      }
      return Response.json(received);
    }
    const id = request.headers.get("webhook-id") ?? "";
    received.push({
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    });
    if (pathname.endsWith("/ok")) return new Response(null, { status: 204 });
    if (pathname.endsWith("/gone")) return new Response(null, { status: 410 });
    if (pathname.endsWith("/flaky") && seen.has(id)) return new Response(null, { status: 204 });
    seen.add(id);
    return new Response("unavailable", { status: 500 });
  },
};
