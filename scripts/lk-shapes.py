#!/usr/bin/env python3
"""Writes `lk sip … list --json`-style files in the shapes LiveKit prints, independently of
Switchboard's own generator and writer, so benchmarks measure more than the data we make.

    scripts/lk-shapes.py OUT_DIR [--rules 100000] [--trunks 10000] [--seed 1]

Writes OUT_DIR/<shape>/inbound-trunks.json and OUT_DIR/<shape>/dispatch-rules.json for each
shape:
  protojson   Go protojson multiline output as `lk … list --json` prints it: 2-space indent,
              camelCase, zero values omitted, enums by name, and protojson's deliberate
              "random" extra space after some colons. Every rule has inbound numbers,
              attributes, metadata; pins, individual and callee rules, roomConfig agents,
              krisp, media encryption, createdAt/updatedAt.
  compact     the same messages on one line (protojson single-line, random space after commas)
  snake       the same with proto (snake_case) field names, as hand-written or older files are
  sparse      few optional fields: what a small deployment's list looks like
"""
import argparse, json, os, random

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

def ident(prefix, rng):
    return prefix + "".join(rng.choice(ALPHABET) for _ in range(12))

def stamp(minutes):
    # RFC 3339 in 2025, as the server stamps items.
    import datetime
    t = datetime.datetime(2025, 1, 1) + datetime.timedelta(minutes=minutes)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")

def called(i):
    return "+1%03d55501%02d" % (201 + (i // 100) % 799, i % 100)

def caller(i):
    return "+1%03d5550%03d" % (300 + (i // 1000) % 600, i % 1000)

# Declaration order of SIPInboundTrunkInfo's fields: protojson prints fields in this order.
TRUNK_ORDER = ["sipTrunkId", "name", "metadata", "numbers", "allowedAddresses", "allowedNumbers", "authUsername",
               "authPassword", "authRealm", "headers", "headersToAttributes", "attributesToHeaders", "includeHeaders",
               "ringingTimeout", "maxCallDuration", "krispEnabled", "mediaEncryption", "media", "createdAt", "updatedAt"]

def trunks(n, rng, dense):
    out, numbers = [], []
    k = 0
    for t in range(n):
        item = {"sipTrunkId": ident("ST_", rng), "name": "Carrier trunk %d" % (t + 1)}
        if t % 50 == 49:
            item["allowedAddresses"] = ["203.0.113.0/24", "sip%d.carrier.example" % t]
            item["allowedNumbers"] = [caller(t * 3 + 1)]
            numbers.append([])
        else:
            nums = [called(k + j) for j in range(1 + t % 3)]
            k += len(nums)
            item["numbers"] = nums
            numbers.append(nums)
            if dense and t % 3 == 0:
                item["allowedAddresses"] = ["198.51.100.0/24"]
        if dense:
            if t % 7 == 0:
                item["authUsername"] = "pbx%d" % t
                item["authPassword"] = "secret-%d" % rng.randrange(10**8)
            item["headersToAttributes"] = {"X-Account": "account.id"}
            item["includeHeaders"] = "SIP_X_HEADERS"
            item["ringingTimeout"] = "%ds" % (30 + t % 30)
            item["maxCallDuration"] = "3600s"
            if t % 5 == 0:
                item["krispEnabled"] = True
            if t % 11 == 0:
                item["mediaEncryption"] = "SIP_MEDIA_ENCRYPT_ALLOW"
            item["metadata"] = json.dumps({"region": "r%d" % (t % 9)}, separators=(",", ":"))
        item["createdAt"] = stamp(t)
        item["updatedAt"] = stamp(t + (t % 3) * 1440)
        out.append({k: item[k] for k in TRUNK_ORDER if k in item})
    return out, numbers

def rules(n, trunk_list, rng, dense):
    out = []
    for i in range(n):
        t = i % len(trunk_list)
        slot = i // len(trunk_list)
        pin = str(1000 + i % 9000) if dense and i % 9 == 4 else None
        kind = i % 10
        if kind < 4:
            body = {"dispatchRuleDirect": {"roomName": "room-%d" % i}}
        elif kind < 7:
            body = {"dispatchRuleIndividual": {"roomPrefix": "caller-%d" % (i % 97)}}
            if i % 3 == 0:
                body["dispatchRuleIndividual"]["noRandomness"] = True
        else:
            body = {"dispatchRuleCallee": {"roomPrefix": "line-%d" % (i % 89)}}
            if i % 2 == 0:
                body["dispatchRuleCallee"]["randomize"] = True
        if pin:
            next(iter(body.values()))["pin"] = pin
        item = {"sipDispatchRuleId": ident("SDR_", rng), "rule": body, "trunkIds": [trunk_list[t]["sipTrunkId"]]}
        if dense and i % 17 == 0:
            item["hidePhoneNumber"] = True
        # Unique callers per trunk keep the rules free of LiveKit's conflicts.
        if dense or slot > 0:
            item["inboundNumbers"] = [caller(slot * 7919 + t * 2 + j) for j in range(1 + (i % 2 if dense else 0))]
        item["name"] = "Inbound rule %d" % (i + 1)
        if dense:
            item["metadata"] = json.dumps({"rule": i, "queue": "q%d" % (i % 31)}, separators=(",", ":"))
            item["attributes"] = {"team": "t%d" % (i % 13), "tier": "gold" if i % 3 == 0 else "standard", "region": "r%d" % (i % 9)}
            if i % 4 == 0:
                item["roomConfig"] = {"agents": [{"agentName": "agent-%d" % (i % 5), "metadata": "{\"lang\":\"en\"}"}]}
            if i % 5 == 0:
                item["krispEnabled"] = True
            if i % 8 == 0:
                item["mediaEncryption"] = "SIP_MEDIA_ENCRYPT_ALLOW"
        item["createdAt"] = stamp(len(trunk_list) + i)
        item["updatedAt"] = stamp(len(trunk_list) + i + (i % 5) * 720)
        out.append(item)
    return out

SNAKE = {}
def snake(name):
    if name not in SNAKE:
        SNAKE[name] = "".join("_" + c.lower() if c.isupper() else c for c in name)
    return SNAKE[name]

def to_snake(value, under_map=False):
    """Field names to snake_case; keys of string maps (attributes, headers) stay as they are."""
    if isinstance(value, dict):
        return {(k if under_map else snake(k)): to_snake(v, k in ("attributes", "headersToAttributes", "headers")) for k, v in value.items()}
    if isinstance(value, list):
        return [to_snake(v) for v in value]
    return value

class Protojson:
    """Go protojson's encoder, whitespace included: multiline with an indent, or single line;
    a deterministic pseudo-random extra space after ': ' (multiline) or ',' (single line)."""
    def __init__(self, rng, indent):
        self.rng, self.indent, self.out = rng, indent, []

    def extra(self):
        return " " if self.rng.random() < 0.5 else ""

    def value(self, v, depth):
        w = self.out.append
        if isinstance(v, dict):
            if not v:
                w("{}"); return
            w("{")
            for n, (k, x) in enumerate(v.items()):
                if self.indent:
                    w(("," if n else "") + "\n" + self.indent * (depth + 1))
                    w(json.dumps(k) + ": " + self.extra())
                else:
                    w(("," + self.extra() if n else "") + json.dumps(k) + ":")
                self.value(x, depth + 1)
            w(("\n" + self.indent * depth if self.indent else "") + "}")
        elif isinstance(v, list):
            if not v:
                w("[]"); return
            w("[")
            for n, x in enumerate(v):
                if self.indent:
                    w(("," if n else "") + "\n" + self.indent * (depth + 1))
                else:
                    w("," + self.extra() if n else "")
                self.value(x, depth + 1)
            w(("\n" + self.indent * depth if self.indent else "") + "]")
        else:
            w(json.dumps(v, ensure_ascii=False))

    def document(self, v):
        self.value(v, 0)
        return "".join(self.out) + "\n"

def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("out")
    p.add_argument("--rules", type=int, default=100000)
    p.add_argument("--trunks", type=int, default=10000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--shapes", default="protojson,compact,snake,sparse")
    a = p.parse_args()
    for shape in a.shapes.split(","):
        rng = random.Random(a.seed)
        dense = shape != "sparse"
        t, _ = trunks(a.trunks, rng, dense)
        r = rules(a.rules, t, rng, dense)
        docs = {"inbound-trunks.json": {"items": t}, "dispatch-rules.json": {"items": r}}
        os.makedirs(os.path.join(a.out, shape), exist_ok=True)
        for name, doc in docs.items():
            if shape == "snake":
                doc = to_snake(doc)
            text = Protojson(random.Random(a.seed + 7), "" if shape == "compact" else "  ").document(doc)
            path = os.path.join(a.out, shape, name)
            with open(path + ".tmp", "w") as f:
                f.write(text)
            os.replace(path + ".tmp", path)
            print(path)

if __name__ == "__main__":
    main()
