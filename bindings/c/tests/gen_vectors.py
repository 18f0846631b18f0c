#!/usr/bin/env python3
"""Turns the shared test vectors (tests/vectors: faults.json, bad_input.json,
config.json, listing.json) into a C header for the C tests, so that a case added
to the JSON runs in C too.

Usage: gen_vectors.py VECTORS_DIR HEADER OUT_H   (make writes build/c/vectors_data.h)
HEADER is hms_room_codes.h, whose hms_status enum gives the table of kind names.
The types the header fills in are declared in bindings/c/tests/vectors.h.
"""
import json
import os
import re
import sys


def c_string(data):
    """A C string literal of `data` (str or bytes): printable ASCII as is, every
    other byte as a three-digit octal escape (so a following digit stays a digit)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    out = []
    for byte in data:
        char = chr(byte)
        if char in '"\\?':
            out.append("\\" + char)
        elif 0x20 <= byte < 0x7F:
            out.append(char)
        else:
            out.append("\\%03o" % byte)
    return '"' + "".join(out) + '"'


def fault_cases(matrix):
    """The fault matrix: client settings, operations, and each case with its
    expectation resolved per operation ("*" filled in)."""
    operations = list(matrix["operations"])
    client = matrix["client"]
    lines = [
        "static const vec_client VEC_FAULT_CLIENT VEC_TABLE = {%d, %d, %d, %d, %d};"
        % (client["timeout_ms"], client["max_retries"], client["backoff_base_ms"],
           client["backoff_cap_ms"], client["max_response_bytes"]),
        "",
        "static const vec_operation VEC_OPERATIONS[VEC_OPERATION_COUNT] VEC_TABLE = {",
    ]
    for name in operations:
        target = matrix["operations"][name]
        lines.append("    {%s, %s, %s}," % (c_string(name), c_string(target["method"]),
                                            c_string(target["path"])))
    lines += ["};", "", "static const vec_fault_case VEC_FAULT_CASES[] VEC_TABLE = {"]
    for case in matrix["cases"]:
        fault = dict(case["fault"])
        retry_after_in_ms = fault.pop("retry_after_in_ms", -1)
        body_bytes = fault.pop("body_bytes", -1)
        fields = json.dumps(fault, separators=(",", ":"))[1:-1]
        expects = []
        for name in operations:
            want = case["expect"].get(name, case["expect"]["*"])
            kind = c_string(want["kind"]) if want["kind"] is not None else "NULL"
            expects.append("{%s, %d, %d, %d}" % (kind, want["requests"], want.get("min_ms", 0),
                                                 want.get("retry_after_ms", -1)))
        lines.append("    {%s, %s, %d, %d, {%s}}," % (c_string(case["name"]), c_string(fields),
                                                     retry_after_in_ms, body_bytes,
                                                     ", ".join(expects)))
    lines.append("};")
    return lines, len(operations)


def input_values(table):
    """The bad-input table: each value as bytes (a literal, or a unit to repeat)."""
    lines = ["static const vec_input VEC_INPUTS[] VEC_TABLE = {"]
    for value in table["values"]:
        if "hex" in value:
            text, times = bytes.fromhex(value["hex"]), 1
        elif "repeat" in value:
            text, times = value["repeat"].encode("utf-8"), value["times"]
        else:
            text, times = value["value"].encode("utf-8"), 1
        lines.append("    {%s, %s, %d, %d, %d}," % (c_string(value["name"]), c_string(text),
                                                   len(text), times, int(value["valid"])))
    lines.append("};")
    return lines


def optional_string(value):
    """A C string literal, or NULL for None."""
    return "NULL" if value is None else c_string(value)


def config_cases(table):
    """config.json: each case's options (NULL or -1 when absent) and kind."""
    lines = ["static const vec_config_case VEC_CONFIG_CASES[] VEC_TABLE = {"]
    for case in table["cases"]:
        o = case["options"]
        lines.append("    {%s, %s, %s, %s, %d, %d, %s, %s}," % (
            c_string(case["name"]), optional_string(o.get("management_token")),
            optional_string(o.get("access_key")), optional_string(o.get("app_secret")),
            o.get("max_retries", -1), o.get("max_pages", -1), optional_string(case["kind"]),
            optional_string(o.get("base_url"))))
    lines.append("};")
    return lines


def listing_cases(table):
    """listing.json: each case's fault rule members (NULL for none), max_pages
    (-1 for the default), kind, request count and codes handed out."""
    lines = ["static const vec_listing_case VEC_LISTING_CASES[] VEC_TABLE = {"]
    for case in table["cases"]:
        fields = None if case["fault"] is None else json.dumps(case["fault"], separators=(",", ":"))[1:-1]
        lines.append("    {%s, %s, %d, %s, %d, %d}," % (
            c_string(case["name"]), optional_string(fields), case["client"].get("max_pages", -1),
            optional_string(case["kind"]), case["requests"], case["codes"]))
    lines.append("};")
    return lines


def status_names(header_path):
    """Every hms_status of the C header with its name as the library spells it
    (HMS_STATUS_ROOM_NOT_FOUND: "room_not_found"): the test's table of names
    comes from the enum itself, not from a copy."""
    with open(header_path, encoding="utf-8") as f:
        pairs = re.findall(r"^\s*HMS_STATUS_(\w+) = (\d+),", f.read(), re.M)
    lines = ["static const vec_status_name VEC_STATUS_NAMES[] VEC_TABLE = {"]
    lines += ["    {%s, %s}," % (value, c_string(name.lower())) for name, value in pairs]
    lines.append("};")
    return lines


def load(directory, name):
    with open(os.path.join(directory, name), encoding="utf-8") as f:
        return json.load(f)


def main():
    directory, header_path, out_path = sys.argv[1:4]
    fault_lines, operation_count = fault_cases(load(directory, "faults.json"))
    input_lines = input_values(load(directory, "bad_input.json"))
    rule_lines = config_cases(load(directory, "config.json")) + [""] + listing_cases(load(directory, "listing.json"))
    rule_lines += [""] + status_names(header_path)
    header = [
        "/* Generated by bindings/c/tests/gen_vectors.py from the JSON files in %s: do not edit. */" % directory,
        "#ifndef HMS_TESTS_VECTORS_DATA_H",
        "#define HMS_TESTS_VECTORS_DATA_H",
        "/* Include vectors.h first: it declares the types. */",
        "#if VEC_OPERATION_COUNT != %d" % operation_count,
        '#error "faults.json has another number of operations than vectors.h expects"',
        "#endif",
        "",
    ]
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(header + fault_lines + [""] + input_lines + [""] + rule_lines + ["", "#endif", ""]))


if __name__ == "__main__":
    main()
