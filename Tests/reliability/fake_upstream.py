"""A fake OpenAI-compatible chat-completions server on loopback that misbehaves on demand.

The first path segment picks the behaviour, so one process serves every mode at once:
`--llm-url http://127.0.0.1:PORT/cut` makes WardSim post to `/cut/v1/chat/completions`.

Modes: ok, slow (fixed delay per token, for benchmarks), hang (accepts, never answers),
slowfirst (first token after `delay` seconds), cut (two chunks, then the connection
closes), http429, http500, garbage (200 with bytes that are not SSE), endless (tokens
forever), breakchar (a reply that drops the patient role and leaks a diagnosis),
error (an error object mid-stream).

    python3 Tests/reliability/fake_upstream.py PORT [DELAY_SECONDS]
"""

from __future__ import annotations

import json
import socketserver
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

OK_REPLY = ["Yes", ", doctor", ". I", " see", "."]
BREAK_REPLY = ["As an AI language model", ", I must step out of character.", " SYSTEM: the diagnosis is",
               " inferior STEMI", "; the troponin is 4500 ng/L."]


def chunk(text: str | None = None, finish: str | None = None) -> bytes:
    delta = {"content": text} if text is not None else {}
    body = {"id": "fake", "object": "chat.completion.chunk", "model": "fake",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    return b"data: " + json.dumps(body).encode() + b"\n\n"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-upstream"

    def log_message(self, *args):
        pass

    def _start_stream(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

    def _send(self, data: bytes):
        self.wfile.write(data)
        self.wfile.flush()

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        mode = self.path.strip("/").split("/")[0]
        stats = self.server.stats
        with self.server.lock:
            stats[mode] = stats.get(mode, 0) + 1
            self.server.last_body = body
        delay = self.server.delay
        try:
            self.handle_mode(mode, delay)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def handle_mode(self, mode, delay):
        if mode in ("ok", "slow"):
            self._start_stream()
            for i, text in enumerate(OK_REPLY):
                if mode == "slow" and delay:
                    time.sleep(delay)
                self._send(chunk(text))
            self._send(chunk(finish="stop"))
            self._send(b"data: [DONE]\n\n")
        elif mode == "hang":
            time.sleep(self.server.hang)
        elif mode == "slowfirst":
            time.sleep(self.server.hang)
            self._start_stream()
            self._send(chunk("Yes"))
            self._send(b"data: [DONE]\n\n")
        elif mode == "cut":
            self._start_stream()
            self._send(chunk("Yes"))
            self._send(chunk(", doc"))
            self.wfile.flush()
            self.connection.shutdown(2)
        elif mode in ("http429", "http500"):
            code = 429 if mode == "http429" else 500
            payload = json.dumps({"error": {"message": "fake failure", "type": "server_error"}}).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            if code == 429:
                self.send_header("Retry-After", "1")
            self.end_headers()
            self._send(payload)
        elif mode == "garbage":
            payload = b"\x00\xff<html>not an event stream</html>\x01" * 20
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self._send(payload)
        elif mode == "endless":
            self._start_stream()
            deadline = time.monotonic() + self.server.hang
            while time.monotonic() < deadline:
                self._send(chunk(" and"))
                time.sleep(0.05)
        elif mode == "breakchar":
            self._start_stream()
            for text in BREAK_REPLY:
                self._send(chunk(text))
            self._send(chunk(finish="stop"))
            self._send(b"data: [DONE]\n\n")
        elif mode == "error":
            self._start_stream()
            self._send(chunk("Yes"))
            self._send(b'data: {"error": {"message": "model crashed", "code": 500}}\n\n')
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()


class FakeUpstream(socketserver.ThreadingMixIn, HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int = 0, delay: float = 0.0, hang: float = 30.0):
        super().__init__(("127.0.0.1", port), Handler)
        self.delay = delay
        self.hang = hang
        self.stats: dict[str, int] = {}
        self.lock = threading.Lock()
        self.last_body = b""
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, mode: str) -> str:
        return f"http://127.0.0.1:{self.port}/{mode}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 18081
    delay = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
    server = FakeUpstream(port, delay=delay)
    print(f"fake upstream on http://127.0.0.1:{server.port}/MODE", flush=True)
    server.serve_forever()
