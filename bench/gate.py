"""Gate kiosk throughput: POST /api/v1/gates/{id}/frames through gunicorn (2 workers).

A fresh SQLite database is seeded with the demo, one person is enrolled (with consent)
from two shared photos and a kiosk device is registered for a gate, all through the API.
Then 1 and 4 concurrent kiosks each send 640x480 JPEG frames of a third photo of that
person, one request in flight per kiosk (as the SPA does), and the script prints frames
per second and p50/p95/p99 latency. Frames of the same person within the debounce window
log no new event, as at a real gate; --debounce 0 makes every frame write an event.

    .venv/bin/python bench/gate.py [--seconds 20] [--kiosks 1 4] [--redis-url URL]

Without --redis-url (or CONSERJE_REDIS_URL) each gunicorn worker runs embedded, with its
own in-process Redis. Prints numbers; asserts none.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.frames import FACES, gate_frame, jpeg  # noqa: E402

CONSERJE = str(Path(sys.executable).with_name("conserje"))
ADMIN, PASSWORD = "admin@demo.conserje.app", "conserje-demo"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def multipart(fields: dict[str, tuple[str, bytes, str]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, (filename, data, content_type) in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                     f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
                     + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), \
        f"multipart/form-data; boundary={boundary}"


class Client:
    def __init__(self, port: int, token: str | None = None):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.token = token

    def call(self, method: str, path: str, body=None, content_type="application/json"):
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        if body is not None and content_type == "application/json":
            body = json.dumps(body).encode()
        if body is not None:
            headers["Content-Type"] = content_type
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        data = response.read()
        if response.status >= 400:
            raise RuntimeError(f"{method} {path}: {response.status} {data[:300]!r}")
        return json.loads(data) if data else None


def prepare(port: int) -> tuple[int, str]:
    """Enrol one person and register a kiosk; return the gate id and the device token."""
    anonymous = Client(port)
    admin = Client(port, anonymous.call("POST", "/api/v1/auth/login",
                                        {"email": ADMIN, "password": PASSWORD})["access_token"])
    person = admin.call("POST", "/api/v1/people", {
        "first_name": "Bench", "last_name": "Kiosk", "doc_type": "passport",
        "doc_number": "BENCH1", "kind": "owner"})["id"]
    unit = admin.call("GET", "/api/v1/units?page_size=1")[0]["id"]  # a resident lives somewhere
    admin.call("POST", "/api/v1/memberships", {"unit_id": unit, "person_id": person,
                                               "role": "owner"})
    admin.call("POST", f"/api/v1/people/{person}/biometric-consent", {"version": "bench"})
    for n in (1, 2):
        photo = FACES / "obama" / f"{n}.jpg"
        body, ctype = multipart({"image": (photo.name, photo.read_bytes(), "image/jpeg")})
        admin.call("POST", f"/api/v1/people/{person}/faces", body, ctype)
    gate = admin.call("POST", "/api/v1/gates", {"name": "Bench gate", "direction": "both"})["id"]
    token = admin.call("POST", f"/api/v1/gates/{gate}/devices", {"name": "bench"})["token"]
    return gate, token


def kiosk(port: int, gate: int, token: str, frame: bytes, until: float, out: list[float],
          errors: list[str]) -> None:
    client = Client(port, token)
    body, ctype = multipart({"image": ("frame.jpg", frame, "image/jpeg")})
    while time.perf_counter() < until:
        started = time.perf_counter()
        try:
            result = client.call("POST", f"/api/v1/gates/{gate}/frames", body, ctype)
            assert result["faces"] and result["faces"][0]["decision"] == "granted", result
            out.append((time.perf_counter() - started) * 1000)
        except Exception as exc:  # report, keep going: a bench, not a test
            errors.append(str(exc)[:300])
            if len(errors) == 1:
                print("first error:", errors[0], file=sys.stderr)
            client = Client(port, token)


def run_load(port, gate, token, frame, kiosks: int, seconds: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    until = time.perf_counter() + seconds
    started = time.perf_counter()
    threads = [threading.Thread(target=kiosk, args=(port, gate, token, frame, until, latencies,
                                                    errors)) for _ in range(kiosks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else [0.0] * 99
    return {"kiosks": kiosks, "frames": len(latencies), "fps": len(latencies) / wall,
            "p50": q[49], "p95": q[94], "p99": q[98], "errors": len(errors)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20, help="per load level")
    parser.add_argument("--kiosks", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--debounce", type=int, default=30, help="CONSERJE_GATE_DEBOUNCE_SECONDS")
    parser.add_argument("--redis-url", default=os.environ.get("CONSERJE_REDIS_URL", ""))
    parser.add_argument("--server-log", default=os.devnull, help="where gunicorn's stderr goes")
    args = parser.parse_args()
    frame = jpeg(gate_frame(FACES / "obama" / "3.jpg"))
    with tempfile.TemporaryDirectory() as tmp:
        env = {"PATH": os.environ["PATH"], "HOME": tmp, "CONSERJE_SECRET_KEY": "bench-" + "x" * 32,
               "CONSERJE_DATABASE_URL": f"sqlite:///{tmp}/bench.db", "CONSERJE_VAR_DIR": tmp,
               "CONSERJE_MEDIA_DIR": f"{tmp}/media", "CONSERJE_REDIS_URL": args.redis_url,
               "CONSERJE_WARM_MODELS": "1", "CONSERJE_GATE_DEBOUNCE_SECONDS": str(args.debounce),
               "CONSERJE_LOGIN_MAX_ATTEMPTS_PER_IP": "1000"}
        for command in (["init-db"], ["seed-demo"]):
            subprocess.run([CONSERJE, *command], env=env, check=True, capture_output=True)
        port = free_port()
        log = open(args.server_log, "w")
        server = subprocess.Popen([CONSERJE, "serve", "--port", str(port), "--workers",
                                   str(args.workers)], env=env, stdout=subprocess.DEVNULL,
                                  stderr=log)
        try:
            for _ in range(240):
                try:
                    Client(port).call("GET", "/api/v1/health")
                    break
                except (OSError, RuntimeError):
                    time.sleep(0.5)
            gate, token = prepare(port)
            run_load(port, gate, token, frame, max(args.kiosks), 3)  # warm every worker
            results = [run_load(port, gate, token, frame, k, args.seconds) for k in args.kiosks]
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
    print(f"POST /frames, 640x480 JPEG ({len(frame) // 1024} KiB), gunicorn {args.workers} "
          f"workers, {os.cpu_count()} CPUs, redis: {args.redis_url or 'embedded per worker'}")
    print(f"{'kiosks':>7}{'frames':>8}{'fps':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
          f"{'errors':>8}")
    for r in results:
        print(f"{r['kiosks']:>7}{r['frames']:>8}{r['fps']:>8.2f}{r['p50']:>9.1f}{r['p95']:>9.1f}"
              f"{r['p99']:>9.1f}{r['errors']:>8}")


if __name__ == "__main__":
    main()
