#!/usr/bin/env python3
"""Writes the hostile samples of the document formats into fixtures/hostile/ (run from the
repository's top folder): a ZIP bomb named .docx, a text named .odt, a scanned PDF (pages
that draw an image and no text), an encrypted PDF, an e-mail of MIME parts nested 1,000
deep and a text without headers named .eml. The test tests/it/hostile.rs says what
Parallax does with each."""
import zipfile

OUT = "fixtures/hostile/"

# a Word file whose document expands to 100 MiB of spaces (some 100 KB on disk)
with zipfile.ZipFile(OUT + "zip-bomb.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        block = b" " * (1 << 20)
        for _ in range(100):
            f.write(block)

with open(OUT + "not-a-zip.odt", "w") as f:
    f.write("This is a plain text saved with the wrong extension.\n")


def pdf(objects, trailer_extra=""):
    """A PDF of these objects (1 is the catalog) with a correct cross-reference table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for o in offsets:
        out += f"{o:010} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra}>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def stream(data):
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


with open(OUT + "scanned.pdf", "wb") as f:
    f.write(pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 595 842] >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>",
        stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
    ]))

ids = "<" + "01" * 16 + ">"
with open(OUT + "encrypted.pdf", "wb") as f:
    f.write(pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
        stream(b"BT /F1 12 Tf 72 700 Td (Secret text) Tj ET"),
        b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + b"07" * 32 + b"> /U <" + b"09" * 32 + b"> >>",
    ], f"/Encrypt 5 0 R /ID [{ids} {ids}] "))

n = 1000
s = "From: Deep <deep@nest.example>\r\nSubject: Nested parts\r\nMIME-Version: 1.0\r\n"
for i in range(n):
    s += f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n'
s += "Content-Type: text/plain\r\n\r\nThe innermost part says the bridge is open.\r\n"
for i in reversed(range(n)):
    s += f"--b{i}--\r\n"
with open(OUT + "nested-mime.eml", "w") as f:
    f.write(s)

with open(OUT + "no-headers.eml", "w") as f:
    f.write("\n\nJust a line of text, no headers.\n")
