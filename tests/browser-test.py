#!/usr/bin/env python3
"""The HTML report in a real browser: headless Chromium, driven over the
DevTools protocol on a pipe (--remote-debugging-pipe; no network port).

For each page (several examples on one page, single examples, the
HTML-hostile design of tests/browser/ and the escape cases of
tests/hostile/) it loads the file, fails on any console error or uncaught
exception, checks that no injected script ran and no injected element or
attribute exists, clicks the first finding that names elements and checks
that exactly its elements (a circuit among them where it names one) are
highlighted in the SVG, clicks an element and checks that its findings are
listed, sorts a table, and takes a screenshot into OUTDIR.

usage: browser-test.py NOSPOF OUTDIR
"""
import base64
import json
import os
import subprocess
import sys
import tempfile
import time

NOSPOF, OUTDIR = sys.argv[1], sys.argv[2]
TIMEOUT = 60

# (page name, design files, expected exit status of check)
PAGES = [
    ("several", ["examples/alibaba-one-cpe.yaml",
                 "examples/ovhcloud-active-active-undersized.yaml",
                 "examples/alibaba-one-cpe-waived.yaml",
                 "examples/ibm-four-circuit-ha.yaml"], 1),
    ("ibm-ecmp-single-xcr", ["examples/ibm-ecmp-single-xcr.yaml"], 1),
    ("partner-one-exchange-router",
     ["examples/partner-one-exchange-router.yaml"], 1),
    ("gcp-9999-topology", ["examples/gcp-9999-topology.yaml"], 0),
    ("hostile-html", ["tests/browser/hostile-html.yaml"], 1),
    ("hostile-escapes", ["tests/hostile/ansi-escape-names.yaml",
                         "tests/hostile/c1-control.yaml",
                         "tests/hostile/escape-in-unknown-key.yaml",
                         "tests/hostile/binary-junk.yaml"], 2),
]


class Browser:
    """One headless Chromium and the DevTools session of one page."""

    def __init__(self, profile):
        cmd_r, self.cmd_w = os.pipe()
        self.res_r, res_w = os.pipe()

        def fds():
            # the pipe may itself be on fd 3 or 4: copy it away first
            a, b = os.dup(cmd_r), os.dup(res_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
             "--remote-debugging-pipe", "--no-first-run",
             "--user-data-dir=" + profile, "--hide-scrollbars",
             "--disable-extensions", "about:blank"],
            preexec_fn=fds, close_fds=False, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(cmd_r)
        os.close(res_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", url="about:blank")
        self.session = self.call("Target.attachToTarget",
                                 targetId=target["targetId"],
                                 flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(domain + ".enable", session=True)
        self.call("Emulation.setDeviceMetricsOverride", session=True,
                  width=1200, height=900, deviceScaleFactor=1, mobile=False)

    def _read(self, deadline):
        while b"\0" not in self.buf:
            if time.time() > deadline:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self.res_r, 1 << 16)
            if not chunk:
                raise EOFError("chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, session=False, **params):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params}
        if session:
            msg["sessionId"] = self.session
        os.write(self.cmd_w, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + TIMEOUT
        while True:
            m = self._read(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method):
        deadline = time.time() + TIMEOUT
        for i, m in enumerate(self.events):
            if m.get("method") == method:
                del self.events[i]
                return m
        while True:
            m = self._read(deadline)
            if m.get("method") == method:
                return m
            self.events.append(m)

    def eval(self, expr):
        r = self.call("Runtime.evaluate", session=True, expression=expr,
                      returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError("evaluate: %s" % r["exceptionDetails"])
        return r["result"].get("value")

    def errors(self):
        """Console errors, uncaught exceptions and error log entries."""
        out = []
        for m in self.events:
            meth, p = m.get("method"), m.get("params", {})
            if meth == "Runtime.exceptionThrown":
                out.append(p["exceptionDetails"].get("text", "exception"))
            elif meth == "Runtime.consoleAPICalled" and \
                    p.get("type") in ("error", "assert"):
                out.append("console: %s" % p.get("args"))
            elif meth == "Log.entryAdded" and \
                    p["entry"].get("level") == "error":
                out.append("log: %s" % p["entry"].get("text"))
        return out

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.cmd_w)
        os.close(self.res_r)


# What the page must show after the clicks, gathered in the page.
PROBE = r"""
(function(){
  var r = {};
  r.pwned = typeof window.__pwned !== 'undefined' ? String(window.__pwned)
                                                 : null;
  r.scripts = document.querySelectorAll('script').length;
  r.injected = document.querySelectorAll(
      'img,iframe,object,embed,style ~ style,#inj,a[href^="javascript"]')
      .length;
  var on = 0;
  document.querySelectorAll('*').forEach(function(e){
    for (var i = 0; i < e.attributes.length; i++)
      if (/^on/i.test(e.attributes[i].name)) on++;
  });
  r.onattrs = on;
  r.sections = document.querySelectorAll('section.design').length;
  r.svgs = document.querySelectorAll('.topo svg').length;
  r.findings = document.querySelectorAll('.finding').length;
  r.text = document.body.innerText;
  var li = document.querySelector('.finding[data-el]');
  if (li) {
    var want = li.getAttribute('data-el').split(' ').filter(Boolean)
      .filter(function(id){ return document.getElementById(id); }).sort();
    li.click();
    var got = Array.prototype.map.call(
      document.querySelectorAll('.topo g.hl'), function(g){ return g.id; })
      .sort();
    r.clicked = {finding: li.id, want: want, got: got,
                 selected: li.classList.contains('hl')};
    if (want.length) {
      var g = document.getElementById(want[0]);
      g.dispatchEvent(new MouseEvent('click', {bubbles: true}));
      var box = document.getElementById(want[0].split('-')[0] + '-picked');
      r.picked = {text: box ? box.textContent : null,
                  links: box ? box.querySelectorAll('a').length : 0,
                  finding_lit: li.classList.contains('hl')};
    }
  }
  var tb = document.querySelector('table.sortable[id$="-singles"]');
  if (tb && tb.tBodies[0].rows.length > 1) {
    var th = tb.tHead.rows[0].cells[3];
    th.click();
    var v = Array.prototype.map.call(tb.tBodies[0].rows, function(row){
      var c = row.cells[3];
      return c ? parseFloat(c.getAttribute('data-v')) : NaN; });
    var ok = true;
    for (var i = 1; i < v.length; i++) ok = ok && v[i-1] <= v[i];
    if (v.some(isNaN)) ok = false;
    r.sorted = ok;
  }
  return r;
})()
"""


def check_page(b, name, path, expect_svg):
    problems = []
    b.events.clear()
    b.call("Page.navigate", session=True, url="file://" + path)
    b.wait_event("Page.loadEventFired")
    r = b.eval(PROBE)
    shot = b.call("Page.captureScreenshot", session=True, format="png",
                  captureBeyondViewport=False)
    png = base64.b64decode(shot["data"])
    with open(os.path.join(OUTDIR, name + ".png"), "wb") as f:
        f.write(png)
    if not png.startswith(b"\x89PNG") or len(png) < 5000:
        problems.append("the screenshot is empty")
    time.sleep(0.2)
    b.eval("1")  # collect events that came in after the clicks
    problems += ["console error: " + e for e in b.errors()]
    if r["pwned"] is not None:
        problems.append("an injected script ran: " + r["pwned"])
    if r["scripts"] != 1:
        problems.append("%d script elements, want 1" % r["scripts"])
    if r["injected"] or r["onattrs"]:
        problems.append("injected elements or on* attributes: %d, %d" %
                        (r["injected"], r["onattrs"]))
    if expect_svg and r["svgs"] < 1:
        problems.append("no topology SVG")
    if "nospof design review" not in r["text"]:
        problems.append("the page has no heading")
    c = r.get("clicked")
    if expect_svg and r["findings"] and not c:
        problems.append("no finding names an element")
    if c:
        if not c["selected"] or not c["want"] or c["got"] != c["want"]:
            problems.append("clicking %s lit %s, want %s" %
                            (c["finding"], c["got"], c["want"]))
        p = r.get("picked")
        if not p or not p["links"] or not p["finding_lit"]:
            problems.append("clicking an element listed no finding: %s" % p)
    if r.get("sorted") is False:
        problems.append("the single-failure table did not sort")
    return r, problems


def main():
    os.makedirs(OUTDIR, exist_ok=True)
    failed = passed = 0
    with tempfile.TemporaryDirectory() as tmp:
        b = Browser(os.path.join(tmp, "profile"))
        try:
            for name, files, status in PAGES:
                out = os.path.join(tmp, name + ".html")
                env = dict(os.environ, NOSPOF_TODAY="2026-06-01")
                rc = subprocess.call([NOSPOF, "check", "--no-config", "-f",
                                      "html", "-o", out] + files, env=env)
                problems = []
                if rc != status:
                    problems.append("check exited %d, want %d" % (rc, status))
                try:
                    r, more = check_page(b, name, out, status != 2)
                except (RuntimeError, KeyError) as e:
                    r, more = {"findings": 0, "text": ""}, [str(e)[:400]]
                problems += more
                if name == "hostile-html":
                    # the hostile text shows as text
                    for s in ("window.__pwned='name'", "onerror=",
                              "<svg/onload=", "javascript:"):
                        if s not in r["text"]:
                            problems.append("text %r not shown" % s)
                lit = (r.get("clicked") or {}).get("got", [])
                if name in ("several", "ibm-ecmp-single-xcr",
                            "hostile-html") and \
                        not any("-K" in i for i in lit):
                    problems.append("no circuit lit: %s" % lit)
                if name == "several" and r["sections"] != len(files):
                    problems.append("%d sections, want %d" %
                                    (r["sections"], len(files)))
                c = r.get("clicked") or {}
                print("%s: %s (%d findings, lit %s)" %
                      ("FAIL" if problems else "ok", name, r["findings"],
                       " ".join(c.get("got", [])) or "-"))
                for p in problems:
                    print("  " + p)
                failed += bool(problems)
                passed += not problems
        finally:
            b.close()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
