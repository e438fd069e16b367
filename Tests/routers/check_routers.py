"""Every router flowc writes, on a real engine, answers every case of every dispatch of a built tree.

Usage: check_routers.py FLOWC TREE [TREE...] [--engine nginx] [--engine worker]

For each built tree it runs `flowc router nginx` under Debian's nginx and `flowc router cloudflare` under
Node.js (Tests/routers/serve_worker.mjs), then sends requests shaped as Twilio sends them (GET with the
parameters in the query, values percent-encoded or with `+` for spaces) and checks the bytes served:
every route serves its own file; at a junction each value of each case serves the case's file, an unknown
value or no parameter the default; a path outside routes.json (routes.json itself included) is 404.
The expected file comes from routes.json alone: the first case naming a value wins (flowc reports a
repeated value, FLOW228), so each value has one expected file. nginx does not normalise speech
(Docs/Output.md#routers): its `words` cases are expected to take the default.
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port, process, name):
    for _ in range(100):
        if process.poll() is not None:
            raise SystemExit(f"{name} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{name} did not start on port {port}")


def get(port, target, method="GET", body=None, headers=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{target}", method=method, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def requests_for(manifest, tree, engine):
    """(target, expected status, expected bytes or None, what) for every check of one tree."""
    def read(file):
        with open(os.path.join(tree, file), "rb") as handle:
            return handle.read()

    checks = []
    for route in manifest["routes"]:
        checks.append((route["path"], 200, read(route["file"]), "its own file"))
        dispatch = route.get("dispatch")
        if not dispatch:
            continue
        default = read(dispatch["default"]["file"])
        seen = set()
        for index, case in enumerate(dispatch["cases"]):
            parameter = case.get("parameter", dispatch["parameter"])
            words = case.get("match", dispatch["match"]) == "words"
            for value in case["values"]:
                if (parameter, value) in seen:
                    continue
                seen.add((parameter, value))
                expected = default if (words and engine == "nginx") else read(case["file"])
                spellings = {urllib.parse.quote(value, safe=""), urllib.parse.quote_plus(value, safe="*")}
                if words:
                    spellings.add(urllib.parse.quote_plus(value.upper() + ", please!"))
                    spellings.add(urllib.parse.quote_plus("I would like " + value + "."))
                for spelling in sorted(spellings):
                    target = f"{route['path']}?CallSid=CA0&{parameter}={spelling}&{parameter}=zzz"
                    checks.append((target, 200, expected, f"case {index + 1} ({parameter}={value})"))
        first = dispatch["cases"][0]
        parameter = first.get("parameter", dispatch["parameter"])
        checks.append((f"{route['path']}?{parameter}=zzz-unknown", 200, default, "an unknown value: the default"))
        checks.append((f"{route['path']}?CallSid=CA0", 200, default, "no parameter: the default"))
        if first.get("match", dispatch["match"]) == "exact" and first["values"][0]:
            # Values compare case-sensitively, as Twilio sends them.
            checks.append((f"{route['path']}?{parameter}={urllib.parse.quote(first['values'][0].upper() + 'X')}",
                           200, default, "another spelling: the default"))
    checks.append(("/routes.json", 404, None, "routes.json is not a route"))
    checks.append(("/no/such/route.xml", 404, None, "a path outside the manifest"))
    checks.append(("/" + manifest["routes"][0]["file"] + "/../routes.json", 404, None, "a dot segment"))
    return checks


def start_nginx(flowc, tree, scratch):
    snippet = os.path.join(scratch, "flowc-routes.conf")
    with open(snippet, "w") as out:
        subprocess.run([flowc, "router", "nginx", tree], stdout=out, check=True)
    port = free_port()
    conf = os.path.join(scratch, "nginx.conf")
    with open(conf, "w") as out:
        out.write(f"""daemon off;
worker_processes 1;
{"user root;" if os.geteuid() == 0 else ""}
pid {scratch}/nginx.pid;
error_log {scratch}/error.log;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {scratch}/body;
  proxy_temp_path {scratch}/proxy;
  fastcgi_temp_path {scratch}/fastcgi;
  uwsgi_temp_path {scratch}/uwsgi;
  scgi_temp_path {scratch}/scgi;
  server {{
    listen 127.0.0.1:{port};
    root {os.path.abspath(tree)};
    include {snippet};
  }}
}}
""")
    nginx = subprocess.run(["nginx", "-t", "-p", scratch, "-c", conf], capture_output=True, text=True)
    if nginx.returncode != 0:
        raise SystemExit(f"nginx rejects the generated snippet:\n{nginx.stderr}")
    process = subprocess.Popen(["nginx", "-p", scratch, "-c", conf])
    wait_for(port, process, "nginx")
    return process, port


def start_worker(flowc, tree, scratch):
    worker = os.path.join(scratch, "worker.mjs")
    with open(worker, "w") as out:
        subprocess.run([flowc, "router", "cloudflare", tree], stdout=out, check=True)
    port = free_port()
    harness = os.path.join(os.path.dirname(os.path.abspath(__file__)), "serve_worker.mjs")
    process = subprocess.Popen(["node", harness, worker, os.path.abspath(tree), str(port)], stdout=subprocess.DEVNULL)
    wait_for(port, process, "node")
    return process, port


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("flowc")
    parser.add_argument("trees", nargs="+")
    parser.add_argument("--engine", action="append", choices=["nginx", "worker"], default=[])
    arguments = parser.parse_args()
    engines = arguments.engine or ["nginx", "worker"]
    failures = 0
    total = 0
    for tree in arguments.trees:
        with open(os.path.join(tree, "routes.json"), encoding="utf-8") as handle:
            manifest = json.load(handle)
        junctions = sum(1 for route in manifest["routes"] if route.get("dispatch"))
        for engine in engines:
            with tempfile.TemporaryDirectory() as scratch:
                start = start_nginx if engine == "nginx" else start_worker
                process, port = start(arguments.flowc, tree, scratch)
                try:
                    checks = requests_for(manifest, tree, engine)
                    for target, status, body, what in checks:
                        total += 1
                        got_status, got_body = get(port, target)
                        if got_status != status or (body is not None and got_body != body):
                            failures += 1
                            print(f"FAIL {engine} {target}: {what}: got {got_status}", file=sys.stderr)
                    if engine == "worker":
                        # Twilio may POST a form; the Worker reads it (nginx serves GET only).
                        for route in manifest["routes"]:
                            dispatch = route.get("dispatch")
                            if not dispatch:
                                continue
                            case = dispatch["cases"][0]
                            parameter = case.get("parameter", dispatch["parameter"])
                            form = urllib.parse.urlencode({"CallSid": "CA0", parameter: case["values"][0]}).encode()
                            total += 1
                            got_status, got_body = get(port, route["path"], "POST", form,
                                                       {"Content-Type": "application/x-www-form-urlencoded"})
                            with open(os.path.join(tree, case["file"]), "rb") as handle:
                                if got_status != 200 or got_body != handle.read():
                                    failures += 1
                                    print(f"FAIL worker POST {route['path']}: got {got_status}", file=sys.stderr)
                    print(f"{engine}: {tree}: {len(checks)} requests over {junctions} junctions")
                finally:
                    process.terminate()
                    process.wait(timeout=10)
    if junctions == 0:
        print("warning: no junction in the last tree", file=sys.stderr)
    print(f"{total - failures}/{total} requests answered as routes.json says")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
