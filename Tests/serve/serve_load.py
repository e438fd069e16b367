"""Load test of flowc-serve (issue #15): hostile traffic and signed requests at once.

Run by Tests/serve/ci.sh (so by .ci/run) against the server that checks signatures, with:

  FLOWC_SERVE_URL    http://127.0.0.1:PORT
  FLOWC_SERVE_TOKEN  its auth token
  FLOWC_SERVE_PID    its process id (for its CPU time, from /proc)
  FLOWC_SERVE_ROUTES its routes.json

For LOAD_SECONDS (15) it holds 500 hostile connections open at once, replacing each one the server
closes:
  - 250 idle: connect and send nothing;
  - 150 slow: send a request head one byte every 500 ms (slowloris);
  - 50 oversized heads: a 200 KB header;
  - 50 oversized bodies: Content-Length 512 MB and a stream of bytes;
while a client sends a signed GET and a signed POST (the official twilio library's RequestValidator)
every 100 ms on fresh connections. Passes when every signed request is answered 200 within
SIGNED_BOUND seconds (2.0), and when, 2 s after the load stops, the server uses less than 5% of one
core over 3 s (its CPU back to idle). Prints the numbers either way.
"""

import http.client
import json
import os
import selectors
import socket
import sys
import threading
import time
import urllib.parse

from twilio.request_validator import RequestValidator

LOAD_SECONDS = float(os.environ.get("LOAD_SECONDS", "15"))
SIGNED_BOUND = 2.0
IDLE_CPU_SHARE = 0.05
MIX = {"idle": 250, "slow": 150, "bighead": 50, "bigbody": 50}


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


class Hostile:
    """One hostile connection, driven by the selector loop."""

    def __init__(self, kind, host, port, route):
        self.kind = kind
        self.sock = socket.create_connection((host, port), timeout=5)
        self.sock.setblocking(False)
        self.pending = b""
        self.trickle = b""
        if kind == "slow":
            self.trickle = f"GET {route} HTTP/1.1\r\nHost: {host}:{port}\r\nX-Slow: ".encode() + b"a" * 10000
        elif kind == "bighead":
            self.pending = f"GET {route} HTTP/1.1\r\nHost: {host}:{port}\r\nX-Big: ".encode() + b"b" * 200_000 + b"\r\n\r\n"
        elif kind == "bigbody":
            self.pending = (
                f"POST {route} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                "Content-Length: 536870912\r\nX-Twilio-Signature: wrong\r\n\r\n"
            ).encode()
        self.next_byte = time.monotonic()

    def step(self):
        """Sends what is due; False once the server has closed the connection."""
        try:
            if self.kind == "bigbody" and len(self.pending) < 65536:
                self.pending += b"c" * 65536
            if self.kind == "slow" and self.trickle and time.monotonic() >= self.next_byte:
                self.pending += self.trickle[:1]
                self.trickle = self.trickle[1:]
                self.next_byte = time.monotonic() + 0.5
            if self.pending:
                sent = self.sock.send(self.pending)
                self.pending = self.pending[sent:]
            data = self.sock.recv(65536)
            if data == b"":
                return False
        except BlockingIOError:
            pass
        except OSError:
            return False
        return True

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def hostile_loop(host, port, route, stop, counts):
    live = []
    while not stop.is_set():
        for kind, wanted in MIX.items():
            have = sum(1 for h in live if h.kind == kind)
            for _ in range(wanted - have):
                try:
                    live.append(Hostile(kind, host, port, route))
                    counts["opened"] += 1
                except OSError:
                    counts["refused"] += 1
        counts["peak"] = max(counts["peak"], len(live))
        still = []
        for h in live:
            if h.step():
                still.append(h)
            else:
                h.close()
                counts["closed_by_server"] += 1
        live = still
        time.sleep(0.02)
    for h in live:
        h.close()


def signed_loop(host, port, token, routes, stop, results):
    validator = RequestValidator(token)
    base = f"http://{host}:{port}"
    index = 0
    while not stop.is_set():
        route = routes[index % len(routes)]
        index += 1
        params = {"CallSid": f"CA{index:032d}", "From": "+15551234567", "Digits": "1"}
        start = time.monotonic()
        try:
            conn = http.client.HTTPConnection(host, port, timeout=10)
            if index % 2:
                target = route + "?" + urllib.parse.urlencode(params)
                conn.request("GET", target, headers={"X-Twilio-Signature": validator.compute_signature(base + target, {})})
            else:
                body = urllib.parse.urlencode(params)
                conn.request(
                    "POST", route, body=body,
                    headers={
                        "Content-Type": "application/x-www-form-urlencoded",
                        "X-Twilio-Signature": validator.compute_signature(base + route, params),
                    })
            response = conn.getresponse()
            response.read()
            status = response.status
            conn.close()
        except OSError as error:
            status = f"error: {error}"
        results.append((status, time.monotonic() - start))
        time.sleep(0.1)


def main():
    url = urllib.parse.urlparse(os.environ["FLOWC_SERVE_URL"])
    host, port = url.hostname, url.port
    token = os.environ["FLOWC_SERVE_TOKEN"]
    pid = int(os.environ["FLOWC_SERVE_PID"])
    with open(os.environ["FLOWC_SERVE_ROUTES"], encoding="utf-8") as handle:
        routes = [route["path"] for route in json.load(handle)["routes"]]

    stop = threading.Event()
    counts = {"opened": 0, "refused": 0, "closed_by_server": 0, "peak": 0}
    results = []
    cpu_before = cpu_seconds(pid)
    hostile = threading.Thread(target=hostile_loop, args=(host, port, routes[0], stop, counts))
    signed = threading.Thread(target=signed_loop, args=(host, port, token, routes, stop, results))
    hostile.start()
    time.sleep(1.0)  # the 500 connections are up before the signed requests start
    signed.start()
    time.sleep(LOAD_SECONDS)
    stop.set()
    hostile.join()
    signed.join()
    cpu_load = cpu_seconds(pid) - cpu_before

    time.sleep(2.0)
    idle_start = cpu_seconds(pid)
    time.sleep(3.0)
    idle_share = (cpu_seconds(pid) - idle_start) / 3.0

    latencies = sorted(t for _, t in results)
    failures = [(s, t) for s, t in results if s != 200 or t >= SIGNED_BOUND]
    print(
        f"hostile connections: peak {counts['peak']} open at once, {counts['opened']} opened, "
        f"{counts['closed_by_server']} closed by the server, {counts['refused']} refused at connect")
    if latencies:
        print(
            f"signed requests: {len(results)}, all 200 within {SIGNED_BOUND} s: {not failures}; "
            f"median {latencies[len(latencies) // 2] * 1000:.1f} ms, max {latencies[-1] * 1000:.1f} ms")
    print(f"server CPU: {cpu_load:.2f} s during {LOAD_SECONDS:.0f} s of load; {idle_share * 100:.1f}% of a core afterwards")
    ok = True
    if counts["peak"] < 500:
        print("FAIL: fewer than 500 hostile connections were open at once")
        ok = False
    if not results or failures:
        print(f"FAIL: signed requests not served within {SIGNED_BOUND} s: {failures[:10]}")
        ok = False
    if idle_share >= IDLE_CPU_SHARE:
        print(f"FAIL: the server did not return to idle ({idle_share * 100:.1f}% of a core)")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
