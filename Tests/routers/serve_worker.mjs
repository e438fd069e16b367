// Runs a generated Cloudflare Worker (flowc router cloudflare) under Node.js, the way Workers run it: each
// HTTP request becomes a Fetch API Request passed to the module's fetch(request, env), and env.ASSETS (the
// static assets binding) serves files from the built tree. Usage: node serve_worker.mjs WORKER.js TREE PORT
import http from "node:http";
import fs from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [workerFile, tree, port] = process.argv.slice(2);
const worker = (await import(pathToFileURL(path.resolve(workerFile)).href)).default;

// Workers' static assets answer a GET or HEAD for a file of the uploaded folder, and 404 otherwise.
const env = {
  ASSETS: {
    async fetch(request) {
      const { pathname } = new URL(request.url);
      const file = path.join(tree, decodeURIComponent(pathname));
      if (!file.startsWith(path.resolve(tree) + path.sep)) return new Response("Not Found", { status: 404 });
      try {
        const body = await fs.readFile(file);
        return new Response(request.method === "HEAD" ? null : body, { headers: { "content-type": "text/xml" } });
      } catch {
        return new Response("Not Found", { status: 404 });
      }
    },
  },
};

http
  .createServer(async (incoming, outgoing) => {
    const chunks = [];
    for await (const chunk of incoming) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const request = new Request(`http://${incoming.headers.host}${incoming.url}`, {
      method: incoming.method,
      headers: incoming.headers,
      body: ["GET", "HEAD"].includes(incoming.method) ? undefined : body,
    });
    const response = await worker.fetch(request, env);
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  })
  .listen(Number(port), "127.0.0.1", () => console.log("ready"));
