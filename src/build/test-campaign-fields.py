#!/usr/bin/env python3
"""Replaces the copied open/drop test-campaign set-up with @TestCampaign fields (issue 24).

Replayable: run from the repository root; converts only classes whose @BeforeEach opens a test campaign
(and perhaps makes TestLetters) and nothing else, and whose @AfterEach drops the test campaigns and nothing
else. Prints the files it changed.
"""
import pathlib
import re

# the lines the extension now does, at the start of a @BeforeEach / @AfterEach method (the rest stays)
BEFORE = re.compile(r"(\n\t@BeforeEach\n\tvoid \w+\(\) \{\n)\t\tcampaign = TestCampaigns\.open\(jdbc\);\n"
                    r"(\t\ttestLetters = new TestLetters\(letters, tx, jdbc\);\n)?")
AFTER = re.compile(r"(\n\t@AfterEach\n\tvoid \w+\(\) \{\n)\t\tTestCampaigns\.dropAll\(jdbc\);\n")
# a method left empty
EMPTY = re.compile(r"\n\t@(BeforeEach|AfterEach)\n\tvoid \w+\(\) \{\n\t\}\n")


def unused(source, name):
    return len(re.findall(r"\b" + re.escape(name) + r"\b", source)) == 0


for path in sorted(pathlib.Path("src/test/java").rglob("*.java")):
    s = path.read_text()
    before, after = BEFORE.search(s), AFTER.search(s)
    if not before or not after:
        continue
    s = BEFORE.sub(r"\1", s, count=1)
    s = AFTER.sub(r"\1", s, count=1)
    s = EMPTY.sub("", s)
    s = re.sub(r"\n\tlong campaign;\n", "\n\t@TestCampaign\n\tlong campaign;\n", s, count=1)
    s = re.sub(r"\n\tTestLetters testLetters;\n", "\n\t@TestCampaign\n\tTestLetters testLetters;\n", s, count=1)
    for field, type_ in (("letters", "Letters"), ("tx", "TransactionTemplate")):
        declaration = "\n\t@Autowired\n\t" + type_ + " " + field + ";\n"
        if declaration in s and len(re.findall(r"\b" + field + r"\b", s.replace(declaration, "\n"))) == 0:
            s = s.replace(declaration, "\n")
    body = re.sub(r"^import .*$", "", s, flags=re.M)
    for imported in ("org.junit.jupiter.api.BeforeEach", "org.junit.jupiter.api.AfterEach", "az.asan.mektub.TestCampaigns",
                     "az.asan.mektub.letter.Letters", "org.springframework.transaction.support.TransactionTemplate",
                     "org.springframework.beans.factory.annotation.Autowired"):
        simple = imported.rsplit(".", 1)[1]
        if unused(body, simple):
            s = s.replace("import " + imported + ";\n", "")
    if not s.startswith("package az.asan.mektub;") and "import az.asan.mektub.TestCampaign;" not in s:
        s = re.sub(r"(\nimport az\.asan\.mektub\.)", r"\nimport az.asan.mektub.TestCampaign;\1", s, count=1) \
            if re.search(r"\nimport az\.asan\.mektub\.", s) else \
            re.sub(r"(package [^;]+;\n)", r"\1\nimport az.asan.mektub.TestCampaign;\n", s, count=1)
    s = re.sub(r"\n\n\n+", "\n\n", s)
    path.write_text(s)
    print(path)


def place_import(source):
    """Puts `import az.asan.mektub.TestCampaign;` in order among the project's imports."""
    line = "import az.asan.mektub.TestCampaign;"
    lines = [l for l in source.split("\n") if l != line]
    ours = [i for i, l in enumerate(lines) if l.startswith("import az.asan.mektub.")]
    if not ours:
        return source
    at = next((i for i in ours if lines[i] > line), ours[-1] + 1)
    lines.insert(at, line)
    return "\n".join(lines)


for path in sorted(pathlib.Path("src/test/java").rglob("*.java")):
    s = path.read_text()
    if "import az.asan.mektub.TestCampaign;" in s:
        path.write_text(place_import(s))
