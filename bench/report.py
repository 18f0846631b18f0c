"""Writes BENCHMARKS.md and benchmarks.png from the figures `make bench` left in
build/bench/, and prints the tables. Run by `make bench` in its venv
(matplotlib); `python3 bench/report.py OUT_DIR` from the repository root."""

import datetime
import glob
import gzip
import json
import os
import platform
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

OUT = sys.argv[1] if len(sys.argv) > 1 else "build/bench"
WASM = "target/npm/hms-room-codes/hms_room_codes_bg.wasm"
OURS = "hms-room-codes"


def load(name):
    """The JSON document, or the JSON lines, of OUT/name."""
    with open(os.path.join(OUT, name)) as f:
        text = f.read()
    if name.endswith(".jsonl"):
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return json.loads(text)


def command(*args):
    """The first line a command prints, or "?" when it cannot run."""
    try:
        return subprocess.run(args, capture_output=True, text=True, check=True).stdout.strip().splitlines()[0]
    except (OSError, subprocess.CalledProcessError, IndexError):
        return "?"


def machine():
    """What ran the benchmarks: CPU, cores, memory, kernel, load, tool versions."""
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    mem = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    with open(os.path.join(OUT, "load.txt")) as f:
        load_before, load_after = f.read().split("\n")[:2]
    return [
        ("date", datetime.date.today().isoformat()),
        ("machine", f"{cpu}, {os.cpu_count()} cores, {mem / 1024 / 1024:.0f} GiB, Linux {platform.release()}"),
        ("load average (1, 5, 15 min) before / after", f"{load_before} / {load_after}"),
        ("rustc", command("rustc", "-V")),
        ("Node", command("node", "--version")),
        ("Go", command("go", "version")),
        ("C compiler", command("cc", "--version")),
        ("hms-room-codes", command("sed", "-n", 's/^version = "\\(.*\\)"/\\1/p', "Cargo.toml")),
        ("@100mslive/server-sdk", json.load(open("bench/js/package.json"))["devDependencies"]["@100mslive/server-sdk"]),
    ]


def table(header, rows):
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def by(rows, **keys):
    """The one row matching every key (None if there is none)."""
    return next((r for r in rows if all(r[k] == v for k, v in keys.items())), None)


def ratio(rows, row, baseline):
    """req/s of `row` over `baseline`'s in the same operation and concurrency (None without one)."""
    base = by(rows, client=baseline, operation=row["operation"], concurrency=row["concurrency"])
    return row["rps"] / base["rps"] if base else None


def throughput_table(rows, *baselines):
    """req/s and latency per client, with its ratio to each of `baselines`."""
    out = []
    for r in rows:
        ratios = [ratio(rows, r, b) for b in baselines]
        out.append([r["operation"], r["concurrency"], r["client"], f"{r['rps']:,.0f}", f"{r['p50_ms']:.3f}",
                    f"{r['p99_ms']:.3f}"] + ["" if x is None else f"{x:.2f}" for x in ratios])
    return table(["operation", "conc.", "client", "req/s", "p50 ms", "p99 ms"] + [f"× {b}" for b in baselines], out)


def core_rows():
    """Criterion's mean per benchmark, in µs."""
    rows = []
    for path in sorted(glob.glob("target/criterion/*/new/estimates.json")):
        title = json.load(open(os.path.join(os.path.dirname(path), "benchmark.json")))["title"]
        rows.append((title, json.load(open(path))["mean"]["point_estimate"] / 1000))
    return rows


def chart(node, native, path):
    """A bar chart of req/s per client, one panel per binding and operation."""
    panels = [("Node", node), ("C", [r for r in native if r["binding"] == "c"]),
              ("Go", [r for r in native if r["binding"] == "go"])]
    fig, axes = plt.subplots(len(panels), 2, figsize=(12, 10), constrained_layout=True)
    for row, (binding, rows) in enumerate(panels):
        for col, operation in enumerate(["create_for_role", "list"]):
            ax = axes[row][col]
            clients = list(dict.fromkeys(r["client"] for r in rows))
            width = 0.8 / len(clients)
            for i, client in enumerate(clients):
                values = [by(rows, client=client, operation=operation, concurrency=c)["rps"] for c in (1, 32)]
                bars = ax.bar([x + i * width for x in (0, 1)], values, width, label=client,
                              edgecolor="black" if client == OURS else None, linewidth=1.5)
                ax.bar_label(bars, fmt="{:,.0f}", fontsize=7)
            ax.set_xticks([x + width * (len(clients) - 1) / 2 for x in (0, 1)], ["concurrency 1", "concurrency 32"])
            whole = "a room of 100, iterated whole" if binding == "Node" else "a page of 100"
            title = f"list ({whole})" if operation == "list" else "create_for_role"
            ax.set_title(f"{binding}: {title}")
            ax.set_ylabel("req/s")
            ax.legend(fontsize=8)
    fig.suptitle("Requests per second against the local emulator (higher is better)")
    fig.savefig(path, dpi=110)


def fetch_targets(fetch):
    """Issue 20's targets: the fetch path against raw fetch, the Node default against node:http, browser bytes."""
    out = []
    for r in fetch["rows"]:
        if r["client"] == "ours" and r["baseline"] == "raw fetch":
            continue  # Deno's and Bun's default transport: reported, no target
        floor = 0.8 if r["baseline"] == "raw fetch" else 0.5
        out.append([f"{r['runtime']}: {r['client']} {r['operation']} conc. {r['concurrency']}: req/s ≥ {floor} × "
                    f"{r['baseline']}", f"{r['ratio']:.2f}", "yes" if r["ratio"] >= floor else "**no**"])
    gz = fetch["bundle"]["gzip"]
    out.append(["browser page (authTokenForCode + roomLink, esbuild, wasm embedded) ≤ 50 KB gzipped",
                f"{gz:,} bytes", "yes" if gz <= 50_000 else "**no**"])
    return out


def targets(node, native, cold, wasm_gz, core, soak, valgrind):
    """Each target of the benchmark issues: what it asks, the figure, and whether it is met."""
    ours, official = cold["ours"], cold["official"]
    rows = [("Node cold start: time added over `node -e 0` ≤ 1/5 of the official SDK's",
             ours["added_ms"] / official["added_ms"], 0.2),
            ("installed size ≤ 1/10 of the official SDK's", ours["installed_bytes"] / official["installed_bytes"], 0.1)]
    out = [[name, f"{x:.3f}", "yes" if x <= limit else "**no**"] for name, x, limit in rows]
    out.append([".wasm ≤ 100 KB gzipped", f"{wasm_gz:,} bytes", "yes" if wasm_gz <= 100_000 else "**no**"])
    for concurrency in (1, 32):
        page = by(node, client=OURS, operation="list_page", concurrency=concurrency)
        whole = by(node, client=OURS, operation="list", concurrency=concurrency)
        cost = page["rps"] / whole["rps"]
        out.append([f"Node conc. {concurrency}: iterating `list` costs ≤ 1.1 × `listPage` (same page of 100)",
                    f"{cost:.2f}", "yes" if cost <= 1.1 else "**no**"])
    c = [r for r in native if r["binding"] == "c"]
    go = [r for r in native if r["binding"] == "go"]
    for binding, rows, baseline, floor, concurrencies in (
            ("Node", node, "@100mslive/server-sdk", 1.2, (1, 32)), ("Node", node, "raw node:http", 0.5, (1, 32)),
            ("C", c, "libcurl + cJSON", 1.0, (1, 32)), ("Go", go, "raw net/http", 1.0, (1, 32))):
        for r in rows:
            if r["client"] != OURS or r["operation"] == "list_page" or r["concurrency"] not in concurrencies:
                continue
            x = ratio(rows, r, baseline)
            out.append([f"{binding} {r['operation']} conc. {r['concurrency']}: req/s ≥ {floor} × {baseline}",
                        f"{x:.2f}", "yes" if x >= floor else "**no**"])
    for r in go:
        if r["client"] == OURS and r["concurrency"] == 32:
            raw = by(go, client="raw net/http", operation=r["operation"], concurrency=32)
            out.append([f"Go {r['operation']} conc. 32: p99 ≤ raw net/http's", f"{r['p99_ms']:.1f} / {raw['p99_ms']:.1f} ms",
                        "yes" if r["p99_ms"] <= raw["p99_ms"] else "**no**"])
    one = next(us for title, us in core if "build + parse" in title and "100" not in title)
    out.append(["core build + parse of one code ≤ 10 µs", f"{one:.2f} µs", "yes" if one <= 10 else "**no**"])
    for s in soak:
        if "heap_10k" in s:
            growth = s["heap_end"] / s["heap_10k"]
            out.append([f"{s['binding']}: JS heap at 100k within 10% of the JS heap at 10k", f"{growth:.3f}",
                        "yes" if growth <= 1.1 and s["calls"] >= 100_000 else "**no**"])
        growth = s["rss_end"] / s["rss_10k"]
        out.append([f"{s['binding']}: RSS at 100k within 10% of RSS at 10k", f"{growth:.3f}",
                    "yes" if growth <= 1.1 and s["calls"] >= 100_000 else "**no**"])
    out.append(["valgrind, 10k C calls: no definite leak", valgrind.split(";")[0],
                "yes" if "definitely lost: 0 bytes" in valgrind or "no leaks are possible" in valgrind else "**no**"])
    return out


def main():
    node, cold, fetch = load("node.json"), load("cold.json"), load("fetch.json")
    native = load("c.jsonl") + load("go.jsonl")
    soak = [load(f"soak-{b}.json") for b in ("c", "go", "node")]
    with open(os.path.join(OUT, "valgrind.txt")) as f:
        valgrind = f.read().strip()
    wasm = open(WASM, "rb").read()
    wasm_gz = len(gzip.compress(wasm, 9))
    ours, official = cold["ours"], cold["official"]
    sdk_rows = [r for r in node + native if r["client"] in (OURS, "@100mslive/server-sdk")]
    raw_rows = [r for r in node + native if "raw" in r["client"]]
    core = core_rows()

    sections = ["# Benchmarks", "Written by `make bench` (which runs everything below from a fresh clone; see "
                "`mk/bench.mk`). Every client talks to the same local emulator (`emulator`) over "
                "loopback HTTP/1.1 keep-alive, on the machine below, in one run.",
                table(["", ""], machine())]
    emulator = []
    for op in ("create_for_role", "list"):
        raw = max((r for r in raw_rows if r["operation"] == op), key=lambda r: r["rps"])
        sdk = max((r for r in sdk_rows if r["operation"] == op), key=lambda r: r["rps"])
        emulator.append([op, f"{raw['rps']:,.0f} ({raw['binding']} {raw['client']}, conc. {raw['concurrency']})",
                         f"{sdk['rps']:,.0f} ({sdk['binding']} {sdk['client']}, conc. {sdk['concurrency']})"])
    sections += ["## The emulator is not the bottleneck",
                 "The most req/s the emulator served to a raw client, against the most any SDK reached:",
                 table(["operation", "emulator, raw client", "fastest SDK"], emulator)]
    sections += ["## Node: ours vs the official SDK vs raw `fetch` vs raw `node:http`",
                 "Clients interleaved (each round runs every client once, in a rotated order, `list` and "
                 "`list_page` in the same rounds; 5 rounds, after a warm-up); req/s is the median of the rounds' "
                 "figures. `hms-room-codes` uses its Node default (node:http keep-alive); "
                 "`hms-room-codes (global fetch)` passes Node's `fetch`. The official SDK's logger is set to "
                 "`warn` (by default it prints every call). The raw clients send the emulator's fixed token, the "
                 "SDKs sign their own HS256 token (cached). `list`: every code of a room of 100 (one page), "
                 "iterated to the end one code at a time (`for await` over the SDKs' `list`; the raw clients "
                 "loop over the parsed page); `list_page`: ours' `listPage`, the same page as one array. Ratios "
                 "against the official SDK and raw `node:http`:",
                 throughput_table(node, "@100mslive/server-sdk", "raw node:http"),
                 "![req/s per client](benchmarks.png)"]
    sections += ["## Where the runtime's `fetch` is the transport: Deno, Bun, Node with `fetch`",
                 "`bench/js/fetch/rows.mjs`: each runtime runs `bench/js/fetch/child.mjs` against the same emulator, "
                 "its clients interleaved (3 rounds after a warm-up, req/s the median). `ours (global fetch)` is "
                 "a client given `fetch: globalThis.fetch`; `ours` the package's default (in Deno and Bun, which "
                 "read the `node` condition, `node:http`); `raw fetch` is the runtime's `fetch` plus `res.json()`. "
                 "`list_page`: a whole page of 100 codes, each read once.",
                 table(["runtime", "client", "operation", "conc.", "req/s", "p50 ms", "p99 ms", "baseline",
                        "baseline req/s", "× baseline"],
                       [[r["version"], r["client"], r["operation"], r["concurrency"], f"{r['rps']:,.0f}",
                         f"{r['p50_ms']:.3f}", f"{r['p99_ms']:.3f}", r["baseline"], f"{r['baseline_rps']:,.0f}",
                         f"{r['ratio']:.2f}"] for r in fetch["rows"]]),
                 f"The browser page (`bench/js/fetch/page.mjs`: `authTokenForCode` + `roomLink`), bundled by "
                 f"esbuild (`--minify`, ES2022) with the wasm embedded: {fetch['bundle']['raw']:,} bytes, "
                 f"{fetch['bundle']['gzip']:,} bytes gzipped (`gzip -9`)."]
    sections += ["## Node cold start and footprint",
                 "Cold start: whole processes, timed from outside, in pairs: each round a bare `node -e 0` "
                 f"(median {cold['bare_ms']:.1f} ms), then a process that imports the package, constructs a "
                 "client and makes one create-for-role call, for each package; the time a package adds is the "
                 "median over rounds of its process minus that round's bare one. Footprint: a fresh "
                 "`npm install` of each (ours from the packed tarball).",
                 table(["", OURS, "@100mslive/server-sdk", "ours / official"], [
                     ["whole process, ms", f"{ours['process_ms']:.1f}", f"{official['process_ms']:.1f}",
                      f"{ours['process_ms'] / official['process_ms']:.2f}"],
                     ["added over `node -e 0`, ms", f"{ours['added_ms']:.1f}", f"{official['added_ms']:.1f}",
                      f"{ours['added_ms'] / official['added_ms']:.3f}"],
                     ["peak RSS, MB", f"{ours['peak_rss'] / 1e6:.1f}", f"{official['peak_rss'] / 1e6:.1f}",
                      f"{ours['peak_rss'] / official['peak_rss']:.2f}"],
                     ["installed bytes", f"{ours['installed_bytes']:,}", f"{official['installed_bytes']:,}",
                      f"{ours['installed_bytes'] / official['installed_bytes']:.3f}"],
                     ["installed files", ours["installed_files"], official["installed_files"],
                      f"{ours['installed_files'] / official['installed_files']:.3f}"],
                     ["packages", ours["packages"], official["packages"], ""],
                 ]),
                 f"The `.wasm`: {len(wasm):,} bytes raw, {wasm_gz:,} bytes gzipped (`gzip -9`)."]
    sections += ["## Native: the C client and the Go binding vs what their users would write",
                 "C: the C client against what a C user would write without it, libcurl (a kept-alive handle per "
                 "thread) + cJSON decoding into structs (`bench/c/curl_json.c`), and against a hand-written "
                 "HTTP/1.1 keep-alive loop that reads the body but parses no JSON (`bench/c/raw_http.c`, the "
                 "limit line); Go: the binding against `net/http` keep-alive decoding the JSON into structs. 1 "
                 "and 32 threads / goroutines share one client.",
                 throughput_table([r for r in native if r["binding"] == "c"], "libcurl + cJSON", "raw keep-alive"),
                 throughput_table([r for r in native if r["binding"] == "go"], "raw net/http")]
    sections += ["## Core: building a request and parsing a response",
                 "Criterion (`cargo bench --bench core`), mean time per operation, no I/O:",
                 table(["benchmark", "µs"], [[t, f"{us:.2f}"] for t, us in core])]
    sections += ["## Soak: 100k calls with faults",
                 "`make soak`: create-for-role / list / set-enabled / auth-token in turn, a fresh room per 100 calls; "
                 "every 1000 calls a 429 and a 503 (`Retry-After: 0`) on the next listings and a connection reset "
                 "on the next set-enabled, which the clients retry through. RSS after 10k calls and at the end "
                 "(Go and Node after a GC).",
                 table(["binding", "calls", "failed", "faults", "seconds", "RSS at 10k, MB", "RSS at end, MB",
                        "end / 10k"],
                       [[s["binding"], f"{s['calls']:,}", s["failures"], s["faults"], f"{s['seconds']:.1f}",
                         f"{s['rss_10k'] / 1e6:.1f}", f"{s['rss_end'] / 1e6:.1f}",
                         f"{s['rss_end'] / s['rss_10k']:.3f}"] for s in soak]),
                 f"valgrind on 10k C calls: {valgrind}"]
    sections += ["## Targets", table(["target", "figure", "met"], targets(node, native, cold, wasm_gz, core, soak,
                                                                           valgrind) + fetch_targets(fetch))]
    notes = os.path.join(os.path.dirname(__file__), "NOTES.md")
    if os.path.exists(notes):
        sections.append(open(notes).read().strip())
    with open("BENCHMARKS.md", "w") as f:
        f.write("\n\n".join(sections) + "\n")
    chart(node, native, "benchmarks.png")
    print("\n\n".join(sections[3:]))


if __name__ == "__main__":
    main()
