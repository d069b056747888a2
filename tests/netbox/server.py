#!/usr/bin/env python3
"""A small NetBox stand-in for the tests of `nospof import netbox --url`:
serves the list responses of a fixture directory on 127.0.0.1 (a free
port, printed on standard output) with NetBox's filters (id, circuit_id,
rear_port_id, tenant, tag, provider), limit and offset pagination capped
at --page results, and the token checked. A MODE makes it misbehave the
way the tests need: flaky (a 429 with Retry-After once, a 503 once, a
slow page once), next-host, next-loop, not-json, html, huge, deep,
redirect, notfound. It logs each request line (never a header) to --log.
Standard library only; it never reaches outside the machine.

usage: server.py DIR TOKEN [--mode M] [--page N] [--log FILE]
                 [--tls CERT KEY]   (HTTPS with that certificate)
"""
import argparse
import json
import os
import re
import ssl
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

APPS = {"circuits": ["circuits", "circuit-terminations", "providers",
                     "provider-networks", "circuit-group-assignments"],
        "dcim": ["cables", "interfaces", "devices", "sites", "front-ports",
                 "rear-ports", "locations"]}


def load(d):
    ep = {}
    for name in sorted(os.listdir(d)):
        m = re.fullmatch(r"([a-z-]+)(\.[0-9]+)?\.json", name)
        if m:
            with open(os.path.join(d, name)) as f:
                ep.setdefault(m.group(1), []).extend(json.load(f)["results"])
    return ep


def slug_of(o, k):
    v = o.get(k)
    return v.get("slug") if isinstance(v, dict) else None


def match(ep, o, q):
    """Whether object o of endpoint ep passes NetBox-like filters q."""
    for k, vals in q.items():
        if k in ("limit", "offset", "ordering"):
            continue
        if k == "id":
            ok = str(o["id"]) in vals
        elif k == "id__n":
            ok = str(o["id"]) not in vals
        elif k == "circuit_id":
            c = o.get("circuit") or {}
            ok = str(c.get("id", o.get("member_id"))) in vals
        elif k == "rear_port_id":
            ok = str((o.get("rear_port") or {}).get("id")) in vals
        elif k in ("tenant", "provider"):
            ok = slug_of(o, k) in vals
        elif k == "tag":
            ok = any(t["slug"] in vals for t in o.get("tags", []))
        else:
            ok = True
        if not ok:
            return False
    return True


class Handler(BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        pass

    def send(self, status, body, ctype="application/json", extra=()):
        data = body if isinstance(body, bytes) else body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        cfg = self.server.cfg
        with open(cfg.log, "a") as f:
            f.write(f"GET {self.path} UA={self.headers.get('User-Agent')}\n")
        auth = self.headers.get("Authorization", "")
        if auth != "Token " + cfg.token:
            return self.send(403, '{"detail": "Invalid token."}')
        u = urlsplit(self.path)
        m = re.fullmatch(r"/api/([a-z]+)/([a-z-]+)/", u.path)
        if cfg.mode == "notfound" or not m or m.group(2) not in APPS.get(
                m.group(1), []):
            return self.send(404, '{"detail": "Not found."}')
        ep = m.group(2)
        hits = self.server.hits
        hits[ep] = hits.get(ep, 0) + 1
        first = hits[ep] == 1
        if cfg.mode == "flaky" and first and ep == "circuits":
            return self.send(429, '{"detail": "Request was throttled."}',
                             extra=[("Retry-After", "1")])
        if cfg.mode == "flaky" and first and ep == "circuit-terminations":
            return self.send(503, "<html>busy</html>", "text/html")
        if cfg.mode == "flaky" and first and ep == "interfaces":
            time.sleep(3)
        if ep == "circuits" and cfg.mode in ("not-json", "html"):
            return self.send(200, "<!DOCTYPE html><html>login</html>",
                             "text/html")
        if ep == "circuits" and cfg.mode == "huge":
            return self.send(200, '{"count": 1, "next": null, "previous": '
                             'null, "results": [{"id": 1, "x": "' +
                             "a" * (3 << 20) + '"}]}')
        if ep == "circuits" and cfg.mode == "deep":
            return self.send(200, '{"count": 1, "next": null, "previous": '
                             'null, "results": [' + "[" * 200 + "]" * 200 +
                             "]}")
        if ep == "circuits" and cfg.mode == "redirect":
            return self.send(302, "", extra=[
                ("Location", "http://netbox.invalid/api/circuits/circuits/")])
        q = parse_qs(u.query)
        objs = [o for o in cfg.data.get(ep, []) if match(ep, o, q)]
        limit = min(int(q.get("limit", ["50"])[0]), cfg.page)
        off = int(q.get("offset", ["0"])[0])
        host = self.headers.get("Host")
        nq = {k: v for k, v in q.items() if k != "offset"}
        nq["limit"] = [str(limit)]

        def link(o):
            qq = dict(nq)
            if o:
                qq["offset"] = [str(o)]
            sch = "https" if cfg.tls else "http"
            return f"{sch}://{host}{u.path}?{urlencode(qq, doseq=True)}"
        nxt = link(off + limit) if off + limit < len(objs) else None
        if ep == "circuits" and cfg.mode == "next-loop":
            nxt = link(limit)
        if ep == "circuits" and cfg.mode == "next-host" and nxt:
            nxt = nxt.replace("127.0.0.1", "127.0.0.2", 1)
        prev = link(max(off - limit, 0)) if off else None
        body = {"count": len(objs), "next": nxt, "previous": prev,
                "results": objs[off:off + limit]}
        self.send(200, json.dumps(body, indent=2))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("token")
    ap.add_argument("--mode", default="normal")
    ap.add_argument("--page", type=int, default=3)
    ap.add_argument("--log", default=os.devnull)
    ap.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    cfg = ap.parse_args()
    cfg.data = load(cfg.dir)
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.cfg = cfg
    srv.hits = {}
    if cfg.tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(*cfg.tls)
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    print(srv.server_address[1], flush=True)
    srv.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
