#!/usr/bin/env python3
"""Checks that the README's coordinates are the ones the staging consumer builds with.

The README's Maven snippet must be, element for element, the block between the readme:maven markers
in consumer-check/pom.xml; its Gradle Kotlin DSL snippet must name the same artifacts, version and
scopes; and the version must be the project's. Prints one line and exits 0, or names the difference
and exits 1.
"""
import re
import sys
import xml.etree.ElementTree as ET

POM_NS = "{http://maven.apache.org/POM/4.0.0}"
GRADLE_CONFIGURATION = {"compile": "implementation", "runtime": "runtimeOnly", "test": "testImplementation"}


def fenced_blocks(text, language):
    return re.findall(r"```" + language + r"\n(.*?)```", text, re.S)


def coordinates(xml_text):
    """(bom, version, [(artifact, scope)]) of a snippet holding the BOM import and the dependencies."""
    root = ET.fromstring("<snippet>" + xml_text + "</snippet>")
    bom = root.find("dependencyManagement/dependencies/dependency")
    dependencies = [
        (d.findtext("groupId") + ":" + d.findtext("artifactId"), d.findtext("scope") or "compile")
        for d in root.findall("dependencies/dependency")
    ]
    return bom.findtext("groupId") + ":" + bom.findtext("artifactId"), bom.findtext("version"), dependencies


def main():
    readme = open("README.md", encoding="utf-8").read()
    consumer = open("consumer-check/pom.xml", encoding="utf-8").read()
    project_version = ET.parse("pom.xml").getroot().findtext(POM_NS + "version")

    marked = re.search(r"<!-- readme:maven:begin -->(.*?)<!-- readme:maven:end -->", consumer, re.S)
    maven = [b for b in fenced_blocks(readme, "xml") if "allocator-bom" in b]
    gradle = [b for b in fenced_blocks(readme, "kotlin") if "platform(" in b]
    if not marked or len(maven) != 1 or len(gradle) != 1:
        sys.exit("README: expected one Maven snippet importing allocator-bom and one Gradle snippet"
                 " with platform(...), and consumer-check/pom.xml: the readme:maven markers")

    readme_coordinates = coordinates(maven[0])
    consumer_coordinates = coordinates(marked.group(1))
    if readme_coordinates != consumer_coordinates:
        sys.exit(f"README Maven coordinates {readme_coordinates}\n"
                 f"differ from consumer-check's {consumer_coordinates}")
    bom, version, dependencies = readme_coordinates
    if version != project_version:
        sys.exit(f"README imports {bom}:{version}; the project's version is {project_version}")

    expected = [f'implementation(platform("{bom}:{version}"))'] + [
        f'{GRADLE_CONFIGURATION[scope]}("{artifact}")' for artifact, scope in dependencies]
    written = [line.split("//")[0].strip() for line in gradle[0].splitlines()]
    written = [line for line in written if line and line not in ("dependencies {", "}")]
    if written != expected:
        sys.exit("README Gradle snippet:\n  " + "\n  ".join(written)
                 + "\nexpected, from the Maven coordinates:\n  " + "\n  ".join(expected))
    print(f"README coordinates: {bom}:{version} and {len(dependencies)} artifacts, as consumer-check uses them")


if __name__ == "__main__":
    main()
