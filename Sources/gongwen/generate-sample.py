#!/usr/bin/env python3
"""Writes Sample.swift: the shipped sample embedded as base64, so `gongwen` runs from any directory."""
import base64, os, textwrap
here = os.path.dirname(os.path.abspath(__file__))
name = "000_2d09065b1503b549.txt"
data = open(os.path.join(here, "../../Fixtures/sample", name), "rb").read()
lines = textwrap.wrap(base64.b64encode(data).decode(), 100)
with open(os.path.join(here, "Sample.swift"), "w") as out:
    out.write("// Generated from Fixtures/sample/%s by generate-sample.py beside this file; do not edit.\n" % name)
    out.write("import Foundation\n\n")
    out.write("/// The shipped sample, built into the binary so `gongwen` alone works from any directory.\n")
    out.write("enum Sample {\n")
    out.write("  /// The name the sample is reported under.\n")
    out.write('  static let path = "%s"\n\n' % name)
    out.write("  /// The sample's bytes, exactly as shipped.\n")
    out.write("  static let bytes: [UInt8] = Array(Data(base64Encoded: base64) ?? Data())\n\n")
    out.write('  private static let base64 = """\n')
    for k, l in enumerate(lines):
        out.write('    %s%s\n' % (l, '\\' if k + 1 < len(lines) else ''))
    out.write('    """\n}\n')
