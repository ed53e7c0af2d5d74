"""Prints each failed test of the given TRX reports with the first lines of its message and stack trace, so the tail
of a CI log says what broke without the full report."""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}

for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", NS):
        if result.get("outcome") != "Failed":
            continue
        message = result.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=NS).strip()
        stack = result.findtext(".//t:ErrorInfo/t:StackTrace", default="", namespaces=NS).strip()
        print(f"--- {result.get('testName')} ({result.get('duration')})")
        for line in (message.splitlines()[:12] + stack.splitlines()[:6]):
            print("    " + line[:300])
