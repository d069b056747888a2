#!/usr/bin/env python3
"""Copy the NetBox responses of SRC into DST as one page per endpoint,
after running CODE on them: the tests' way to make one fixture per import
diagnostic from the demo data. CODE sees `ep` (endpoint -> list of
objects), `get(endpoint, id)` and `drop(endpoint, id)`.

usage: mutate.py SRC DST CODE
"""
import json
import os
import re
import sys


def main(src, dst, code):
    ep = {}
    for name in sorted(os.listdir(src)):
        m = re.fullmatch(r"([a-z-]+)(\.[0-9]+)?\.json", name)
        if not m:
            continue
        with open(os.path.join(src, name)) as f:
            ep.setdefault(m.group(1), []).extend(json.load(f)["results"])

    def get(e, i):
        return next(o for o in ep[e] if o["id"] == i)

    def drop(e, i):
        ep[e] = [o for o in ep[e] if o["id"] != i]

    exec(code, {"ep": ep, "get": get, "drop": drop})
    os.makedirs(dst, exist_ok=True)
    for e, objs in ep.items():
        with open(os.path.join(dst, e + ".json"), "w") as f:
            json.dump({"count": len(objs), "next": None, "previous": None,
                       "results": objs}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
