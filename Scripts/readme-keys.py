#!/usr/bin/env python3
"""Rewrites the key table in Personas/README.md from Sources/CallsimPersonas/Schema.swift."""
import pathlib, re
root = pathlib.Path(__file__).resolve().parent.parent
schema = (root / "Sources/CallsimPersonas/Schema.swift").read_text()
rows = re.findall(r'key\("([^"]+)", "([^"]*)", (true|false), "((?:[^"\\]|\\.)*)"\)', schema)
table = ["| key | type | required | meaning |", "| --- | --- | --- | --- |"]
for path, kind, required, summary in rows:
    summary = summary.replace('\\"', '"').replace("|", "\\|")
    table.append(f"| `{path}` | {kind.replace('|', chr(92) + '|')} | {'yes' if required == 'true' else ''} | {summary} |")
readme_path = root / "Personas/README.md"
readme = readme_path.read_text()
start = readme.index("| key | type | required | meaning |")
end = readme.index("\n\n", start)
readme_path.write_text(readme[:start] + "\n".join(table) + readme[end:])
