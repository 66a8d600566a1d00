#!/usr/bin/env python3
"""Attack and load clients for bench/hardening/run (standard library only).

    hardening.py signin  --port P --email E --password PW --server-pid PID --out FILE [options]
    hardening.py slow    --port P --server-pid PID --out FILE [options]
    hardening.py wrk     FILE...            (parses `wrk --latency` output into JSON on stdout)
    hardening.py summary RESULTS.json      (prints the tables)

signin: WORKERS tasks guess wrong passwords for one account as fast as the server answers
(each on its own kept-alive connection; a 429 is retried at once, as a careless attacker
would), with one X-Forwarded-For address for all of them (--distributed: one address each).
Meanwhile, every PROBE_EVERY seconds, a legitimate user signs in to the same account from
another address (GET /login for the form token on a new connection, then POST /login on
another; 303 expected) and GET /health is asked on a new connection (200 expected).

slow: SLOW connections send a request head one byte every INTERVAL seconds and never finish
it, IDLE connections send nothing; when the server closes one, it is opened again after a
second (a slowloris keeps its connections up). Meanwhile GET /health every 100 ms on a new
connection. --sources N spreads the attacking connections over N loopback source addresses
(127.1.x.y), so that a per-address connection cap sees N clients.

Both sample the server process (/proc/PID) every 0.5 s: resident memory, peak (VmHWM), open
file descriptors and CPU seconds. Results go to --out as JSON; progress to stderr.
"""
import argparse
import asyncio
import json
import os
import re
import sys
import time
import urllib.parse

# --- a small HTTP/1.1 client ------------------------------------------------------------


class Closed(Exception):
    """The server closed the connection before answering."""


class Connection:
    def __init__(self, host, port, local=None):
        self.host, self.port, self.local = host, port, local
        self.reader = self.writer = None

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection(
            self.host, self.port, local_addr=(self.local, 0) if self.local else None)

    def close(self):
        if self.writer is not None:
            try:
                self.writer.close()
            except Exception:
                pass
        self.reader = self.writer = None

    async def request(self, method, path, headers=(), body=b""):
        """Sends one request and reads the whole answer: (status, [(name, value)], body)."""
        if self.writer is None:
            await self.open()
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        lines += [f"{name}: {value}" for name, value in headers]
        if body or method in ("POST", "PUT"):
            lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await self.writer.drain()
        try:
            head = await self.reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError as error:
            self.close()
            raise Closed("closed before the answer" + (f" (after {len(error.partial)} bytes)" if error.partial else "")) from None
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        answer_headers = [tuple(part.strip() for part in line.split(":", 1)) for line in header_lines if ":" in line]
        values = {name.lower(): value for name, value in answer_headers}
        if "content-length" in values:
            data = await self.reader.readexactly(int(values["content-length"]))
        elif values.get("transfer-encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                data += await self.reader.readexactly(size + 2)
                if size == 0:   # no trailers: the last chunk's CRLF ends the answer
                    break
        else:
            data = await self.reader.read()
            self.close()
        if values.get("connection", "").lower() == "close":
            self.close()
        return status, answer_headers, data


def header(headers, name):
    return [value for key, value in headers if key.lower() == name]


def percentile(values, p):
    """Nearest-rank percentile; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def latency_summary(values):
    return {"count": len(values), "p50_ms": percentile(values, 50), "p99_ms": percentile(values, 99),
            "max_ms": max(values) if values else None}


def say(text):
    print(text, file=sys.stderr, flush=True)


# --- the server process --------------------------------------------------------------------


class ProcessSampler:
    """Samples /proc/PID every half second: RSS, VmHWM, open descriptors, CPU seconds."""

    def __init__(self, pid):
        self.pid = pid
        self.ticks = os.sysconf("SC_CLK_TCK")
        self.peak_rss_kb = self.hwm_kb = self.peak_fds = 0
        self.cpu_start = self.cpu()
        self.alive = True
        self.fd_series = []
        self.fd_limit = None
        try:
            with open(f"/proc/{pid}/limits") as file:
                for line in file:
                    if line.startswith("Max open files"):
                        self.fd_limit = int(line.split()[3])
        except (OSError, ValueError, IndexError):
            pass

    def cpu(self):
        try:
            with open(f"/proc/{self.pid}/stat") as file:
                fields = file.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / self.ticks
        except (OSError, IndexError, ValueError):
            return None

    def sample(self):
        try:
            with open(f"/proc/{self.pid}/status") as file:
                for line in file:
                    if line.startswith("VmRSS:"):
                        self.peak_rss_kb = max(self.peak_rss_kb, int(line.split()[1]))
                    elif line.startswith("VmHWM:"):
                        self.hwm_kb = max(self.hwm_kb, int(line.split()[1]))
            fds = len(os.listdir(f"/proc/{self.pid}/fd"))
            self.peak_fds = max(self.peak_fds, fds)
            self.fd_series.append(fds)
            self.cpu_end = self.cpu()
        except OSError:
            self.alive = False

    async def run(self, stop):
        while not stop.is_set() and self.alive:
            self.sample()
            try:
                await asyncio.wait_for(stop.wait(), 0.5)
            except asyncio.TimeoutError:
                pass
        self.sample()

    def result(self):
        cpu_end = getattr(self, "cpu_end", None)
        return {"peak_rss_mb": round(self.hwm_kb / 1024, 1), "sampled_rss_mb": round(self.peak_rss_kb / 1024, 1),
                "peak_fds": self.peak_fds, "fd_limit": self.fd_limit, "alive": self.alive,
                "cpu_seconds": round(cpu_end - self.cpu_start, 1) if cpu_end is not None and self.cpu_start is not None else None}


# --- sign-in attack -------------------------------------------------------------------------


async def login_form(host, port, xff):
    """GET /login on a new connection: (cookie header, token)."""
    connection = Connection(host, port)
    try:
        status, headers, body = await connection.request("GET", "/login", [("X-Forwarded-For", xff)])
    finally:
        connection.close()
    if status != 200:
        raise RuntimeError(f"GET /login answered {status}")
    cookies = [value.split(";", 1)[0] for value in header(headers, "set-cookie")]
    match = re.search(rb'name="_csrf" value="([^"]+)"', body)
    if not match:
        raise RuntimeError("no _csrf field on the sign-in page")
    return "; ".join(cookies), match.group(1).decode()


def login_body(token, email, password):
    return urllib.parse.urlencode({"_csrf": token, "email": email, "password": password, "next": "/"}).encode()


async def signin(args):
    host, port = args.host, args.port
    stop_sampling = asyncio.Event()
    sampler = ProcessSampler(args.server_pid)
    sampling = asyncio.create_task(sampler.run(stop_sampling))
    counts = {"sent": 0, "401": 0, "429": 0, "503": 0, "other_5xx": 0, "other": 0, "303": 0, "connection_errors": 0,
              "in_flight_at_end": 0}
    late = {}   # answers to guesses sent before the end that came after it (queued for a slot)
    retry_after = []
    attack_latency = {"401": [], "429": []}
    probe = {"signin_ms": [], "health_ms": [], "failures": [], "baseline_signin_ms": [], "baseline_health_ms": []}
    cookie, token = await login_form(host, port, args.attacker_address)

    async def signin_probe(phase):
        started = time.monotonic()
        try:
            legit_cookie, legit_token = await asyncio.wait_for(login_form(host, port, args.probe_address), args.probe_timeout)
            connection = Connection(host, port)
            begun = time.monotonic()
            try:
                status, headers, _ = await asyncio.wait_for(connection.request(
                    "POST", "/login",
                    [("Cookie", legit_cookie), ("Content-Type", "application/x-www-form-urlencoded"),
                     ("X-Forwarded-For", args.probe_address)],
                    login_body(legit_token, args.email, args.password)), args.probe_timeout)
            finally:
                connection.close()
            elapsed = (time.monotonic() - begun) * 1000
            if status == 303 and any(v.startswith("safer_session=") for v in header(headers, "set-cookie")):
                probe["baseline_signin_ms" if phase == "baseline" else "signin_ms"].append(elapsed)
            else:
                probe["failures"].append({"what": "sign-in", "at_s": round(started - attack_start, 1), "status": status,
                                          "ms": round(elapsed)})
        except Exception as error:   # timeouts and refused connections are failures too
            probe["failures"].append({"what": "sign-in", "at_s": round(started - attack_start, 1),
                                      "error": type(error).__name__ + (f": {error}" if str(error) else "")})

    async def health_probe(phase):
        begun = time.monotonic()
        connection = Connection(host, port)
        try:
            status, _, _ = await asyncio.wait_for(connection.request("GET", "/health"), args.probe_timeout)
            elapsed = (time.monotonic() - begun) * 1000
            if status == 200:
                probe["baseline_health_ms" if phase == "baseline" else "health_ms"].append(elapsed)
            else:
                probe["failures"].append({"what": "health", "at_s": round(begun - attack_start, 1), "status": status})
        except Exception as error:
            probe["failures"].append({"what": "health", "at_s": round(begun - attack_start, 1),
                                      "error": type(error).__name__ + (f": {error}" if str(error) else "")})
        finally:
            connection.close()

    # Baseline: the legitimate user and /health on a quiet server.
    attack_start = time.monotonic()
    for _ in range(args.baseline):
        await signin_probe("baseline")
        await health_probe("baseline")
        await asyncio.sleep(0.5)

    attack_start = time.monotonic()
    deadline = attack_start + args.duration
    guess = 0

    async def worker(index):
        nonlocal guess
        address = f"10.66.{index // 250}.{index % 250 + 1}" if args.distributed else args.attacker_address
        headers = [("Cookie", cookie), ("Content-Type", "application/x-www-form-urlencoded"), ("X-Forwarded-For", address)]
        connection = Connection(host, port)
        try:
            while time.monotonic() < deadline:
                guess += 1
                body = login_body(token, args.email, f"wrong-guess-{guess:07d}")
                counts["sent"] += 1
                begun = time.monotonic()
                try:
                    status, answer_headers, _ = await connection.request("POST", "/login", headers, body)
                except asyncio.CancelledError:
                    counts["in_flight_at_end"] += 1
                    raise
                except (OSError, Closed, asyncio.IncompleteReadError) as error:
                    counts["connection_errors"] += 1
                    connection.close()
                    await asyncio.sleep(0.05)
                    continue
                elapsed = (time.monotonic() - begun) * 1000
                key = str(status)
                finished_late = time.monotonic() > deadline
                if finished_late:
                    late[key] = late.get(key, 0) + 1
                if status in (401, 429, 503, 303):
                    counts[key] += 1
                elif status >= 500:
                    counts["other_5xx"] += 1
                else:
                    counts["other"] += 1
                if status == 429:
                    values = header(answer_headers, "retry-after")
                    if values:
                        retry_after.append(int(values[0]))
                if key in attack_latency:
                    attack_latency[key].append(elapsed)
                if finished_late:
                    break
        finally:
            connection.close()

    async def prober():
        # The legitimate user signs in every probe_every seconds, one sign-in at a time (a person
        # waits for the answer; overlapping attempts of their own would count against them in
        # the throttle). /health is asked in an open loop: one every probe_every seconds whether
        # or not the last was answered, so a stall shows as slow or failed probes, not fewer.
        async def user():
            next_at = time.monotonic()
            while time.monotonic() < deadline:
                await signin_probe("attack")
                next_at += args.probe_every
                await asyncio.sleep(max(0, next_at - time.monotonic()))
        healths, next_at = [], time.monotonic()
        signing = asyncio.create_task(user())
        while time.monotonic() < deadline:
            healths.append(asyncio.create_task(health_probe("attack")))
            next_at += args.probe_every
            await asyncio.sleep(max(0, next_at - time.monotonic()))
        await asyncio.gather(signing, *healths)

    say(f"  {args.workers} workers guessing for {args.duration:g} s "
        f"({'one address each' if args.distributed else 'one address: ' + args.attacker_address})")
    workers = [asyncio.create_task(worker(i)) for i in range(args.workers)]
    probing = asyncio.create_task(prober())
    await asyncio.sleep(max(0, deadline - time.monotonic()))
    elapsed = time.monotonic() - attack_start
    # Guesses sent before the end may be waiting for their slot (up to the throttle's cap): wait
    # for their answers, counted apart, then give up on the rest.
    _, pending = await asyncio.wait(workers, timeout=args.grace)
    for task in pending:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    await probing
    stop_sampling.set()
    await sampling
    minutes = args.duration / 60
    checked_in_window = counts["401"] - late.get("401", 0)
    result = {
        "scenario": "signin-distributed" if args.distributed else "signin-one-address",
        "workers": args.workers, "duration_s": args.duration,
        "attempts": counts, "answered_after_the_end": late,
        "checked_in_window": checked_in_window, "checked_per_minute": round(checked_in_window / minutes, 1),
        "attempts_per_second": round(counts["sent"] / elapsed, 1),
        "retry_after_s": {"min": min(retry_after) if retry_after else None, "max": max(retry_after) if retry_after else None},
        "attack_latency": {key: latency_summary(values) for key, values in attack_latency.items()},
        "probe": {"every_s": args.probe_every, "signin": latency_summary(probe["signin_ms"]),
                  "health": latency_summary(probe["health_ms"]),
                  "baseline_signin": latency_summary(probe["baseline_signin_ms"]),
                  "baseline_health": latency_summary(probe["baseline_health_ms"]),
                  "failures": probe["failures"]},
        "server": sampler.result(),
    }
    say(f"  sent {counts['sent']}, checked (401) {counts['401']}, refused (429) {counts['429']}, "
        f"busy (503) {counts['503']}, other 5xx {counts['other_5xx']}, connection errors {counts['connection_errors']}; "
        f"probe failures {len(probe['failures'])}")
    return result


# --- slow clients -----------------------------------------------------------------------------


async def slow(args):
    host, port = args.host, args.port
    stop_sampling = asyncio.Event()
    sampler = ProcessSampler(args.server_pid)
    sampling = asyncio.create_task(sampler.run(stop_sampling))
    state = {"opened": 0, "connect_failures": 0, "open_now": 0, "peak_open": 0, "closed_by_server": 0,
             "answered_before_close": {}, "reset": 0}
    lifetimes = {"slow": [], "idle": []}
    probe = {"ms": [], "baseline_ms": [], "failures": []}
    open_series = []

    def source(index):
        if args.sources <= 1:
            return args.attacker_source
        slot = index % args.sources
        return f"127.1.{slot // 250}.{slot % 250 + 1}"

    head = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow-client\r\n"

    def trickle():
        yield from head
        number = 0
        while True:   # header lines, without end
            number += 1
            yield from f"X-Slow-{number}: {'a' * 20}\r\n".encode()

    async def one(index, kind, deadline):
        while time.monotonic() < deadline:
            begun = time.monotonic()
            try:
                reader, writer = await asyncio.wait_for(asyncio.open_connection(
                    host, port, local_addr=(source(index), 0)), 5)
            except (OSError, asyncio.TimeoutError):
                state["connect_failures"] += 1
                await asyncio.sleep(1)
                continue
            state["opened"] += 1
            state["open_now"] += 1
            state["peak_open"] = max(state["peak_open"], state["open_now"])
            reading = asyncio.ensure_future(reader.read(4096))
            closed = None
            try:
                bytes_out = trickle() if kind == "slow" else None
                while time.monotonic() < deadline:
                    if bytes_out is not None:
                        writer.write(bytes([next(bytes_out)]))
                        await writer.drain()
                    wait = min(args.interval if bytes_out is not None else 1.0, max(0, deadline - time.monotonic()))
                    done, _ = await asyncio.wait({reading}, timeout=wait)
                    if done:
                        data = reading.result()
                        closed = "eof" if not data else data.split(b"\r\n", 1)[0].decode("latin-1")
                        break
            except (ConnectionResetError, BrokenPipeError) as error:
                closed = "reset"
            except OSError as error:
                closed = type(error).__name__
            except asyncio.CancelledError:
                raise
            finally:
                state["open_now"] -= 1
                if not reading.done():
                    reading.cancel()
                else:
                    try:
                        reading.result()
                    except Exception:
                        closed = closed or "reset"
                writer.close()
            if closed is None:
                return   # still open at the end of the run
            lifetime = time.monotonic() - begun
            lifetimes[kind].append(lifetime)
            state["closed_by_server"] += 1
            if closed == "reset":
                state["reset"] += 1
            elif closed != "eof":
                state["answered_before_close"][closed] = state["answered_before_close"].get(closed, 0) + 1
            if not args.reopen:
                return
            await asyncio.sleep(1)

    async def health_once(key):
        begun = time.monotonic()
        connection = Connection(host, port)
        try:
            status, _, _ = await asyncio.wait_for(connection.request("GET", "/health"), args.probe_timeout)
            if status == 200:
                probe[key].append((time.monotonic() - begun) * 1000)
            else:
                probe["failures"].append({"at_s": round(begun - start, 1), "status": status})
        except Exception as error:
            probe["failures"].append({"at_s": round(begun - start, 1),
                                      "error": type(error).__name__ + (f": {error}" if str(error) else "")})
        finally:
            connection.close()

    async def probe_health(key, until):
        # Open loop: one probe every probe_every seconds whether or not the last has been answered.
        probes, next_at = [], time.monotonic()
        while time.monotonic() < until:
            probes.append(asyncio.create_task(health_once(key)))
            next_at += args.probe_every
            await asyncio.sleep(max(0, next_at - time.monotonic()))
        await asyncio.gather(*probes)

    start = time.monotonic()
    await probe_health("baseline_ms", start + args.baseline)
    start = time.monotonic()
    deadline = start + args.duration
    say(f"  {args.slow} slow + {args.idle} idle connections from "
        f"{args.attacker_source if args.sources <= 1 else f'{args.sources} addresses'} for {args.duration:g} s "
        f"(one byte every {args.interval:g} s; {'reopened' if args.reopen else 'not reopened'} when closed)")
    tasks = [asyncio.create_task(one(i, "slow", deadline)) for i in range(args.slow)]
    tasks += [asyncio.create_task(one(args.slow + i, "idle", deadline)) for i in range(args.idle)]

    async def count_open():
        while time.monotonic() < deadline:
            open_series.append((round(time.monotonic() - start, 1), state["open_now"]))
            await asyncio.sleep(1)

    counting = asyncio.create_task(count_open())
    await probe_health("ms", deadline)
    still_open = open_series[-1][1] if open_series else state["open_now"]   # the last sample before the end
    await asyncio.gather(*tasks, return_exceptions=True)
    await counting
    stop_sampling.set()
    await sampling

    def lifetime_summary(values):
        return {"closed": len(values), "min_s": round(min(values), 1) if values else None,
                "p50_s": round(percentile(values, 50), 1) if values else None,
                "max_s": round(max(values), 1) if values else None,
                "under_1s": sum(1 for v in values if v < 1)}

    result = {
        "scenario": "slow-one-address" if args.sources <= 1 else "slow-many-addresses",
        "label": args.label, "slow": args.slow, "idle": args.idle, "sources": args.sources, "interval_s": args.interval,
        "duration_s": args.duration, "reopen": args.reopen,
        "connections": {"opened": state["opened"], "connect_failures": state["connect_failures"],
                        "closed_by_server": state["closed_by_server"], "reset": state["reset"],
                        "answered_before_close": state["answered_before_close"],
                        "peak_open": state["peak_open"], "open_at_end": still_open,
                        "slow_lifetimes": lifetime_summary(lifetimes["slow"]),
                        "idle_lifetimes": lifetime_summary(lifetimes["idle"]),
                        "open_over_time": open_series[::5]},
        "probe": {"every_s": args.probe_every, "health": latency_summary(probe["ms"]),
                  "baseline_health": latency_summary(probe["baseline_ms"]),
                  "failures_count": len(probe["failures"]), "failures": probe["failures"][:20]},
        "server": sampler.result(),
    }
    say(f"  opened {state['opened']}, closed by the server {state['closed_by_server']}, open at the end {still_open}; "
        f"/health p50 {fmt(result['probe']['health']['p50_ms'])} ms p99 {fmt(result['probe']['health']['p99_ms'])} ms, "
        f"failures {len(probe['failures'])} of {len(probe['ms']) + len(probe['failures'])}")
    return result


# --- wrk output -------------------------------------------------------------------------------


def to_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        return None
    value, unit = float(match.group(1)), match.group(2)
    return value * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def parse_wrk(path):
    text = open(path).read()
    result = {"file": os.path.basename(path)}
    match = re.search(r"Requests/sec:\s+([\d.]+)", text)
    result["requests_per_s"] = float(match.group(1)) if match else None
    match = re.search(r"(\d+) requests in ([\d.]+\w+)", text)
    result["requests"] = int(match.group(1)) if match else None
    for percent in ("50", "75", "90", "99"):
        match = re.search(rf"^\s+{percent}%\s+(\S+)", text, re.M)
        result[f"p{percent}_ms"] = to_ms(match.group(1)) if match else None
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    result["non_2xx_3xx"] = int(match.group(1)) if match else 0
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    result["socket_errors"] = dict(zip(("connect", "read", "write", "timeout"), map(int, match.groups()))) if match else {}
    return result


def wrk_run(args):
    """One wrk run (one or more wrk processes at once) as a run record."""
    parts = []
    for item in args.parts:
        target, path = item.split("=", 1)
        part = parse_wrk(path)
        part["target"] = target
        parts.append(part)
    sampler = ProcessSampler(args.server_pid)
    sampler.sample()
    server = sampler.result()
    server.pop("cpu_seconds", None)
    return {"scenario": "wrk", "label": args.label, "connections": args.connections, "threads": args.threads,
            "duration_s": args.duration, "parts": parts, "server": server}


# --- the server's log -------------------------------------------------------------------------


def log_stats(path):
    """Counts a server log's lines by level and the lines this benchmark looks for."""
    levels, samples = {}, []
    counts = {"failed_signins": 0, "refused_signins": 0, "connections_refused": 0}
    with open(path, errors="replace") as file:
        for line in file:
            parts = line.split(" ", 2)
            if len(parts) >= 2 and re.fullmatch(r"\d{4}-\d\d-\d\dT\S+", parts[0]):
                levels[parts[1]] = levels.get(parts[1], 0) + 1
                if parts[1] in ("error", "critical") and len(samples) < 5:
                    samples.append(line.strip()[:300])
            if "Failed sign-in for" in line:
                counts["failed_signins"] += 1
            elif "Sign-in refused for" in line:
                counts["refused_signins"] += 1
            elif re.search(r"Connection from \S+ refused", line):
                counts["connections_refused"] += 1
            elif re.search(r"fatal error|Fatal error|Segmentation|Illegal instruction|Trace/breakpoint", line) and len(samples) < 5:
                samples.append(line.strip()[:300])
    return {"lines_by_level": levels, **counts, "error_samples": samples}


def attach(args):
    with open(args.run) as file:
        run = json.load(file)
    run["log"] = log_stats(args.log)
    run["server_exit"] = args.exit
    if args.env:
        run["server_env"] = args.env
    with open(args.run, "w") as file:
        json.dump(run, file, indent=1)


def collect(args):
    """Gathers the run records into one results file, listing what looks wrong."""
    runs = []
    for path in args.runs:
        with open(path) as file:
            runs.append(json.load(file))
    problems = []
    for run in runs:
        name = run["scenario"] + (f" ({run['label']})" if run.get("label") else "")
        if run["scenario"].startswith("slow"):
            name = (f"slow clients ({run['label']}, {run['slow']}+{run['idle']} from {run['sources']} address(es), "
                    f"server descriptor limit {run['server'].get('fd_limit')})")
        log = run.get("log", {})
        if run.get("server_exit"):
            problems.append(f"{name}: the server stopped during the run: {run['server_exit']}")
        if run.get("server") and not run["server"].get("alive", True):
            problems.append(f"{name}: the server process was gone when sampled")
        levels = log.get("lines_by_level", {})
        if levels.get("error") or levels.get("critical"):
            problems.append(f"{name}: server log has {levels.get('error', 0)} error and {levels.get('critical', 0)} critical lines, "
                            f"e.g. {log['error_samples'][:2]}")
        if run["scenario"].startswith("signin"):
            a = run["attempts"]
            if a["other_5xx"]:
                problems.append(f"{name}: {a['other_5xx']} answers 5xx other than 503")
            if a["503"]:
                problems.append(f"{name}: {a['503']} sign-in attempts answered 503 (bcrypt queue full)")
            if a["connection_errors"]:
                problems.append(f"{name}: {a['connection_errors']} attack requests lost their connection")
            if a["other"]:
                problems.append(f"{name}: {a['other']} attack answers neither 401, 429 nor 5xx")
            if run["probe"]["failures"]:
                problems.append(f"{name}: {len(run['probe']['failures'])} legitimate probes failed, "
                                f"e.g. {run['probe']['failures'][:3]}")
        elif run["scenario"].startswith("slow"):
            if run["probe"]["failures_count"]:
                problems.append(f"{name}: {run['probe']['failures_count']} of the /health probes failed, "
                                f"e.g. {run['probe']['failures'][:3]}")
        elif run["scenario"] == "wrk":
            for part in run["parts"]:
                errors = sum(part["socket_errors"].values()) if part["socket_errors"] else 0
                if part["non_2xx_3xx"] or errors:
                    problems.append(f"{name}, {part['target']}: {part['non_2xx_3xx']} non-2xx/3xx answers, "
                                    f"socket errors {part['socket_errors']}")
                if not part["requests"]:
                    problems.append(f"{name}, {part['target']}: wrk reported no requests")
    meta = dict(item.split("=", 1) for item in args.meta)
    with open(args.out, "w") as file:
        json.dump({"meta": meta, "runs": runs, "problems": problems}, file, indent=1)


# --- summary ----------------------------------------------------------------------------------


def fmt(value, digits=0):
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}"


def table(headers, rows):
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) if rows else len(str(h)) for i, h in enumerate(headers)]
    line = lambda cells: "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows])


def log_line(log):
    levels = ", ".join(f"{level} {count}" for level, count in sorted(log["lines_by_level"].items()))
    text = (f"lines by level: {levels}; failed sign-ins {log['failed_signins']}, refused sign-ins {log['refused_signins']}, "
            f"connections refused {log['connections_refused']}")
    if log["error_samples"]:
        text += f"; first error: {log['error_samples'][0]}"
    return text


def summary(path):
    results = json.load(open(path))
    meta = results.get("meta", {})
    out = []
    out.append(f"Safer hardening benchmark, {meta.get('date', '?')}, {meta.get('nproc', '?')} cores, {meta.get('memory', '?')}, "
               f"load average at the start {meta.get('load', '?')}\n"
               f"binary {meta.get('binary', '?')} (built {meta.get('binary_mtime', '?')}; tree at run time {meta.get('commit', '?')})")
    signins = [r for r in results["runs"] if r["scenario"].startswith("signin")]
    if signins:
        out.append("\n1. Parallel sign-in attack on one account (wrong passwords; every %g s a correct sign-in from another address and GET /health)\n"
                   % signins[0]["probe"]["every_s"])
        rows = []
        for r in signins:
            a, p = r["attempts"], r["probe"]
            fails = len(p["failures"])
            rows.append([
                "one address" if r["scenario"] == "signin-one-address" else "one address per worker",
                r["workers"], f"{r['duration_s']:g}", fmt(a["sent"]), fmt(a["401"]), fmt(a["429"]), fmt(a["503"]), fmt(a["other_5xx"]),
                fmt(a["connection_errors"]), fmt(r["checked_per_minute"], 1),
                f"{fmt(p['baseline_signin']['p50_ms'])}", f"{fmt(p['signin']['p50_ms'])}/{fmt(p['signin']['p99_ms'])}",
                f"{fmt(p['baseline_health']['p50_ms'], 1)}", f"{fmt(p['health']['p50_ms'], 1)}/{fmt(p['health']['p99_ms'], 1)}",
                f"{fails}/{p['signin']['count'] + p['health']['count'] + fails}",
                fmt(r["server"]["peak_rss_mb"], 1), fmt(r["server"]["cpu_seconds"], 1)])
        out.append(table(["attackers", "workers", "s", "sent", "401 checked", "429", "503", "other 5xx", "conn err",
                          "checked/min", "ok sign-in quiet p50", "ok sign-in p50/p99 ms", "health quiet p50",
                          "health p50/p99 ms", "probe failures", "peak MB", "server CPU s"], rows))
        for r in signins:
            for failure in r["probe"]["failures"][:10]:
                out.append(f"   probe failure ({r['scenario']}): {failure}")
            if r["attempts"]["429"]:
                out.append(f"   {r['scenario']}: Retry-After {r['retry_after_s']['min']}–{r['retry_after_s']['max']} s; "
                           f"429 answered in p50 {fmt(r['attack_latency']['429']['p50_ms'], 1)} ms; "
                           f"401 answered in p50 {fmt(r['attack_latency']['401']['p50_ms'])} ms, max {fmt(r['attack_latency']['401']['max_ms'])} ms; "
                           f"answered after the end {r['answered_after_the_end']}, never answered {r['attempts']['in_flight_at_end']}")
            else:
                out.append(f"   {r['scenario']}: 401 answered in p50 {fmt(r['attack_latency']['401']['p50_ms'])} ms, "
                           f"max {fmt(r['attack_latency']['401']['max_ms'])} ms; answered after the end {r['answered_after_the_end']}, never answered {r['attempts']['in_flight_at_end']}")
            if "log" in r:
                out.append(f"   {r['scenario']}: server log: {log_line(r['log'])}")
    slows = [r for r in results["runs"] if r["scenario"].startswith("slow")]
    if slows:
        s0 = slows[0]
        out.append(f"\n2. Slow clients: connections sending a request head one byte every {s0['interval_s']:g} s (slow) or nothing (idle), "
                   f"reopened when closed; GET /health every {s0['probe']['every_s']:g} s on a new connection\n")
        rows = []
        for r in slows:
            c, p = r["connections"], r["probe"]
            total = p["health"]["count"] + p["failures_count"]
            rows.append([r["label"], f"{r['slow']}+{r['idle']}", "1" if r["sources"] <= 1 else str(r["sources"]),
                         fmt(r["server"].get("fd_limit")), f"{r['duration_s']:g}",
                         fmt(c["opened"]), fmt(c["closed_by_server"]), fmt(c["slow_lifetimes"]["under_1s"] + c["idle_lifetimes"]["under_1s"]),
                         f"{fmt(c['slow_lifetimes']['min_s'], 1)}/{fmt(c['slow_lifetimes']['p50_s'], 1)}/{fmt(c['slow_lifetimes']['max_s'], 1)}",
                         f"{fmt(c['idle_lifetimes']['p50_s'], 1)}",
                         fmt(c["peak_open"]), fmt(c["open_at_end"]),
                         fmt(p["baseline_health"]["p50_ms"], 1),
                         f"{fmt(p['health']['p50_ms'], 1)}/{fmt(p['health']['p99_ms'], 1)}/{fmt(p['health']['max_ms'], 0)}",
                         f"{p['failures_count']}/{total}", fmt(r["server"]["peak_fds"]), fmt(r["server"]["peak_rss_mb"], 1)])
        out.append(table(["server limits", "slow+idle", "sources", "fd limit", "s", "opened", "closed by server", "closed <1 s",
                          "slow closed after min/p50/max s", "idle closed p50 s", "peak open", "open at end",
                          "health quiet p50", "health p50/p99/max ms", "health failures", "server fds", "peak MB"], rows))
        for r in slows:
            if r["connections"]["answered_before_close"]:
                out.append(f"   {r['label']}, {r['slow']}+{r['idle']} from {r['sources']}: answers before closing: {r['connections']['answered_before_close']}")
            for failure in r["probe"]["failures"][:5]:
                out.append(f"   health failure ({r['label']}, {r['slow']}+{r['idle']} from {r['sources']}): {failure}")
            if "log" in r:
                out.append(f"   {r['label']}, {r['slow']}+{r['idle']} from {r['sources']}: server log: {log_line(r['log'])}")
    wrks = [r for r in results["runs"] if r["scenario"] == "wrk"]
    if wrks:
        out.append(f"\n3. wrk -c {wrks[0]['connections']} -t {wrks[0]['threads']} -d {wrks[0]['duration_s']}s --latency "
                   "(each wrk its own 50 connections; 'both' runs two wrk at once)\n")
        rows = []
        for r in wrks:
            for part in r["parts"]:
                errors = sum(part["socket_errors"].values()) if part["socket_errors"] else 0
                rows.append([r["label"], part["target"], fmt(part["requests"]), fmt(part["requests_per_s"], 1),
                             fmt(part["p50_ms"], 2), fmt(part["p99_ms"], 2), fmt(part["non_2xx_3xx"]), fmt(errors),
                             fmt(r["server"]["peak_rss_mb"], 1)])
        out.append(table(["run", "target", "requests", "req/s", "p50 ms", "p99 ms", "non-2xx", "socket errors", "peak MB"], rows))
        for r in wrks:
            for part in r["parts"]:
                if part["socket_errors"] and sum(part["socket_errors"].values()):
                    out.append(f"   {r['label']} {part['target']}: socket errors {part['socket_errors']}")
    peaks = [r["server"]["peak_rss_mb"] for r in results["runs"] if r.get("server")]
    if peaks:
        out.append(f"\nServer peak resident memory (VmHWM), largest over all runs: {max(peaks):.1f} MB")
    problems = results.get("problems", [])
    if problems:
        out.append("\nProblems seen:")
        out += [f"  - {p}" for p in problems]
    print("\n".join(out))


# --- main --------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("signin", "slow"):
        p = sub.add_parser(name)
        p.add_argument("--host", default="127.0.0.1")
        p.add_argument("--port", type=int, required=True)
        p.add_argument("--server-pid", type=int, required=True)
        p.add_argument("--out", required=True)
        p.add_argument("--duration", type=float, default=60)
        p.add_argument("--probe-timeout", type=float, default=30 if name == "signin" else 10,
                       help="a probe taking longer counts as failed")
        if name == "signin":
            p.add_argument("--email", required=True)
            p.add_argument("--password", required=True)
            p.add_argument("--workers", type=int, default=60)
            p.add_argument("--distributed", action="store_true")
            p.add_argument("--attacker-address", default="203.0.113.66")
            p.add_argument("--probe-address", default="198.51.100.10")
            p.add_argument("--probe-every", type=float, default=2)
            p.add_argument("--baseline", type=int, default=3, help="quiet probes before the attack")
            p.add_argument("--grace", type=float, default=35, help="seconds to wait for guesses queued at the end")
        else:
            p.add_argument("--slow", type=int, default=200)
            p.add_argument("--idle", type=int, default=50)
            p.add_argument("--interval", type=float, default=3)
            p.add_argument("--sources", type=int, default=1)
            p.add_argument("--attacker-source", default="127.0.0.2")
            p.add_argument("--no-reopen", dest="reopen", action="store_false")
            p.add_argument("--probe-every", type=float, default=0.1)
            p.add_argument("--baseline", type=float, default=3, help="seconds of quiet probing before the attack")
            p.add_argument("--label", default="")
    p = sub.add_parser("wrk")
    p.add_argument("--label", required=True)
    p.add_argument("--server-pid", type=int, required=True)
    p.add_argument("--connections", type=int, required=True)
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--duration", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("parts", nargs="+", help="TARGET=WRK_OUTPUT_FILE")
    p = sub.add_parser("attach")
    p.add_argument("run")
    p.add_argument("--log", required=True)
    p.add_argument("--exit", default="")
    p.add_argument("--env", default="")
    p = sub.add_parser("collect")
    p.add_argument("--out", required=True)
    p.add_argument("--meta", action="append", default=[])
    p.add_argument("runs", nargs="+")
    p = sub.add_parser("summary")
    p.add_argument("results")
    args = parser.parse_args()
    if args.command == "wrk":
        with open(args.out, "w") as file:
            json.dump(wrk_run(args), file, indent=1)
    elif args.command == "attach":
        attach(args)
    elif args.command == "collect":
        collect(args)
    elif args.command == "summary":
        summary(args.results)
    else:
        result = asyncio.run(signin(args) if args.command == "signin" else slow(args))
        with open(args.out, "w") as file:
            json.dump(result, file, indent=1)


if __name__ == "__main__":
    main()
