"use strict";
// hms-room-codes/testing (Node only): starts the hms-emulator binary, a local emulator of
// the 100ms Room Codes API, for the tests of code that uses this package. The binary is
// found through HMS_EMULATOR (its path), else as hms-emulator on PATH; releases ship it as
// a static binary (hms-emulator-<version>-<target>.tar.gz). See README "Testing your code".
const { spawn } = require("node:child_process");
const http = require("node:http");
const readline = require("node:readline");

/** How long startEmulator waits for the URL, by default. */
const START_TIMEOUT_MS = 10000;

/** Starts an emulator on a free loopback port; resolves to an Emulator once it listens. */
async function startEmulator(options = {}) {
  const binary = options.binary || process.env.HMS_EMULATOR || "hms-emulator";
  const timeoutMs = options.timeoutMs ?? START_TIMEOUT_MS;
  const child = spawn(binary, ["--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    const fail = (why) => {
      child.kill();
      reject(new Error(`hms-room-codes/testing: ${binary} ${why}; set HMS_EMULATOR to the hms-emulator ` +
        "binary or put it on PATH (a release's hms-emulator-<version>-<target>.tar.gz)"));
    };
    const timer = setTimeout(() => fail(`printed no URL within ${timeoutMs} ms`), timeoutMs);
    child.once("error", (e) => { clearTimeout(timer); fail(`could not start (${e.message})`); });
    child.once("exit", (code) => { clearTimeout(timer); fail(`exited (status ${code})`); });
    readline.createInterface({ input: child.stdout }).once("line", (line) => {
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve(line.trim());
    });
  });
  child.stdout.resume();
  return new Emulator(child, url);
}

/** A running emulator: its URLs, its credentials, and its control API. */
class Emulator {
  constructor(child, url) {
    this._child = child;
    /** The root, http://127.0.0.1:PORT; the control API is under url + "/_emulator". */
    this.url = url;
    /** url + "/v2": the API base URL. */
    this.baseUrl = `${url}/v2`;
    /** url + "/v2" too: the token exchange's base URL. */
    this.authBaseUrl = `${url}/v2`;
    /** The fixed management token it accepts. */
    this.managementToken = "emulator-management-token";
    /** The access key and secret that sign management tokens it accepts. */
    this.accessKey = "emulator-access-key";
    this.appSecret = "emulator-app-secret";
  }

  /** Options for `new RoomCodesClient(...)`: both base URLs and the management token. */
  clientOptions() {
    return { managementToken: this.managementToken, baseUrl: this.baseUrl, authBaseUrl: this.authBaseUrl };
  }

  /** Creates a room (the default template: host, guest, viewer; or `templateId`); resolves to its id (not in the request log). */
  async createRoom({ templateId } = {}) {
    const room = await this._call("POST", "/_emulator/rooms", templateId === undefined ? {} : { template_id: templateId });
    return room.id;
  }

  /** Defines (or replaces) a template with these roles. */
  async defineTemplate(id, roles) {
    await this._call("POST", "/_emulator/templates", { id, roles });
  }

  /**
   * Queues a fault rule: the next `count` (default 1) requests whose path starts with `path`
   * get `status` (with `retryAfter`), a `delayMs` pause, or an `action` ("reset", "truncate",
   * "not_json", "redirect", "endless_pages"). Keys are those of the control API, in camelCase.
   */
  async injectFault(rule) {
    const body = Object.fromEntries(Object.entries(rule).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
    await this._call("POST", "/_emulator/faults", body);
  }

  /** The requests received on /v2 so far, oldest first: { method, path, query, headers, body }. */
  requests() {
    return this._call("GET", "/_emulator/requests");
  }

  /** Forgets the request log. */
  async clearRequests() {
    await this._call("DELETE", "/_emulator/requests");
  }

  /** Forgets every room, code, template, fault rule and logged request. */
  async reset() {
    await this._call("POST", "/_emulator/reset");
  }

  /** Stops the emulator; resolves once it has exited. */
  async stop() {
    if (this._child.exitCode !== null || this._child.signalCode !== null) return;
    const exited = new Promise((resolve) => this._child.once("exit", resolve));
    this._child.kill();
    await exited;
  }

  /** `await using emulator = await startEmulator()` stops it at the end of the scope. */
  [Symbol.asyncDispose || Symbol.for("Symbol.asyncDispose")]() {
    return this.stop();
  }

  _call(method, path, body) {
    const data = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const request = http.request(`${this.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.managementToken}`, "content-type": "application/json" },
        timeout: 10000,
      }, (response) => {
        let text = "";
        response.setEncoding("utf8").on("data", (chunk) => { text += chunk; }).on("end", () => {
          if (response.statusCode !== 200) reject(new Error(`${method} ${path}: HTTP ${response.statusCode} ${text}`));
          else resolve(JSON.parse(text));
        });
      });
      request.on("timeout", () => request.destroy(new Error(`${method} ${path}: timed out`)));
      request.on("error", reject);
      request.end(data);
    });
  }
}

module.exports = { startEmulator, Emulator };
