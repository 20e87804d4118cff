#!/usr/bin/env python3
"""Checks that every public top-level type of the published modules says since when it exists.

Java: a top-level `public` class, interface, enum, record or annotation; Kotlin: a top-level class,
interface or object that is not internal or private. Its doc comment must hold an @since tag.
Prints one line and exits 0, or lists the types without one and exits 1.
"""
import pathlib
import re
import sys

JAVA_TYPE = re.compile(
    r"^public (?:(?:abstract|final|sealed|non-sealed|static)\s+)*(?:class|interface|enum|record|@interface)\s+(\w+)",
    re.M)
KOTLIN_TYPE = re.compile(
    r"^(?:public\s+)?(?:(?:data|sealed|abstract|open|enum|value|fun|annotation)\s+)*(?:class|interface|object)\s+(\w+)",
    re.M)


def doc_before(text, position):
    """The /** */ comment that ends right before position, annotations between allowed."""
    head = text[:position]
    end = head.rfind("*/")
    start = head.rfind("/**", 0, end if end >= 0 else 0)
    if start < 0 or end < start:
        return ""
    between = head[end + 2:].strip()
    if between and not all(line.strip().startswith("@") for line in between.splitlines()):
        return ""
    return head[start:end]


def main(modules):
    missing, checked = [], 0
    for module in modules:
        for path in sorted(pathlib.Path(module, "src", "main").rglob("*")):
            if path.suffix == ".java" and path.name not in ("module-info.java", "package-info.java"):
                pattern = JAVA_TYPE
            elif path.suffix == ".kt":
                pattern = KOTLIN_TYPE
            else:
                continue
            text = path.read_text(encoding="utf-8")
            for match in pattern.finditer(text):
                checked += 1
                if "@since" not in doc_before(text, match.start()):
                    missing.append(f"{path}: {match.group(1)}")
    if missing:
        sys.exit("public types without @since:\n  " + "\n  ".join(missing))
    print(f"@since: all {checked} public types of the published modules have one")


if __name__ == "__main__":
    main(sys.argv[1:])
