"""Static file server for the browser benchmarks: like `python3 -m http.server`,
plus the two headers that make the page cross-origin isolated, so that
performance.now() and User Timing have 5 µs resolution instead of 100 µs.

    python3 tests/bench/serve.py PORT DIRECTORY
"""

import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        super().end_headers()

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port, directory = int(sys.argv[1]), sys.argv[2]
    handler = functools.partial(Handler, directory=directory)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
