#!/usr/bin/env python3
"""Check every --json output a test script kept against docs/json.

usage: json-check.py SCHEMA_FILE DIR

DIR holds out.XXXXXX (a command's standard output) and out.XXXXXX.args (its
arguments, NUL-separated), written by test-lib.sh's rapport(). The schema
file's "commands" object maps a command ("org add", "agenda") to the name of
a definition in its "$defs"; every command that printed JSON must have one.
With JSON_SAMPLES set to a folder, each output is also copied there (to
write schemas from).
"""
import json
import os
import shutil
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    sys.exit("json-check: python3-jsonschema is missing (sh scripts/install-deps)")

GLOBAL_WITH_VALUE = {"--db", "--account"}
GLOBAL_FLAGS = {"--json", "--help", "-h"}


def command_of(args, commands):
    """The longest known command the positional words start with."""
    words = []
    i = 0
    while i < len(args) and len(words) < 2:
        a = args[i]
        if a in GLOBAL_WITH_VALUE:
            i += 2
            continue
        if a in GLOBAL_FLAGS or a.startswith("--db=") or a.startswith("--account="):
            i += 1
            continue
        if a.startswith("-"):
            break
        words.append(a)
        i += 1
    if len(words) == 2 and " ".join(words) in commands:
        return " ".join(words)
    if words and words[0] in commands:
        return words[0]
    return " ".join(words)


def main():
    schema_path, folder = sys.argv[1], sys.argv[2]
    root = json.load(open(schema_path))
    commands = root.get("commands", {})
    samples = os.environ.get("JSON_SAMPLES")
    failures = 0
    for name in sorted(os.listdir(folder)):
        if name.endswith(".args") or not os.path.exists(os.path.join(folder, name + ".args")):
            continue
        args = open(os.path.join(folder, name + ".args"), "rb").read().decode().split("\0")[:-1]
        cmd = command_of(args, commands)
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        if samples:
            os.makedirs(samples, exist_ok=True)
            key = cmd.replace(" ", "_") or "none"
            shutil.copy(os.path.join(folder, name), os.path.join(samples, key + "." + name))
        try:
            doc = json.loads(text)
        except ValueError as e:
            print(f"rapport {' '.join(args)}: not JSON: {e}")
            failures += 1
            continue
        if cmd not in commands:
            print(f"rapport {' '.join(args)}: no schema for '{cmd}' in {schema_path}")
            failures += 1
            continue
        schema = {"$defs": root["$defs"], "$ref": "#/$defs/" + commands[cmd]}
        errors = sorted(Draft202012Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
        for e in errors[:3]:
            where = "/".join(str(p) for p in e.absolute_path) or "(top)"
            print(f"rapport {' '.join(args)}: {where}: {e.message[:300]}")
        failures += bool(errors)
    sys.exit(1 if failures else 0)


main()
