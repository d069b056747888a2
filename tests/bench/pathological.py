#!/usr/bin/python3
"""Pathological but valid designs, timed: how check scales with width.

Usage: tests/bench/pathological.py [BIN]

Generates, with a fixed seed, families of designs that grow one dimension
(circuits, circuits on one edge router or CPE, sites sharing an exchange,
demands, PoPs and values of every failure class, waivers, prefixes on one
circuit, id length) and prints, per size, the file size, the wall time and
the peak memory of `nospof check` (the last family: of `nospof scenarios
--depth 2`), and the time per element relative to the smallest size: near 1
means linear growth, a factor that grows with size means worse.
"""
import os
import random
import sys
import tempfile
import time

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/nospof"
random.seed(20261124)


def head(out, name, provider="aws", prefix="10.0.0.0/8"):
    """The top of a design, and its one cloud unless provider is None."""
    out.append("nospof: 1\nname: %s\n" % name)
    if provider:
        out.append("clouds:\n  - {id: vpc, provider: %s, prefixes: [%s]}\n"
                   % (provider, prefix))


def numbered_sites(out, n):
    out.append("sites:\n")
    for i in range(n):
        out.append("  - {id: s%d}\n" % i)


def site_demands(out, n):
    out.append("demands:\n")
    for i in range(n):
        out.append("  - {from: s%d, to: vpc, mbps: 10}\n" % i)


def dual_homed(out, n, ports):
    """n sites, each one CPE with a circuit to each of two edge routers."""
    numbered_sites(out, n)
    out.append("pops:\n  - {id: p1}\n  - {id: p2}\n")
    out.append("routers:\n  - {id: e1, role: edge, pop: p1, cloud: vpc}\n"
               "  - {id: e2, role: edge, pop: p2, cloud: vpc}\n")
    for i in range(n):
        out.append("  - {id: c%d, role: cpe, site: s%d}\n" % (i, i))
    out.append("circuits:\n")
    for i in range(n):
        for k in (1, 2):
            out.append("  - {id: x%d-%d, a: {router: c%d%s}, z: {router: e%d}, "
                       "bandwidth_mbps: 100}\n"
                       % (i, k, i, ", port: p%d" % k if ports else "", k))


def wide(n_circuits, idlen=0):
    """n/4 sites, each dual-homed over four circuits to two PoPs."""
    pad = (lambda s: s + "x" * max(0, idlen - len(s))) if idlen else str
    sites = n_circuits // 4
    out = []
    head(out, "wide", None)
    out.append("clouds:\n  - {id: %s, provider: aws, prefixes: [10.0.0.0/8]}\n"
               % pad("vpc"))
    out.append("pops:\n")
    pops = max(2, sites // 50)
    for p in range(pops):
        out.append("  - {id: %s, facility: f%d, metro: m%d}\n"
                   % (pad("pop%d" % p), p, p))
    out.append("sites:\n")
    for s in range(sites):
        out.append("  - {id: %s, prefixes: [172.%d.%d.0/24]}\n"
                   % (pad("s%d" % s), 16 + s // 65536 % 16, s // 256 % 256)
                   if False else
                   "  - {id: %s, prefixes: [192.168.%d.0/24]}\n"
                   % (pad("s%d" % s), s % 256))
    out.append("routers:\n")
    for p in range(pops):
        out.append("  - {id: %s, role: edge, pop: %s, cloud: %s, asn: 64512}\n"
                   % (pad("e%d" % p), pad("pop%d" % p), pad("vpc")))
    for s in range(sites):
        for k in range(2):
            out.append("  - {id: %s, role: cpe, site: %s, asn: 65001}\n"
                       % (pad("c%d-%d" % (s, k)), pad("s%d" % s)))
    out.append("circuits:\n")
    for s in range(sites):
        a, b = random.sample(range(pops), 2)
        for k in range(4):
            out.append(
                "  - {id: %s, a: {router: %s, port: p%d}, z: {router: %s}, "
                "bandwidth_mbps: 1000, carrier: k%d, bgp: {bfd: {}}}\n"
                % (pad("x%d-%d" % (s, k)), pad("c%d-%d" % (s, k % 2)), k,
                   pad("e%d" % (a if k < 2 else b)), k % 2))
    return "".join(out)


def one_router(n):
    """n circuits from n CPEs of one site, all on one edge router."""
    out = []
    head(out, "one-router", "gcp")
    out.append("sites:\n  - {id: s, prefixes: [192.168.0.0/16]}\n")
    out.append("pops:\n  - {id: p}\n")
    out.append("routers:\n  - {id: e, role: edge, pop: p, cloud: vpc}\n")
    for i in range(n):
        out.append("  - {id: c%d, role: cpe, site: s}\n" % i)
    out.append("circuits:\n")
    for i in range(n):
        out.append("  - {id: x%d, a: {router: c%d}, z: {router: e}, "
                   "bandwidth_mbps: 100}\n" % (i, i))
    return "".join(out)


def one_cpe(n):
    """n circuits of one CPE router, one port each, to n edge routers."""
    out = []
    head(out, "one-cpe", "gcp")
    out.append("sites:\n  - {id: s, prefixes: [192.168.0.0/16]}\n")
    out.append("pops:\n  - {id: p}\n")
    out.append("routers:\n  - {id: c, role: cpe, site: s}\n")
    for i in range(n):
        out.append("  - {id: e%d, role: edge, pop: p, cloud: vpc}\n" % i)
    out.append("circuits:\n")
    for i in range(n):
        out.append("  - {id: x%d, a: {router: c, port: p%d}, z: {router: e%d}, "
                   "bandwidth_mbps: %d}\n" % (i, i, i, 100 + i % 7))
    out.append("demands:\n  - {from: s, to: vpc, mbps: 50}\n")
    return "".join(out)


def exchange(n):
    """n sites, each over two circuits to two exchange routers that all
    share one uplink each to the cloud: every demand shares circuits."""
    out = []
    head(out, "exchange")
    numbered_sites(out, n)
    out.append("pops:\n  - {id: p1}\n  - {id: p2}\n  - {id: x1}\n  - {id: x2}\n")
    out.append("routers:\n  - {id: e1, role: edge, pop: p1, cloud: vpc}\n"
               "  - {id: e2, role: edge, pop: p2, cloud: vpc}\n"
               "  - {id: m1, role: exchange, pop: x1}\n"
               "  - {id: m2, role: exchange, pop: x2}\n")
    for i in range(n):
        out.append("  - {id: c%d, role: cpe, site: s%d}\n" % (i, i))
    out.append("circuits:\n"
               "  - {id: u1, a: {router: m1}, z: {router: e1}, bandwidth_mbps: 100000}\n"
               "  - {id: u2, a: {router: m2}, z: {router: e2}, bandwidth_mbps: 100000}\n")
    for i in range(n):
        for k in (1, 2):
            out.append("  - {id: x%d-%d, a: {router: c%d, port: p%d}, "
                       "z: {router: m%d}, bandwidth_mbps: 100}\n"
                       % (i, k, i, k, k))
    site_demands(out, n)
    return "".join(out)


def many_values(n):
    """n sites over two PoPs each: every PoP its own facility, metro and
    edge domain, every circuit its own carrier and shared-risk tags."""
    out = []
    head(out, "values")
    numbered_sites(out, n)
    out.append("pops:\n")
    for i in range(n):
        for k in (1, 2):
            out.append("  - {id: p%d-%d, facility: f%d-%d, metro: m%d-%d, "
                       "edge_domain: d%d-%d}\n" % ((i, k) * 4))
    out.append("routers:\n")
    for i in range(n):
        for k in (1, 2):
            out.append("  - {id: c%d-%d, role: cpe, site: s%d, srlg: [r%d-%d]}\n"
                       % (i, k, i, i, k))
            out.append("  - {id: e%d-%d, role: edge, pop: p%d-%d, cloud: vpc}\n"
                       % (i, k, i, k))
    out.append("circuits:\n")
    for i in range(n):
        for k in (1, 2):
            out.append("  - {id: x%d-%d, a: {router: c%d-%d}, z: {router: e%d-%d}, "
                       "bandwidth_mbps: 100, carrier: k%d-%d, srlg: [t%d-%d, u%d]}\n"
                       % ((i, k) * 5 + (i,)))
    return "".join(out)


def waivers(n):
    """n sites on one CPE each, every DIV002 finding waived by its own
    waiver."""
    out = []
    head(out, "waivers")
    dual_homed(out, n, ports=False)
    out.append("waivers:\n")
    for i in range(n):
        out.append("  - {rule: DIV002, elements: [c%d], reason: one CPE, "
                   "expires: 2099-01-01}\n" % i)
    return "".join(out)


def demands(n):
    """n sites, one circuit pair each, n explicit demands."""
    out = []
    head(out, "demands", "azure")
    dual_homed(out, n, ports=True)
    site_demands(out, n)
    return "".join(out)


def prefixes(n):
    """one circuit pair advertising n prefixes."""
    out = []
    head(out, "prefixes", "otc", "172.16.0.0/12")
    pl = ", ".join("10.%d.%d.0/24" % (i // 256 % 256, i % 256)
                   for i in range(n))
    out.append("sites:\n  - {id: s, prefixes: [%s]}\n" % pl)
    out.append("pops:\n  - {id: p1}\n  - {id: p2}\n")
    out.append("routers:\n  - {id: c1, role: cpe, site: s}\n"
               "  - {id: c2, role: cpe, site: s}\n"
               "  - {id: e1, role: edge, pop: p1, cloud: vpc}\n"
               "  - {id: e2, role: edge, pop: p2, cloud: vpc}\n")
    out.append("circuits:\n"
               "  - {id: x1, a: {router: c1}, z: {router: e1}, "
               "bandwidth_mbps: 100, bgp: {advertise: [%s]}}\n"
               "  - {id: x2, a: {router: c2}, z: {router: e2}, "
               "bandwidth_mbps: 100}\n" % pl)
    return "".join(out)


CHECK = ["check", "--max-input-mb", "512", "--fail-on", "never"]
DEPTH2 = ["scenarios", "--depth", "2"]


def run(path, cmd):
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.execv(BIN, [BIN] + cmd + [path])
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.monotonic() - start
    return elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


FAMILIES = [
    ("circuits (wide design)", wide, [1000, 10000, 100000]),
    ("circuits on one router", one_router, [1000, 4000, 16000]),
    ("circuits on one CPE", one_cpe, [1000, 4000, 16000]),
    ("sites behind one exchange", exchange, [1000, 4000, 16000]),
    ("demands", demands, [1000, 4000, 16000]),
    ("PoPs, carriers, tags", many_values, [1000, 4000, 16000]),
    ("waivers", waivers, [1000, 4000, 16000]),
    ("prefixes on one circuit", prefixes, [1000, 10000, 60000]),
    ("circuits, 64-char ids", lambda n: wide(n, 64), [1000, 10000, 50000]),
    ("depth 2, behind exchange", exchange, [1000, 4000, 16000], DEPTH2),
]


def main():
    tmp = tempfile.mkdtemp(prefix="nospof-patho-")
    print("%-26s %8s %9s %9s %9s %11s" % ("family", "size", "file KiB",
                                          "time s", "peak MiB", "time/elem"))
    worst = 0.0
    for name, gen, sizes, *cmd in FAMILIES:
        base = None
        for n in sizes:
            path = os.path.join(tmp, "d.yaml")
            with open(path, "w") as f:
                f.write(gen(n))
            kib = os.path.getsize(path) / 1024
            t, rss, code = run(path, cmd[0] if cmd else CHECK)
            per = t / n
            base = base or per
            ratio = per / base
            worst = max(worst, ratio)
            print("%-26s %8d %9.0f %9.3f %9.1f %10.2fx%s"
                  % (name, n, kib, t, rss / 1024, ratio,
                     "" if code in (0, 1) else "  (exit %d)" % code))
            os.unlink(path)
    os.rmdir(tmp)
    print("largest growth of time per element over a family: %.2fx" % worst)


main()
