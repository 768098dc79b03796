"""A fake GOV.UK Notify on loopback for tests: it checks the client's signed token, keeps what it
was sent, and answers as Notify does (201 with an id), or with an error when told to."""

import json
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt

SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506"
SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0"
API_KEY = f"kinfolk_test-{SERVICE_ID}-{SECRET}"
EMAIL_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a"
SMS_TEMPLATE = "b8a6c2bc-1a1e-4e7d-9c26-3c3a0c1f9b5e"


@dataclass
class FakeNotify:
    """What the fake server was sent, and how it should answer the next requests."""

    received: list[dict] = field(default_factory=list)
    fail_with: list[int] = field(default_factory=list)  # status codes to answer, in turn
    url: str = ""

    def sent_to(self, path_end: str) -> list[dict]:
        return [item["body"] for item in self.received if item["path"].endswith(path_end)]


def _handler(state: FakeNotify):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _answer(self, status: int, body: dict) -> None:
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_POST(self):
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            try:
                claims = jwt.decode(token, SECRET, algorithms=["HS256"])
            except jwt.PyJWTError:
                return self._answer(403, {"errors": [{"error": "AuthError"}]})
            if claims.get("iss") != SERVICE_ID:
                return self._answer(403, {"errors": [{"error": "AuthError"}]})
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            state.received.append({"path": self.path, "body": body})
            if state.fail_with:
                status = state.fail_with.pop(0)
                return self._answer(status, {"status_code": status, "errors": [{"error": "x"}]})
            return self._answer(
                201,
                {"id": str(uuid.uuid4()), "reference": body.get("reference"), "content": {}},
            )

    return Handler


def start() -> tuple[FakeNotify, ThreadingHTTPServer]:
    """A fake Notify listening on 127.0.0.1 on a free port, in a background thread."""
    state = FakeNotify()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return state, server
