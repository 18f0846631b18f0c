// What a user of `node:http` would write for one JSON call: a keep-alive
// agent, the body gathered and parsed. Shared by the Node benches and the
// fetch rows' Node child.
import http from "node:http";

/** `(method, url) => Promise<parsed JSON>` sending `headers` over one keep-alive agent. */
export function httpJson(headers) {
  const agent = new http.Agent({ keepAlive: true });
  return (method, url) =>
    new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers, agent }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });
}
