"""A stand-in for LiveKit's SIP service (Twirp), for Switchboard's tests.

Built on LiveKit's own published protobuf definitions (PyPI `livekit-protocol`): every
request and answer is a real `livekit.protocol.sip` message, parsed and printed with
`google.protobuf.json_format` (JSON, what Switchboard sends) or the binary wire format
(`application/protobuf`, what LiveKit's Python SDK sends). The store is in memory. Every
call must carry `Authorization: Bearer <JWT>` signed HS256 with the API secret, issued by the
API key, unexpired, with the `sip.admin` grant, as LiveKit's server checks it. Writes set
`createdAt` / `updatedAt`.

Lists honour the request's `page` (`livekit.Pagination`: `after_id`, `limit`) as LiveKit's
server does: items in ID order, those after `after_id`, at most `limit` of them (0: all).
Without a page the list is the whole store in creation order. `--max-page N` caps every page
at N items whatever the limit asked, as a server may, so a client must page until an empty one;
`--ignore-page` answers every list whole, as a server from before `page` does. `--stall`
accepts every SIP call and never answers, as a server that hangs.

Run: python standin.py [--api-key K] [--api-secret S] [--seed-rules N] [--seed-trunks N]
                       [--max-page N] [--ignore-page] [--stall] [--exit-with-stdin]
Prints `PORT <n>` (an ephemeral port on 127.0.0.1) once it listens. With `--exit-with-stdin`
it exits when its standard input closes, so a test that dies cannot leave it running.

Test-only endpoints (no auth, loopback only): POST /_standin/state answers the whole store;
POST /_standin/touch {"id": ID, "name": NAME} renames an item as "someone else" would
(updatedAt moves on).
"""

import argparse
import json
import os
import random
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from google.protobuf import json_format
from google.protobuf.timestamp_pb2 import Timestamp
from livekit.protocol import sip

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"  # base57, as LiveKit's guid


class TwirpError(Exception):
    def __init__(self, status, code, msg):
        super().__init__(msg)
        self.status, self.code, self.msg = status, code, msg


class Store:
    def __init__(self, seed):
        self.lock = threading.Lock()
        self.trunks = {}  # id -> SIPInboundTrunkInfo, in creation order
        self.rules = {}
        self.rng = random.Random(seed)
        self.clock = 0  # nanoseconds added per write, so two writes in one second still order
        self.max_page = 0  # 0: no cap beyond the request's limit
        self.ignore_page = False  # as a server from before `page` was added
        self.list_calls = []  # every List call's page, for tests that check the client paged

    def new_id(self, prefix):
        return prefix + "".join(self.rng.choice(ALPHABET) for _ in range(12))

    def stamp(self, info, created):
        ts = Timestamp()
        ts.GetCurrentTime()
        self.clock += 1000
        ts.nanos = (ts.nanos // 1000000) * 1000000 + self.clock % 1000000
        if created:
            info.created_at.CopyFrom(ts)
        info.updated_at.CopyFrom(ts)


METHODS = {
    "ListSIPInboundTrunk": sip.ListSIPInboundTrunkRequest,
    "ListSIPDispatchRule": sip.ListSIPDispatchRuleRequest,
    "CreateSIPInboundTrunk": sip.CreateSIPInboundTrunkRequest,
    "UpdateSIPInboundTrunk": sip.UpdateSIPInboundTrunkRequest,
    "DeleteSIPTrunk": sip.DeleteSIPTrunkRequest,
    "CreateSIPDispatchRule": sip.CreateSIPDispatchRuleRequest,
    "UpdateSIPDispatchRule": sip.UpdateSIPDispatchRuleRequest,
    "DeleteSIPDispatchRule": sip.DeleteSIPDispatchRuleRequest,
}


def page(store, req, items, item_id):
    """One page of a list: the whole list without `page`, else ID order after `after_id`."""
    store.list_calls.append({"afterId": req.page.after_id, "limit": req.page.limit})
    if not req.HasField("page") or store.ignore_page:
        return items
    items = sorted((i for i in items if item_id(i) > req.page.after_id), key=item_id)
    limit = min(x for x in (req.page.limit, store.max_page, len(items)) if x > 0) if items else 0
    return items[:limit]


def handle(store, method, req):
    with store.lock:
        if method == "ListSIPInboundTrunk":
            items = [t for t in store.trunks.values() if not req.trunk_ids or t.sip_trunk_id in req.trunk_ids]
            return sip.ListSIPInboundTrunkResponse(items=page(store, req, items, lambda t: t.sip_trunk_id))
        if method == "ListSIPDispatchRule":
            items = [r for r in store.rules.values() if not req.dispatch_rule_ids or r.sip_dispatch_rule_id in req.dispatch_rule_ids]
            return sip.ListSIPDispatchRuleResponse(items=page(store, req, items, lambda r: r.sip_dispatch_rule_id))
        if method == "CreateSIPInboundTrunk":
            info = sip.SIPInboundTrunkInfo()
            info.CopyFrom(req.trunk)
            if info.sip_trunk_id:
                raise TwirpError(400, "invalid_argument", "trunk ID must be empty")
            info.sip_trunk_id = store.new_id("ST_")
            store.stamp(info, True)
            store.trunks[info.sip_trunk_id] = info
            return info
        if method == "UpdateSIPInboundTrunk":
            old = store.trunks.get(req.sip_trunk_id)
            if old is None:
                raise TwirpError(404, "not_found", "trunk %s not found" % req.sip_trunk_id)
            if req.WhichOneof("action") != "replace":
                raise TwirpError(501, "unimplemented", "the stand-in supports replace only")
            info = sip.SIPInboundTrunkInfo()
            info.CopyFrom(req.replace)
            info.sip_trunk_id = old.sip_trunk_id
            info.created_at.CopyFrom(old.created_at)
            store.stamp(info, False)
            store.trunks[info.sip_trunk_id] = info
            return info
        if method == "DeleteSIPTrunk":
            old = store.trunks.pop(req.sip_trunk_id, None)
            if old is None:
                raise TwirpError(404, "not_found", "trunk %s not found" % req.sip_trunk_id)
            return sip.SIPTrunkInfo(sip_trunk_id=old.sip_trunk_id, name=old.name)
        if method == "CreateSIPDispatchRule":
            info = sip.SIPDispatchRuleInfo()
            if req.HasField("dispatch_rule"):
                info.CopyFrom(req.dispatch_rule)
            if info.sip_dispatch_rule_id:
                raise TwirpError(400, "invalid_argument", "rule ID must be empty")
            if not info.HasField("rule") or info.rule.WhichOneof("rule") is None:
                raise TwirpError(400, "invalid_argument", "missing rule")
            info.sip_dispatch_rule_id = store.new_id("SDR_")
            store.stamp(info, True)
            store.rules[info.sip_dispatch_rule_id] = info
            return info
        if method == "UpdateSIPDispatchRule":
            old = store.rules.get(req.sip_dispatch_rule_id)
            if old is None:
                raise TwirpError(404, "not_found", "dispatch rule %s not found" % req.sip_dispatch_rule_id)
            if req.WhichOneof("action") != "replace":
                raise TwirpError(501, "unimplemented", "the stand-in supports replace only")
            info = sip.SIPDispatchRuleInfo()
            info.CopyFrom(req.replace)
            if not info.HasField("rule") or info.rule.WhichOneof("rule") is None:
                raise TwirpError(400, "invalid_argument", "missing rule")
            info.sip_dispatch_rule_id = old.sip_dispatch_rule_id
            info.created_at.CopyFrom(old.created_at)
            store.stamp(info, False)
            store.rules[info.sip_dispatch_rule_id] = info
            return info
        if method == "DeleteSIPDispatchRule":
            old = store.rules.pop(req.sip_dispatch_rule_id, None)
            if old is None:
                raise TwirpError(404, "not_found", "dispatch rule %s not found" % req.sip_dispatch_rule_id)
            return old
    raise TwirpError(404, "bad_route", "no handler for " + method)


def check_token(header, api_key, api_secret):
    if not header.startswith("Bearer "):
        raise TwirpError(401, "unauthenticated", "authorization header could not be found")
    try:
        claims = jwt.decode(header[7:], api_secret, algorithms=["HS256"], issuer=api_key, leeway=60, options={"require": ["exp", "iss"]})
    except jwt.PyJWTError as error:
        raise TwirpError(401, "unauthenticated", "invalid token: %s" % error)
    if not (claims.get("sip") or {}).get("admin"):
        raise TwirpError(403, "permission_denied", "requires SIP admin permission")


def make_handler(store, api_key, api_secret, stall=False):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def answer(self, status, content_type, body):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path.startswith("/_standin/"):
                return self.control(body)
            if stall:
                threading.Event().wait()
            try:
                prefix = "/twirp/livekit.SIP/"
                method = self.path[len(prefix):] if self.path.startswith(prefix) else ""
                if method not in METHODS:
                    raise TwirpError(404, "bad_route", "no handler for path %s" % self.path)
                check_token(self.headers.get("Authorization", ""), api_key, api_secret)
                binary = (self.headers.get("Content-Type") or "").startswith("application/protobuf")
                req = METHODS[method]()
                try:
                    if binary:
                        req.ParseFromString(body)
                    else:
                        # Twirp servers discard unknown fields, as protojson's DiscardUnknown.
                        json_format.Parse(body or b"{}", req, ignore_unknown_fields=True)
                except Exception as error:
                    raise TwirpError(400, "malformed", "the request is not a %s: %s" % (type(req).__name__, error))
                out = handle(store, method, req)
                if binary:
                    self.answer(200, "application/protobuf", out.SerializeToString())
                else:
                    self.answer(200, "application/json", json_format.MessageToJson(out, indent=None).encode())
            except TwirpError as error:
                self.answer(error.status, "application/json", json.dumps({"code": error.code, "msg": error.msg}).encode())

        def control(self, body):
            if self.path == "/_standin/state":
                with store.lock:
                    state = {
                        "trunks": [json_format.MessageToDict(t) for t in store.trunks.values()],
                        "rules": [json_format.MessageToDict(r) for r in store.rules.values()],
                        "listCalls": store.list_calls,
                    }
                return self.answer(200, "application/json", json.dumps(state).encode())
            if self.path == "/_standin/touch":
                edit = json.loads(body)
                with store.lock:
                    item = store.rules.get(edit["id"]) or store.trunks.get(edit["id"])
                    if item is None:
                        return self.answer(404, "application/json", b"{}")
                    item.name = edit["name"]
                    store.stamp(item, False)
                return self.answer(200, "application/json", b"{}")
            self.answer(404, "application/json", b"{}")

    return Handler


def seed(store, trunks, rules):
    trunk_ids = []
    for i in range(trunks):
        info = sip.SIPInboundTrunkInfo(name="Trunk %d" % i, numbers=["+1555%07d" % i], krisp_enabled=(i % 2 == 0))
        info.sip_trunk_id = store.new_id("ST_")
        store.stamp(info, True)
        store.trunks[info.sip_trunk_id] = info
        trunk_ids.append(info.sip_trunk_id)
    for i in range(rules):
        info = sip.SIPDispatchRuleInfo(name="Rule %d" % i, metadata='{"n": %d}' % i, attributes={"tier": "gold"})
        info.rule.dispatch_rule_direct.room_name = "room-%d" % i
        if trunk_ids:
            info.trunk_ids.append(trunk_ids[i % len(trunk_ids)])
        info.inbound_numbers.append("+1666%07d" % i)
        info.room_config.agents.add(agent_name="bot-%d" % (i % 7))
        info.sip_dispatch_rule_id = store.new_id("SDR_")
        store.stamp(info, True)
        store.rules[info.sip_dispatch_rule_id] = info


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--api-key", default="devkey")
    parser.add_argument("--api-secret", default="secret-for-tests-only-0123456789")
    parser.add_argument("--seed-trunks", type=int, default=0)
    parser.add_argument("--seed-rules", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-page", type=int, default=0)
    parser.add_argument("--ignore-page", action="store_true")
    parser.add_argument("--stall", action="store_true")
    parser.add_argument("--exit-with-stdin", action="store_true")
    args = parser.parse_args()
    # A parent's blocked signals are inherited through fork and exec: unblock them, or a
    # SIGTERM from the test would wait forever.
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if args.exit_with_stdin:
        threading.Thread(target=lambda: (sys.stdin.buffer.read(), os._exit(0)), daemon=True).start()
    store = Store(args.seed)
    store.max_page = args.max_page
    store.ignore_page = args.ignore_page
    seed(store, args.seed_trunks, args.seed_rules)
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(store, args.api_key, args.api_secret, args.stall))
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
