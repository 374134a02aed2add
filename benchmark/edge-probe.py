#!/usr/bin/env python3
"""Issue 22's edge probe: slow clients and concurrent large batches against ./newsflow up.

Usage (with ./newsflow up running): python3 benchmark/edge-probe.py dev-local-key
  SLOW=100      slow clients per service (0 skips the phase); each sends headers promising
                100,000 bytes, then one byte a second
  SECONDS=20    how long keyed and open requests are timed while they trickle
  BATCHES=20    concurrent keyed batches of 1,000 distinct posts (9.5 MB each); half send
                Expect: 100-continue; a 503 is retried after 2 s; then the board is polled
                until it holds every post
Prints one line per phase: latencies and statuses, refusals, peak RSS, posts stored.
"""
import json, socket, sys, threading, time, http.client, statistics, os, subprocess

KEY = sys.argv[1] if len(sys.argv) > 1 else "dev-local-key"
PORTS = {"ingest": 8081, "article": 8082, "board": 8083}

def slow_client(port, method, path, stop, key=None):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=60)
        head = f"{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n"
        if key: head += f"X-API-Key: {key}\r\n"
        s.sendall((head + "\r\n").encode())
        while not stop.is_set():
            s.sendall(b" ")
            time.sleep(1)
            s.settimeout(0.01)
            try:
                if s.recv(1) == b"":
                    break
                else:
                    break
            except socket.timeout:
                pass
            s.settimeout(60)
        s.close()
    except OSError:
        pass

def timed(port, method, path, body=None, key=None):
    t = time.perf_counter()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json"}
    if key: headers["X-API-Key"] = key
    c.request(method, path, body=body, headers=headers)
    r = c.getresponse(); r.read(); c.close()
    return r.status, (time.perf_counter() - t) * 1000

def p99(values):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * 0.99))]

def slow_phase(n_per_service, seconds):
    stop = threading.Event()
    threads = []
    for name, port in PORTS.items():
        for i in range(n_per_service):
            method, path, key = ("POST", "/api/v1/posts", KEY if i % 2 else None) if name == "ingest" else ("GET", "/api/v1/boards" if name == "board" else "/api/v1/articles", None)
            t = threading.Thread(target=slow_client, args=(port, method, path, stop, key), daemon=True)
            t.start(); threads.append(t)
    time.sleep(3)
    lat = {name: [] for name in PORTS}; statuses = {}
    end = time.time() + seconds; n = 0
    while time.time() < end:
        n += 1
        for name, port in PORTS.items():
            if name == "ingest":
                s, ms = timed(port, "POST", "/api/v1/posts", json.dumps({"board": "probe", "number": n, "title": f"느린 손님 사이 {n}"}), KEY)
            else:
                s, ms = timed(port, "GET", "/api/v1/boards" if name == "board" else "/api/v1/articles")
            lat[name].append(ms); statuses[s] = statuses.get(s, 0) + 1
        time.sleep(0.05)
    stop.set()
    print(f"slow clients: {n_per_service} per service ({3*n_per_service} in all) trickling 1 byte/s for {seconds} s; "
          f"keyed/open requests meanwhile: " + ", ".join(f"{k} p50 {statistics.median(v):.0f} ms p99 {p99(v):.0f} ms ({len(v)})" for k, v in lat.items())
          + f"; statuses {statuses}")

def rss(pattern):
    out = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True).stdout.split()
    best = 0
    for pid in out:
        try:
            for line in open(f"/proc/{pid}/status"):
                if line.startswith("VmHWM:"):
                    best = max(best, int(line.split()[1]))
        except OSError:
            pass
    return best // 1024

def batch_phase(concurrent):
    bodies = [json.dumps([{"board": f"bulk{concurrent}x", "number": k * 1000 + i + 1, "title": f"부하 {i}", "author": "부하", "body": "가나다라 " * 725} for i in range(1000)], ensure_ascii=False).encode() for k in range(concurrent)]
    results = []
    def post(expect, body):
        sock = socket.create_connection(("127.0.0.1", 8081), timeout=120)
        head = (f"POST /api/v1/posts/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\nX-API-Key: {KEY}\r\n" + ("Expect: 100-continue\r\n" if expect else "") + "\r\n")
        sock.sendall(head.encode())
        f = sock.makefile("rb")
        if expect:
            line = f.readline()
            if b" 100 " not in line:
                status = int(line.split()[1]); sock.close(); return status
            f.readline()
        try:
            sock.sendall(body)
        except OSError:
            pass
        try:
            line = f.readline()
            status = int(line.split()[1])
            while f.readline() not in (b"\r\n", b""):
                pass
        except (OSError, IndexError, ValueError):
            status = -1
        sock.close()
        return status
    def send(k):
        expect = k % 2 == 0
        for attempt in range(60):
            s = post(expect, bodies[k])
            if s not in (503, -1):
                results.append((s, attempt, expect)); return
            refusals[(s, expect)] = refusals.get((s, expect), 0) + 1
            time.sleep(2)
        results.append((503, 60, expect))
    refusals = {}
    threads = [threading.Thread(target=send, args=(k,)) for k in range(concurrent)]
    t = time.time()
    for th in threads: th.start()
    for th in threads: th.join()
    statuses = {}
    for s, a, e in results: statuses[s] = statuses.get(s, 0) + 1
    retries = refusals
    print(f"batches: {concurrent} concurrent x 1,000 posts ({len(bodies[0])/1e6:.1f} MB each) in {time.time()-t:.0f} s: statuses {statuses}, "
          f"refusals before success (status, with Expect) {retries}; ingest alive: {rss('ingest-service') > 0}, ingest peak RSS {rss('ingest-service')} MB")

def stored(board, expected):
    for _ in range(120):
        c = http.client.HTTPConnection("127.0.0.1", 8083, timeout=30)
        c.request("GET", "/api/v1/boards")
        boards = json.loads(c.getresponse().read()); c.close()
        n = next((b["posts"] for b in boards if b["slug"] == board), 0)
        if n >= expected:
            break
        time.sleep(1)
    print(f"board {board}: {n} of {expected} posts stored")

if __name__ == "__main__":
    if os.environ.get("SLOW") != "0": slow_phase(int(os.environ.get("SLOW", "100")), int(os.environ.get("SECONDS", "20")))
    b = int(os.environ.get("BATCHES", "20"))
    batch_phase(b)
    stored(f"bulk{b}x", b * 1000)
