#!/usr/bin/python3
"""Validate nospof designs and JSON reports against the JSON Schemas.

Usage:
  validate.py designs SCHEMA FILE...   every YAML FILE must validate
  validate.py bad SCHEMA FILE...       every YAML FILE must fail validation
  validate.py reports SCHEMA FILE...   every JSON FILE must validate

Prints one line per file ("ok FILE" or "FAIL FILE: reason") and a final
"N passed, M failed" line; exits 0 when nothing failed, 1 otherwise, 2 on a
usage error or an invalid schema.

A file under test with `bad` may name the error it is written to provoke in a
comment line "# expect: POINTER KEYWORD" (e.g. "# expect: /circuits/0
additionalProperties"); it then passes only if validation reports an error of
that keyword at that instance location, so a typo elsewhere in the file cannot
make it fail for the wrong reason.

Only the standard library, PyYAML and jsonschema (Debian's python3-yaml and
python3-jsonschema) are used.
"""

import json
import re
import sys

import jsonschema
import yaml


class DesignLoader(yaml.SafeLoader):
    """SafeLoader without timestamps (`expires: 2027-01-31` stays a string)
    and with duplicate mapping keys rejected, as nospof's loader does."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue  # "<<" may override keys; PyYAML merges it
            key = self.construct_object(key_node, deep=deep)
            try:
                dup = key in seen
            except TypeError:
                continue  # unhashable key: let PyYAML report it
            if dup:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark,
                    "found duplicate key %r" % (key,), key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


DesignLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

EXPECT_RE = re.compile(r"^#[ \t]*expect:[ \t]*(\S+)[ \t]+(\S+)[ \t]*$",
                       re.MULTILINE)
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
FAIL_ON_RANK = {"info": 0, "warning": 1, "error": 2, "never": 3}


class LoadError(Exception):
    pass


def pointer(path):
    """JSON Pointer (RFC 6901) of a jsonschema error path."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1")
                   for p in path)


def describe(err):
    msg = err.message
    if len(msg) > 160:  # e.g. a long pattern
        msg = msg[:157] + "..."
    return "%s: %s (%s)" % (pointer(err.absolute_path) or "(document)",
                            msg, err.validator)


def all_errors(errors):
    """Every error, including those nested in anyOf/oneOf/if contexts."""
    for err in errors:
        yield err
        if err.context:
            yield from all_errors(err.context)


def read_text(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise LoadError("cannot read: %s" % e)


def load_yaml(text):
    try:
        return yaml.load(text, Loader=DesignLoader)
    except yaml.YAMLError as e:
        raise LoadError("YAML: %s" % " ".join(str(e).split()))


def reject_constant(name):
    raise ValueError("%s is not valid JSON" % name)


def reject_duplicates(pairs):
    obj = {}
    for k, v in pairs:
        if k in obj:
            raise ValueError("duplicate key %r" % k)
        obj[k] = v
    return obj


def load_json(text):
    try:
        return json.loads(text, parse_constant=reject_constant,
                          object_pairs_hook=reject_duplicates)
    except ValueError as e:
        raise LoadError("JSON: %s" % e)


def report_consistency(doc):
    """What the report schema describes but cannot express: the summary
    counts and verdict agree with the findings, and findings are sorted."""
    problems = []
    findings = doc["findings"]
    summary = doc["summary"]
    live = [f for f in findings if not f["waived"]]
    expect = {
        "findings": len(live),
        "errors": sum(f["severity"] == "error" for f in live),
        "warnings": sum(f["severity"] == "warning" for f in live),
        "infos": sum(f["severity"] == "info" for f in live),
        "waived": len(findings) - len(live),
        "input_errors": sum(f["rule"] == "INPUT" for f in findings),
    }
    for key, want in expect.items():
        if summary[key] != want:
            problems.append("summary.%s is %d, the findings give %d"
                            % (key, summary[key], want))
    files = {f["file"] for f in findings}
    if summary["files"] < len(files):
        problems.append("summary.files is %d, findings name %d files"
                        % (summary["files"], len(files)))
    if expect["input_errors"]:
        verdict = "input-error"
    elif any(SEVERITY_RANK[f["severity"]] >= FAIL_ON_RANK[summary["fail_on"]]
             for f in live):
        verdict = "fail"
    else:
        verdict = "pass"
    if summary["verdict"] != verdict:
        problems.append("summary.verdict is %r, the findings give %r"
                        % (summary["verdict"], verdict))

    def key(f):
        return (f["file"], f["line"], f["column"], f["rule"], f["elements"])

    for n in range(1, len(findings)):
        if key(findings[n - 1]) > key(findings[n]):
            problems.append("findings/%d sorts before findings/%d" % (n, n - 1))
            break
    for n, f in enumerate(findings):
        if f["waived"] != (f["waiver"] is not None):
            problems.append("findings/%d: waived and waiver disagree" % n)
    return problems


def expected_error(text):
    """(pointer, keyword) from a "# expect: POINTER KEYWORD" line, or None;
    POINTER "" names the whole document."""
    m = EXPECT_RE.search(text)
    if not m:
        return None
    ptr = "" if m.group(1) == '""' else m.group(1)
    return ptr, m.group(2)


def check_file(mode, validator, path):
    """Returns (passed, text after the file name)."""
    try:
        text = read_text(path)
    except LoadError as e:
        return False, str(e)
    expect = expected_error(text) if mode == "bad" else None
    try:
        doc = load_json(text) if mode == "reports" else load_yaml(text)
    except LoadError as e:
        if mode == "bad" and expect is None:
            return True, "rejected: %s" % e
        if mode == "bad":
            return False, "rejected, but not by the schema: %s" % e
        return False, str(e)

    errors = sorted(validator.iter_errors(doc),
                    key=lambda e: (list(map(str, e.absolute_path)),
                                   e.validator))
    if mode == "bad":
        if not errors:
            return False, "validated, but should have been rejected"
        best = jsonschema.exceptions.best_match(errors)
        if expect is None:
            return True, "rejected: %s" % describe(best)
        hit = next((e for e in all_errors(errors)
                    if pointer(e.absolute_path) == expect[0] and
                    e.validator == expect[1]), None)
        if hit is None:
            return False, ("rejected, but not by the expected %s at %s: %s"
                           % (expect[1], expect[0] or "(document)",
                              describe(best)))
        return True, "rejected as expected: %s" % describe(hit)

    if errors:
        more = "" if len(errors) == 1 else " (and %d more)" % (len(errors) - 1)
        return False, describe(jsonschema.exceptions.best_match(errors)) + more
    if mode == "reports":
        problems = report_consistency(doc)
        if problems:
            return False, "; ".join(problems)
    return True, ""


def main(argv):
    if len(argv) < 4 or argv[1] not in ("designs", "bad", "reports"):
        sys.stderr.write("usage: %s designs|bad|reports SCHEMA FILE...\n"
                         % argv[0])
        return 2
    mode, schema_path, files = argv[1], argv[2], argv[3:]
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft7Validator.check_schema(schema)
    except (OSError, ValueError) as e:
        sys.stderr.write("%s: cannot load schema: %s\n" % (schema_path, e))
        return 2
    except jsonschema.exceptions.SchemaError as e:
        sys.stderr.write("%s: not a valid draft-07 schema: %s\n"
                         % (schema_path, e.message))
        return 2
    checker = getattr(jsonschema.Draft7Validator, "FORMAT_CHECKER", None) \
        or jsonschema.draft7_format_checker
    validator = jsonschema.Draft7Validator(schema, format_checker=checker)

    passed = failed = 0
    for path in files:
        ok, detail = check_file(mode, validator, path)
        if ok:
            passed += 1
            print("ok %s%s" % (path, ": " + detail if detail else ""))
        else:
            failed += 1
            print("FAIL %s: %s" % (path, detail))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
