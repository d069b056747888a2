#!/usr/bin/env python3
"""Write the NetBox fixtures of tests/netbox/: list responses shaped like
NetBox's serializers (circuits/api/serializers_/, dcim/api/serializers_/),
for NetBox 4.2 (demo/, termination_type and termination_id, circuit group
assignments) and 3.7 (demo-37/, site and provider_network on a
termination), with data modelled on netbox-demo-data: branch sites whose
two circuits from two providers land on one router (Akron) or on two
(Nashua), dark fibre through two patch panels and a cross-connect into a
carrier-neutral data centre (Ashburn), and a decommissioned circuit.

Run from the repository root: python3 tests/netbox/gen-demo.py
"""
import json
import os
import sys

BASE = "https://netbox.example.com"
STAMP = "2025-01-15T10:00:00.000000Z"


def url(app, ep, i):
    return f"{BASE}/api/{app}/{ep}/{i}/"


def durl(app, ep, i):
    return f"{BASE}/{app}/{ep}/{i}/"


REGIONS = {
    "us-oh": (1, "Ohio"), "us-nh": (2, "New Hampshire"),
    "us-va": (3, "Virginia"),
}
# id: (name, slug, region, facility)
SITES = {
    1: ("DM-Akron", "dmi01-akron", "us-oh", ""),
    2: ("DM-Nashua", "dmi01-nashua", "us-nh", ""),
    3: ("DC-Ashburn", "dc-ashburn", "us-va", "Equinix DC2"),
    4: ("Equinix DC5", "eqx-dc5", "us-va", "Equinix DC5"),
}
PROVIDERS = {1: ("NTT", "ntt"), 2: ("Level 3", "level3"),
             3: ("Zayo", "zayo"), 4: ("Equinix", "equinix")}
PNETS = {1: ("NTT MPLS", 1)}
TENANTS = {1: ("Dunder-Mifflin, Inc.", "dunder-mifflin")}
TAGS = {"srlg-ash-duct-east": (1, "srlg:ash-duct-east", "ff9800"),
        "wan": (2, "WAN", "2196f3")}
# id: (name, site, role)
DEVICES = {
    1: ("dmi01-akron-rtr01", 1, "router"),
    2: ("dmi01-nashua-rtr01", 2, "router"),
    3: ("dc-ashburn-rtr01", 3, "router"),
    4: ("dc-ashburn-rtr02", 3, "router"),
    5: ("dc-ashburn-pp01", 3, "patch-panel"),
    6: ("dc-ashburn-pp02", 3, "patch-panel"),
    7: ("dmi01-nashua-rtr02", 2, "router"),
    8: ("dmi01-akron-sw01", 1, "access-switch"),
}
# id: (device, name, mtu, cable, cable_end)
IFACES = {
    1: (1, "GigabitEthernet0/0/0", 1500, 1, "B"),
    2: (1, "GigabitEthernet0/0/1", None, 2, "B"),
    3: (2, "GigabitEthernet0/0/0", None, 3, "B"),
    4: (7, "GigabitEthernet0/0/0", None, 4, "B"),
    5: (3, "et-0/0/0", 9192, 7, "B"),
    6: (4, "et-0/0/0", 9192, 10, "B"),
    7: (8, "GigabitEthernet1/0/48", None, None, None),
}
# id: (device, name, positions, cable, cable_end)
REARS = {
    1: (5, "RP1", 12, 6, "A"), 2: (6, "RP1", 12, 6, "B"),
    3: (5, "MMR-1", 1, 9, "A"), 4: (6, "MMR-1", 1, 9, "B"),
}
# id: (device, name, rear, position, cable, cable_end)
FRONTS = {
    1: (5, "FP3", 1, 3, 5, "B"), 2: (6, "FP3", 2, 3, 7, "A"),
    3: (5, "MMR-1", 3, 1, 8, "B"), 4: (6, "MMR-1", 4, 1, 10, "A"),
    5: (6, "FP4", 2, 4, None, None),
}
# id: (a side [(type, id)], b side, tags, label)
CABLES = {
    1: ([("circuits.circuittermination", 1)], [("dcim.interface", 1)], [], ""),
    2: ([("circuits.circuittermination", 3)], [("dcim.interface", 2)], [], ""),
    3: ([("circuits.circuittermination", 5)], [("dcim.interface", 3)], [], ""),
    4: ([("circuits.circuittermination", 7)], [("dcim.interface", 4)], [], ""),
    5: ([("circuits.circuittermination", 9)], [("dcim.frontport", 1)], [],
        "ASH-DF-A"),
    6: ([("dcim.rearport", 1)], [("dcim.rearport", 2)],
        ["srlg-ash-duct-east"], "ASH-TRUNK-1"),
    7: ([("dcim.frontport", 2)], [("dcim.interface", 5)], [], ""),
    8: ([("circuits.circuittermination", 11)], [("dcim.frontport", 3)], [],
        "XC-1001"),
    9: ([("dcim.rearport", 3)], [("dcim.rearport", 4)],
        ["srlg-ash-duct-east"], "MMR-TIE-1"),
    10: ([("dcim.frontport", 4)], [("dcim.interface", 6)], [], ""),
}
# id: (cid, provider, type, status, tenant, commit_rate, tags)
CIRCUITS = {
    1: ("KKDG4923", 1, "MPLS", "active", 1, 100000, ["wan"]),
    2: ("1002840283", 2, "Internet", "active", 1, None, ["wan"]),
    3: ("NSH-MPLS-0031", 1, "MPLS", "active", 1, 100000, ["wan"]),
    4: ("NSH-INET-7781", 2, "Internet", "active", 1, 50000, ["wan"]),
    5: ("DF-ASH-0001", 3, "Dark Fiber", "active", 1, 10000000, []),
    6: ("XC-EQX-1001", 4, "Cross-Connect", "active", 1, None, []),
    7: ("KKDG3310", 1, "MPLS", "decommissioned", 1, 20000, []),
}
# id: (circuit, side, where (kind, id), port_speed, upstream, cable,
#      cable_end, mark_connected)
TERMS = {
    1: (1, "A", ("dcim.site", 1), 100000, 100000, 1, "A", False),
    2: (1, "Z", ("circuits.providernetwork", 1), 100000, 100000, None,
        None, False),
    3: (2, "A", ("dcim.site", 1), 50000, 10000, 2, "A", False),
    5: (3, "A", ("dcim.site", 2), 100000, 100000, 3, "A", False),
    6: (3, "Z", ("circuits.providernetwork", 1), None, None, None, None,
        False),
    7: (4, "A", ("dcim.site", 2), 100000, 50000, 4, "A", False),
    9: (5, "A", ("dcim.site", 3), None, None, 5, "A", False),
    10: (5, "Z", ("dcim.site", 4), None, None, None, None, False),
    11: (6, "A", ("dcim.site", 3), 10000000, None, 8, "A", False),
    12: (6, "Z", ("dcim.site", 4), 10000000, None, None, None, True),
    13: (7, "A", ("dcim.site", 1), 20000, None, None, None, False),
}
# id: (group, circuit, priority)
GROUPS = {1: ("ashburn-aws", 6, "primary"), 2: ("ashburn-aws", 5,
                                                   "secondary")}


def brief(kind, i):
    if kind == "site":
        n, s, _, _ = SITES[i]
        return {"id": i, "url": url("dcim", "sites", i), "display": n,
                "name": n, "slug": s, "description": ""}
    if kind == "provider":
        n, s = PROVIDERS[i]
        return {"id": i, "url": url("circuits", "providers", i),
                "display": n, "name": n, "slug": s, "description": ""}
    if kind == "pnet":
        n, _ = PNETS[i]
        return {"id": i, "url": url("circuits", "provider-networks", i),
                "display": n, "name": n, "description": ""}
    if kind == "device":
        n = DEVICES[i][0]
        return {"id": i, "url": url("dcim", "devices", i), "display": n,
                "name": n, "description": ""}
    if kind == "tenant":
        n, s = TENANTS[i]
        return {"id": i, "url": url("tenancy", "tenants", i),
                "display": n, "name": n, "slug": s, "description": ""}
    if kind == "circuit":
        c = CIRCUITS[i]
        return {"id": i, "url": url("circuits", "circuits", i),
                "display": c[0], "provider": brief("provider", c[1]),
                "cid": c[0], "description": ""}
    if kind == "cable":
        return {"id": i, "url": url("dcim", "cables", i),
                "display": CABLES[i][3] or f"#{i}", "label": CABLES[i][3],
                "description": ""}
    if kind == "region":
        for s, (rid, n) in REGIONS.items():
            if rid == i:
                return {"id": rid, "url": url("dcim", "regions", rid),
                        "display": n, "name": n, "slug": s,
                        "description": "", "_depth": 0}
    raise KeyError(kind)


def tag(slug):
    i, n, color = TAGS[slug]
    return {"id": i, "url": url("extras", "tags", i), "display": n,
            "name": n, "slug": slug, "color": color}


def choice(v, label=None):
    return {"value": v, "label": label or v.replace("-", " ").title()}


def common(i, app, ep, display):
    return {"id": i, "url": url(app, ep, i),
            "display_url": durl(app, ep, i), "display": display}


def tail(tags=()):
    return {"tags": [tag(t) for t in tags], "custom_fields": {},
            "created": STAMP, "last_updated": STAMP}


def site(i):
    n, s, reg, fac = SITES[i]
    o = common(i, "dcim", "sites", n)
    o.update({"name": n, "slug": s, "status": choice("active"),
              "region": brief("region", REGIONS[reg][0]), "group": None,
              "tenant": None, "facility": fac, "time_zone": "America/New_York",
              "description": "", "physical_address": "",
              "shipping_address": "", "latitude": None, "longitude": None,
              "owner": None, "comments": "", "asns": []})
    o.update(tail())
    o.update({"circuit_count": 0, "device_count": 0, "prefix_count": 0,
              "rack_count": 0, "virtualmachine_count": 0, "vlan_count": 0})
    return o


def provider(i):
    n, s = PROVIDERS[i]
    o = common(i, "circuits", "providers", n)
    o.update({"name": n, "slug": s, "accounts": [], "description": "",
              "owner": None, "comments": "", "asns": []})
    o.update(tail())
    o["circuit_count"] = sum(1 for c in CIRCUITS.values() if c[1] == i)
    return o


def pnet(i):
    n, p = PNETS[i]
    o = common(i, "circuits", "provider-networks", n)
    o.update({"provider": brief("provider", p), "name": n, "service_id": "",
              "description": "", "owner": None, "comments": ""})
    o.update(tail())
    return o


def device(i):
    n, s, role = DEVICES[i]
    o = common(i, "dcim", "devices", n)
    o.update({"name": n,
              "device_type": {"id": 1, "url": url("dcim", "device-types", 1),
                              "display": "ISR 1111-8P",
                              "manufacturer": {"id": 1, "url": url(
                                  "dcim", "manufacturers", 1),
                                  "display": "Cisco", "name": "Cisco",
                                  "slug": "cisco", "description": ""},
                              "model": "ISR 1111-8P",
                              "slug": "isr1111-8p", "description": ""},
              "role": {"id": 1, "url": url("dcim", "device-roles", 1),
                       "display": role, "name": role, "slug": role,
                       "description": ""},
              "tenant": None, "platform": None, "serial": "",
              "asset_tag": None, "site": brief("site", s), "location": None,
              "rack": None, "position": None, "face": None,
              "latitude": None, "longitude": None, "parent_device": None,
              "status": choice("active"), "airflow": None,
              "primary_ip": None, "primary_ip4": None, "primary_ip6": None,
              "oob_ip": None, "cluster": None, "virtual_chassis": None,
              "vc_position": None, "vc_priority": None, "description": "",
              "owner": None, "comments": "", "config_template": None,
              "local_context_data": None})
    o.update(tail())
    return o


def cabled(cable, end, peers):
    return {"mark_connected": False,
            "cable": brief("cable", cable) if cable else None,
            "cable_end": end, "link_peers": peers,
            "link_peers_type": None, "_occupied": bool(cable)}


def iface(i):
    d, n, mtu, cable, end = IFACES[i]
    o = common(i, "dcim", "interfaces", n)
    o.update({"device": brief("device", d), "vdcs": [], "module": None,
              "name": n, "label": "",
              "type": choice("1000base-t", "1000BASE-T (1GE)"),
              "enabled": True, "parent": None, "bridge": None, "lag": None,
              "mtu": mtu, "mac_address": None, "speed": None,
              "duplex": None, "wwn": None, "mgmt_only": False,
              "description": "", "mode": None, "rf_role": None,
              "rf_channel": None, "poe_mode": None, "poe_type": None,
              "rf_channel_frequency": None, "rf_channel_width": None,
              "tx_power": None, "untagged_vlan": None, "tagged_vlans": [],
              "qinq_svlan": None, "vlan_translation_policy": None})
    o.update(cabled(cable, end, []))
    o.update({"wireless_link": None, "wireless_lans": [], "vrf": None,
              "l2vpn_termination": None, "connected_endpoints": None,
              "connected_endpoints_type": None,
              "connected_endpoints_reachable": None})
    o.update(tail())
    o.update({"count_ipaddresses": 0, "count_fhrp_groups": 0,
              "mac_addresses": []})
    return o


def rear(i):
    d, n, pos, cable, end = REARS[i]
    o = common(i, "dcim", "rear-ports", n)
    o.update({"device": brief("device", d), "module": None, "name": n,
              "label": "", "type": choice("lc", "LC"), "color": "",
              "positions": pos, "description": ""})
    o.update(cabled(cable, end, []))
    o.update(tail())
    return o


def front(i):
    d, n, r, pos, cable, end = FRONTS[i]
    o = common(i, "dcim", "front-ports", n)
    o.update({"device": brief("device", d), "module": None, "name": n,
              "label": "", "type": choice("lc", "LC"), "color": "",
              "rear_port": {"id": r, "url": url("dcim", "rear-ports", r),
                            "display_url": durl("dcim", "rear-ports", r),
                            "display": REARS[r][1], "name": REARS[r][1],
                            "label": "", "description": ""},
              "rear_port_position": pos, "description": ""})
    o.update(cabled(cable, end, []))
    o.update(tail())
    return o


def obj_brief(kind, i):
    if kind == "dcim.interface":
        return {"id": i, "url": url("dcim", "interfaces", i),
                "display": IFACES[i][1],
                "device": brief("device", IFACES[i][0]),
                "name": IFACES[i][1], "description": "",
                "cable": IFACES[i][3], "_occupied": True}
    if kind == "dcim.frontport":
        return {"id": i, "url": url("dcim", "front-ports", i),
                "display": FRONTS[i][1],
                "device": brief("device", FRONTS[i][0]),
                "name": FRONTS[i][1], "description": "",
                "cable": FRONTS[i][4], "_occupied": True}
    if kind == "dcim.rearport":
        return {"id": i, "url": url("dcim", "rear-ports", i),
                "display": REARS[i][1],
                "device": brief("device", REARS[i][0]),
                "name": REARS[i][1], "description": "",
                "cable": REARS[i][3], "_occupied": True}
    if kind == "circuits.circuittermination":
        t = TERMS[i]
        return {"id": i, "url": url("circuits", "circuit-terminations", i),
                "display": f"{CIRCUITS[t[0]][0]}: Termination {t[1]}",
                "circuit": brief("circuit", t[0]), "term_side": t[1],
                "description": "", "cable": t[5], "_occupied": True}
    raise KeyError(kind)


def cable(i):
    a, b, tags, label = CABLES[i]
    o = common(i, "dcim", "cables", label or f"#{i}")
    side = lambda s: [{"object_type": k, "object_id": j,
                       "object": obj_brief(k, j)} for k, j in s]
    o.update({"type": "smf", "a_terminations": side(a),
              "b_terminations": side(b), "status": choice("connected"),
              "profile": None, "tenant": None, "label": label, "color": "",
              "length": None, "length_unit": None, "description": "",
              "owner": None, "comments": ""})
    o.update(tail(tags))
    return o


def where(kind, i):
    if kind == "dcim.site":
        return brief("site", i)
    return brief("pnet", i)


def term(i, v37):
    c, side, (kind, wid), ps, us, cab, end, mark = TERMS[i]
    o = common(i, "circuits", "circuit-terminations",
               f"{CIRCUITS[c][0]}: Termination {side}")
    o.update({"circuit": brief("circuit", c), "term_side": side})
    if v37:
        o["site"] = brief("site", wid) if kind == "dcim.site" else None
        o["provider_network"] = (brief("pnet", wid) if kind !=
                                 "dcim.site" else None)
    else:
        o.update({"termination_type": kind, "termination_id": wid,
                  "termination": where(kind, wid)})
    o.update({"port_speed": ps, "upstream_speed": us, "xconnect_id": "",
              "pp_info": "", "description": ""})
    o.update(cabled(cab, end, []))
    o["mark_connected"] = mark
    if cab:
        far = CABLES[cab][1]
        o["link_peers"] = [obj_brief(k, j) for k, j in far]
        o["link_peers_type"] = far[0][0]
    o.update(tail())
    return o


def circuit(i, v37):
    cid, p, typ, st, ten, cr, tags = CIRCUITS[i]
    o = common(i, "circuits", "circuits", cid)
    o.update({"cid": cid, "provider": brief("provider", p),
              "provider_account": None,
              "type": {"id": 1, "url": url("circuits", "circuit-types", 1),
                       "display": typ, "name": typ,
                       "slug": typ.lower().replace(" ", "-"),
                       "description": ""},
              "status": choice(st), "tenant": brief("tenant", ten),
              "install_date": None, "termination_date": None,
              "commit_rate": cr, "description": ""})
    if not v37:
        o.update({"distance": None, "distance_unit": None})
    for side in "AZ":
        t = [k for k, v in TERMS.items() if v[0] == i and v[1] == side]
        if not t:
            o[f"termination_{side.lower()}"] = None
            continue
        full = term(t[0], v37)
        keep = ["id", "url", "display_url", "display", "port_speed",
                "upstream_speed", "xconnect_id", "description"]
        keep += (["site", "provider_network"] if v37 else
                 ["termination_type", "termination_id", "termination"])
        o[f"termination_{side.lower()}"] = {k: full[k] for k in keep}
    o.update({"owner": None, "comments": ""})
    o.update(tail(tags))
    if not v37:
        o["assignments"] = [{
            "id": g, "url": url("circuits", "circuit-group-assignments", g),
            "display": f"{grp} ({pri.title()})",
            "group": {"id": 1, "url": url("circuits", "circuit-groups", 1),
                      "display": grp, "name": grp},
            "priority": choice(pri)} for g, (grp, c, pri) in
            GROUPS.items() if c == i]
    return o


def group(i):
    grp, c, pri = GROUPS[i]
    o = common(i, "circuits", "circuit-group-assignments",
               f"{grp} ({pri.title()})")
    o.update({"group": {"id": 1, "url": url("circuits", "circuit-groups", 1),
                        "display": grp, "name": grp},
              "member_type": "circuits.circuit", "member_id": c,
              "member": brief("circuit", c), "priority": choice(pri)})
    o.update(tail())
    return o


def page(results, ep, app, per=None):
    """One list response, or pages of per results each."""
    if not per or len(results) <= per:
        return [{"count": len(results), "next": None, "previous": None,
                 "results": results}]
    out = []
    n = len(results)
    for k in range(0, n, per):
        q = lambda off: (f"{BASE}/api/{app}/{ep}/?limit={per}&offset={off}"
                         if 0 <= off < n else None)
        prev = None if k == 0 else (f"{BASE}/api/{app}/{ep}/?limit={per}"
                                    if k == per else q(k - per))
        out.append({"count": n, "next": q(k + per), "previous": prev,
                    "results": results[k:k + per]})
    return out


def write(d, ep, app, results, per=None):
    pages = page(results, ep, app, per)
    if len(pages) == 1:
        names = [f"{ep}.json"]
    else:
        names = [f"{ep}.{k + 1}.json" for k in range(len(pages))]
    for nm, pg in zip(names, pages):
        with open(os.path.join(d, nm), "w") as f:
            json.dump(pg, f, indent=4)
            f.write("\n")


def main():
    for d, v37 in (("tests/netbox/demo", False), ("tests/netbox/demo-37",
                                                   True)):
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(d):
            if f.endswith(".json"):
                os.remove(os.path.join(d, f))
        write(d, "circuits", "circuits",
              [circuit(i, v37) for i in sorted(CIRCUITS)], per=3)
        write(d, "circuit-terminations", "circuits",
              [term(i, v37) for i in sorted(TERMS)], per=5)
        write(d, "providers", "circuits", [provider(i) for i in PROVIDERS])
        write(d, "provider-networks", "circuits", [pnet(i) for i in PNETS])
        if not v37:
            write(d, "circuit-group-assignments", "circuits",
                  [group(i) for i in sorted(GROUPS)])
        write(d, "cables", "dcim", [cable(i) for i in sorted(CABLES)],
              per=4)
        write(d, "interfaces", "dcim", [iface(i) for i in sorted(IFACES)])
        write(d, "front-ports", "dcim", [front(i) for i in sorted(FRONTS)])
        write(d, "rear-ports", "dcim", [rear(i) for i in sorted(REARS)])
        write(d, "devices", "dcim", [device(i) for i in sorted(DEVICES)])
        write(d, "sites", "dcim", [site(i) for i in sorted(SITES)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
