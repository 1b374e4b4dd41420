#!/usr/bin/env python3
"""An independent verifier for sealed bundles and seal folders, written from docs/SEAL-FORMAT.md
alone: Python's standard library (tarfile, json, hashlib) and the `openssl` command line (SM3,
SM2 with the GM/T 0009 user ID, Ed25519). It shares no code with the app; the tests run it over
the tamper corpus and require the same verdict, the same failing checks and the same naming of
the item as `npm run verify` (tests/integration/bundle-tamper.test.ts).

    python3 tools/verify-py/verify.py [--json] [--hq-root FINGERPRINT|FILE] BUNDLE.tar|封存-编号/ ...

Exit status: 0 every bundle passed and its device certificate chains to the root given with
--hq-root; 1 something failed; 2 nothing could be verified (usage); 3 every check passed but no
--hq-root was given, so whose keys these are is not proven.
"""
import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

BLOCK = 512
FORMAT = "wangxin-field-bundle/2"
SEAL_FORMAT = "wangxin-field-seal/1"
GENESIS = "0" * 64
SM2_USER_ID = "1234567812345678"
SM2_SPKI_PREFIX = bytes.fromhex("3059301306072a8648ce3d020106082a811ccf5501822d034200")
ED25519_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
MANIFEST_FILES = ("manifest.json", "manifest.sm2.der", "manifest.ed25519.sig")
MAX_MEMBER, MAX_HELD_TOTAL = 64 * 1024 * 1024, 256 * 1024 * 1024


# ---------------------------------------------------------------- canonical JSON (RFC 8785)

class NotCanonical(Exception):
    pass


def _string(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch in "\b\f\n\r\t":
            out.append({"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif o < 0x20 or 0xD800 <= o <= 0xDFFF:
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def canonical(v):
    """Keys sorted by UTF-16 code units, no whitespace, integers only (|n| < 2^53)."""
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        if abs(v) > 2**53 - 1:
            raise NotCanonical()
        return str(v)
    if isinstance(v, float):
        raise NotCanonical()
    if isinstance(v, str):
        return _string(v)
    if isinstance(v, list):
        return "[" + ",".join(canonical(x) for x in v) + "]"
    if isinstance(v, dict):
        keys = sorted(v.keys(), key=lambda k: k.encode("utf-16-be"))
        return "{" + ",".join(_string(k) + ":" + canonical(v[k]) for k in keys) + "}"
    raise NotCanonical()


def is_canonical(text, value):
    try:
        return canonical(value) == text
    except NotCanonical:
        return False


def parse_json(b):
    if b is None:
        return False, None
    try:
        return True, json.loads(b.decode("utf-8") if isinstance(b, bytes) else b)
    except (ValueError, UnicodeDecodeError):
        return False, None


# ---------------------------------------------------------------- digests and signatures (openssl)

_sm3_cache = {}


def sha256(b):
    return hashlib.sha256(b).hexdigest()


def sm3(b):
    key = hashlib.sha256(b).digest()
    if key not in _sm3_cache:
        out = subprocess.run(["openssl", "dgst", "-sm3", "-r"], input=b, capture_output=True, check=True)
        _sm3_cache[key] = out.stdout.split()[0].decode()
    return _sm3_cache[key]


class Blob:
    """An evidence member, read from the archive only when checked, piece by piece (any size)."""

    def __init__(self, path, offset, size):
        self.path, self.offset, self.size, self._digests = path, offset, size, None

    def __len__(self):
        return self.size

    def digests(self):
        if self._digests is None:
            h = hashlib.sha256()
            sm3proc = subprocess.Popen(["openssl", "dgst", "-sm3", "-r"], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE)
            with open(self.path, "rb") as f:
                f.seek(self.offset)
                left = self.size
                while left:
                    chunk = f.read(min(left, 1 << 20))
                    if not chunk:
                        break
                    left -= len(chunk)
                    h.update(chunk)
                    sm3proc.stdin.write(chunk)
            out, _ = sm3proc.communicate()
            self._digests = (h.hexdigest(), out.split()[0].decode())
        return self._digests


def sha_of(b):
    return b.digests()[0] if isinstance(b, Blob) else sha256(b)


def sm3_of(b):
    return b.digests()[1] if isinstance(b, Blob) else sm3(b)


def dual(text_or_bytes):
    b = text_or_bytes.encode("utf-8") if isinstance(text_or_bytes, str) else text_or_bytes
    return sha256(b), sm3(b)


def _tmp(dirname, name, data):
    p = os.path.join(dirname, name)
    with open(p, "wb") as f:
        f.write(data)
    return p


def sm2_verify(message, der, pem):
    if not der or not pem:
        return False
    with tempfile.TemporaryDirectory() as d:
        r = subprocess.run(
            ["openssl", "dgst", "-sm3", "-verify", _tmp(d, "k.pem", pem), "-sigopt", "distid:" + SM2_USER_ID,
             "-signature", _tmp(d, "s.der", der), _tmp(d, "m", message)],
            capture_output=True)
        return r.returncode == 0 and b"Verified OK" in r.stdout


def ed25519_verify(message, sig, pem):
    if not sig or not pem:
        return False
    with tempfile.TemporaryDirectory() as d:
        r = subprocess.run(
            ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", _tmp(d, "k.pem", pem), "-rawin",
             "-in", _tmp(d, "m", message), "-sigfile", _tmp(d, "s.sig", sig)],
            capture_output=True)
        return r.returncode == 0 and b"Signature Verified Successfully" in r.stdout


def sm2_pem(hexkey):
    b64 = base64.b64encode(SM2_SPKI_PREFIX + bytes.fromhex(hexkey)).decode()
    lines = [b64[i:i + 64] for i in range(0, len(b64), 64)]
    return "-----BEGIN PUBLIC KEY-----\n" + "\n".join(lines) + "\n-----END PUBLIC KEY-----\n"


def device_keys(sm2_file, ed_file):
    """The two PEM files, each exactly in the form the specification gives."""
    problems, sm2, ed = [], "", ""
    if sm2_file is None:
        problems.append("缺少 device-sm2.pem")
    else:
        text = sm2_file.decode("latin-1")
        body = re.sub(r"-----[^-]+-----|\s", "", text)
        try:
            der = base64.b64decode(body)
        except ValueError:
            der = b""
        key = der[-65:].hex()
        if re.match(r"^04[0-9a-f]{128}$", key) and sm2_pem(key) == text:
            sm2 = key
        else:
            problems.append("device-sm2.pem 不是规定格式的 SM2 公钥")
    if ed_file is None:
        problems.append("缺少 device-ed25519.pem")
    else:
        text = ed_file.decode("latin-1")
        m = re.match(r"^-----BEGIN PUBLIC KEY-----\n([A-Za-z0-9+/]{59}=)\n-----END PUBLIC KEY-----\n$", text)
        if m and base64.b64decode(m.group(1)).startswith(ED25519_SPKI_PREFIX):
            ed = text
        else:
            problems.append("device-ed25519.pem 不是规定格式的 Ed25519 公钥")
    return {"sm2": sm2, "ed25519": ed}, problems


# ---------------------------------------------------------------- shapes (the field tables of the document)

S, I, N = "str", "int", "null"


def shape(value, spec, path="（整体）"):
    """The first way `value` departs from `spec` (None: it conforms). spec: a type name, a tuple of
    alternatives, a dict of exact fields, a one-element list for arrays, or a compiled regex."""
    if isinstance(spec, tuple):
        for alt in spec:
            if shape(value, alt, path) is None:
                return None
        return "%s：类型不符" % path
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            return "%s：须为对象" % path
        for k in value:
            if k not in spec:
                return "%s：多余的字段 %s" % (path, k)
        for k, sub in spec.items():
            if k not in value:
                if k in OPTIONAL:
                    continue
                return "%s：缺少字段 %s" % (path, k)
            p = shape(value[k], sub, k if path == "（整体）" else path + "." + k)
            if p:
                return p
        return None
    if isinstance(spec, list):
        if not isinstance(value, list):
            return "%s：须为数组" % path
        for i, x in enumerate(value):
            p = shape(x, spec[0], "%s.%d" % (path, i))
            if p:
                return p
        return None
    if isinstance(spec, re.Pattern):
        return None if isinstance(value, str) and spec.match(value) else "%s：格式不符" % path
    if spec == "bool":
        return None if isinstance(value, bool) else "%s：须为 true 或 false" % path
    if spec == S:
        return None if isinstance(value, str) else "%s：须为字符串" % path
    if spec == I:
        return None if isinstance(value, int) and not isinstance(value, bool) else "%s：须为整数" % path
    if spec == N:
        return None if value is None else "%s：须为 null" % path
    if spec.startswith("="):
        return None if value == spec[1:] else "%s：须为 %s" % (path, spec[1:])
    if spec == "int>=1":
        return None if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else "%s：须为正整数" % path
    if spec == "int>=0":
        return None if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else "%s：须为非负整数" % path
    if spec == "bool":
        return None if isinstance(value, bool) else "%s：须为布尔值" % path
    if spec == "status":
        return None if value in ("signed", "refused", "absent", "unable") else "%s：签名状态不符" % path
    raise ValueError(spec)


H = HEX64
SEAL = {
    "format": "=" + SEAL_FORMAT,
    "device": {"id": S, "seq": "int>=1", "prev": H, "sm2PublicKey": re.compile(r"^04[0-9a-f]{128}$"),
               "ed25519PublicKeyPem": S},
    "time": {"sealedAt": S, "deviceClock": S, "notBefore": (S, N)},
    "document": {"id": S, "caseId": S, "caseNo": S, "type": S, "docNo": S, "templateVersion": S, "regulation": S,
                 "pages": I, "sha256": H, "sm3": H, "signedForm": S},
    "evidence": [{"id": S, "fileName": S, "category": S, "sizeBytes": "int>=0", "sha256": H, "sm3": H}],
    "signatures": [{"id": S, "slotId": S, "page": (I, N), "status": S, "role": S, "signerName": S,
                    "signerIdNumber": S, "officerId": (S, N), "signedAt": S, "imageSha256": (H, N),
                    "strokesSha256": (H, N), "bindingSha256": H, "bindingSm3": H, "reason": S,
                    "witnessSignatureId": (S, N), "recordingEvidenceId": (S, N)}],
    "officers": [{"id": S, "name": S, "certNo": S}],
    "corrects": ({"documentId": S, "docNo": S, "sealSha256": H, "reason": S}, N),
    "auditHead": {"seq": "int>=0", "hash": H},
}
RECORD = {"id": S, "documentId": S, "ceremonyId": S, "slotId": S, "page": (I, N), "pageCount": I,
          "status": "status", "role": S, "signerName": S, "signerIdNumber": S, "officerId": (S, N), "signedAt": S,
          "docSha256": H, "docSm3": H, "imageSha256": (H, N), "strokesSha256": (H, N), "reason": S,
          "confirmedBy": [S], "witnessSignatureId": (S, N), "bindingSha256": H, "bindingSm3": H,
          # Format 2 (SEAL-FORMAT.md): how the slot was signed; absent in older records.
          "how": {"mark": (S, N), "capture": (S, N), "onBehalfOf": S, "signerRole": S, "authority": S,
                  "authorisationEvidenceId": (S, N), "reusedOnPages": "bool"}}
# Keys a record may leave out (older records have no "how").
OPTIONAL = {"how"}
AUDIT_ROW = {"seq": I, "at": S, "officer_ids": S, "action": S, "case_id": (S, N), "targets": S, "detail": S,
             "prev_hash": H, "hash": H}
MANIFEST = {"format": S, "createdAt": S, "deviceId": S, "requested": [S],
            "seals": [{"seq": "int>=1", "documentId": S, "sha256": H, "sm3": H}],
            "files": [{"path": S, "sha256": H, "size": "int>=0"}]}


# ---------------------------------------------------------------- the tar profile

KINDS = {"\0": "旧式普通文件", "1": "硬链接", "2": "符号链接", "3": "字符设备", "4": "块设备", "5": "目录",
         "6": "FIFO", "7": "连续文件"}
OCTAL = re.compile(r"^ *[0-7]*[ \0]*$")
FIELDS = [("mode", 100, 8), ("uid", 108, 8), ("gid", 116, 8), ("size", 124, 12), ("mtime", 136, 12),
          ("chksum", 148, 8), ("devmajor", 329, 8), ("devminor", 337, 8)]
SEGMENT = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def name_problem(name):
    if name.startswith("/"):
        return "是绝对路径"
    if "\\" in name:
        return "含反斜杠"
    if ".." in name.split("/"):
        return "含“..”"
    if len(name.encode("utf-8", "surrogateescape")) > 100:
        return "超过100字节"
    if not all(SEGMENT.match(s) for s in name.split("/")):
        return "含不允许的字符（只允许小写字母、数字和 . _ - ，以 / 分隔，各段不以 . 开头）"
    return None


def header_problems(h):
    p = []
    if h[257:263] != b"ustar\0" or h[263:265] != b"00":
        p.append('不是 POSIX ustar 头（magic 须为 "ustar\\0"、version 为 "00"）')
    flag = chr(h[156])
    if flag != "0":
        p.append("是%s（类型标志 %s），封存包只允许普通文件（\"0\"）" % (KINDS.get(flag, "其他类型的条目"), json.dumps(flag)))
    if any(h[157:257]):
        p.append("带有链接目标（linkname）")
    if any(h[345:500]):
        p.append("使用了 ustar 前缀字段（prefix）")
    for field, at, n in FIELDS:
        raw = h[at:at + n]
        if field == "size" and raw[0] == 0x80:
            continue
        if not OCTAL.match(raw.decode("latin-1")):
            p.append("数值字段 %s 不是八进制数字" % field)
    digits = h[148:156].decode("latin-1").strip(" \0")
    if OCTAL.match(h[148:156].decode("latin-1")) and int(digits or "0", 8) != sum(h[:148]) + 8 * 32 + sum(h[156:]):
        p.append("头的校验和不符")
    return p


def padded(n):
    return (n + BLOCK - 1) // BLOCK * BLOCK


def read_tar(path):
    """The members {name: bytes} in archive order, or the problems that put it outside the profile."""
    size = os.path.getsize(path)
    problems, members = [], {}
    f = open(path, "rb")

    def raw(at, n):
        f.seek(at)
        return f.read(n)

    try:
        try:
            tf = tarfile.open(path, "r:")
        except tarfile.ReadError as e:
            return None, ["不是 tar 文件，或已损坏（%s）" % e]
        expected, held = 0, 0
        while True:
            try:
                ti = tf.next()
            except tarfile.ReadError as e:
                problems.append("第%d字节处的 tar 头无效（%s）：文件损坏或被改动" % (expected, e))
                return None, problems
            if ti is None:
                break
            name = ti.name
            label = "成员「%s」" % name
            header_at = ti.offset_data - BLOCK
            if ti.offset != expected or header_at != expected:
                if ti.pax_headers:
                    p = "，".join("%s=%s" % kv for kv in ti.pax_headers.items())
                    problems.append("%s带有 PAX 扩展头（%s），封存包不允许扩展头" % (label, p))
                else:
                    problems.append("%s前有扩展记录（GNU 长文件名或其他），封存包不允许" % label)
            for p in header_problems(raw(header_at, BLOCK)):
                problems.append(label + p)
            bad = name_problem(name)
            if bad:
                problems.append("%s的名称%s" % (label, bad))
            if name in members:
                problems.append(label + "重复出现")
            data_size = ti.size if ti.type in (tarfile.REGTYPE, tarfile.AREGTYPE, tarfile.CONTTYPE) else 0
            expected = header_at + BLOCK + padded(data_size)
            if expected > size:
                problems.append("%s声明的大小（%d字节）超出文件结尾：文件被截断或条目被改动" % (label, data_size))
                return None, problems
            evidence = name.startswith("evidence/")
            if not evidence and data_size > MAX_MEMBER:
                problems.append(label + "超过64 MiB（只有电子数据可以更大）")
            elif not evidence:
                held += data_size
                if held > MAX_HELD_TOTAL:
                    problems.append(label + "使电子数据以外的文件合计超过256 MiB")
            if name not in members:
                members[name] = Blob(path, ti.offset_data, data_size) if evidence else raw(ti.offset_data, data_size)

        if not members and not problems:
            problems.append("不是 tar 文件，或其中没有任何文件")
        elif size - expected < 2 * BLOCK or any(raw(expected, size - expected)):
            if size - expected < 2 * BLOCK:
                problems.append("缺少归档结束标记（两个全零块）：文件被截断")
            else:
                problems.append("第%d字节起应为归档结束标记（全零块），却还有数据" % expected)
                # Name what hides there: tar -xf stops at the marker and never writes it.
                try:
                    with tarfile.open(path, "r:", ignore_zeros=True) as later:
                        hidden = [t.name for t in later if t.offset >= expected]
                except tarfile.TarError:
                    hidden = []
                for n in hidden[:5]:
                    problems.append("成员「%s」位于归档结束标记（全零块）之后：tar -xf 不会解出它" % n)
                if len(hidden) > 5:
                    problems.append("另有%d个成员位于其后" % (len(hidden) - 5))
        elif size % BLOCK:
            problems.append("文件长度不是512字节的整数倍")
        return (None if problems else members), problems
    finally:
        f.close()


# ---------------------------------------------------------------- one seal from its parts

def signature_label(s):
    page = "" if s["page"] is None else "，第%d页" % s["page"]
    return "签名「%s %s」（%s%s）" % (s["role"], s["signerName"], s["slotId"], page)


def check_seal_text(text, sm2sig, edsig, keys, seq):
    if text is None:
        return None, None, ["封存内容（seal.json）缺失"]
    h = dual(text)
    ok, p = parse_json(text)
    if not ok:
        return None, h, ["封存内容（seal.json）不是有效的JSON"]
    bad = shape(p, SEAL)
    if bad:
        return None, h, ["封存内容（seal.json）不符合封存格式：" + bad]
    problems = []
    t = text.decode("utf-8")
    if not is_canonical(t, p):
        problems.append("封存内容不是规范化JSON（RFC 8785）")
    if seq is not None and p["device"]["seq"] != seq:
        problems.append("封存内容中的序号为%d，与所在目录的序号%d不符" % (p["device"]["seq"], seq))
    if keys and (p["device"]["sm2PublicKey"] != keys["sm2"] or p["device"]["ed25519PublicKeyPem"] != keys["ed25519"]):
        problems.append("封存中的设备公钥与包中的设备公钥文件不符")
    if not sm2_verify(text, sm2sig, sm2_pem(p["device"]["sm2PublicKey"]).encode()):
        problems.append("SM2签名无效")
    if not ed25519_verify(text, edsig, p["device"]["ed25519PublicKeyPem"].encode()):
        problems.append("Ed25519签名无效")
    if dual(p["document"]["signedForm"]) != (p["document"]["sha256"], p["document"]["sm3"]):
        problems.append("封存中的文书 %s 原文与其校验值不符" % p["document"]["docNo"])
    return p, h, problems


def check_document_file(p, doc):
    if doc is None:
        return ["文书 %s 的原文（document.json）缺失" % p["document"]["docNo"]]
    if dual(doc) != (p["document"]["sha256"], p["document"]["sm3"]) or doc != p["document"]["signedForm"].encode():
        return ["文书 %s 的内容与封存时的校验值不符" % p["document"]["docNo"]]
    return []


SHARED = ("slotId", "page", "status", "role", "signerName", "signerIdNumber", "officerId", "signedAt",
          "imageSha256", "strokesSha256", "reason", "witnessSignatureId")


def check_signatures(p, files):
    problems = []
    for s in p["signatures"]:
        label = signature_label(s)
        record, image, strokes = files(s["id"])
        ok, r = parse_json(record)
        if not ok:
            problems.append(label + ("的记录缺失" if record is None else "的记录不是有效的JSON"))
            continue
        bad = shape(r, RECORD)
        if bad:
            problems.append("%s的记录不符合格式：%s" % (label, bad))
            continue
        bound = {k: v for k, v in r.items() if k not in ("bindingSha256", "bindingSm3")}
        bound["v"] = 1
        if dual(canonical(bound)) != (r["bindingSha256"], r["bindingSm3"]):
            problems.append(label + "的记录被改动（绑定值不符）")
        if r["bindingSha256"] != s["bindingSha256"] or r["bindingSm3"] != s["bindingSm3"] or r["id"] != s["id"]:
            problems.append(label + "的记录不是封存时的记录（与封存中的绑定值不符）")
        elif any(r[k] != s[k] for k in SHARED):
            problems.append(label + "的记录与封存中所列不符")
        if (r["documentId"], r["docSha256"], r["docSm3"]) != (p["document"]["id"], p["document"]["sha256"],
                                                              p["document"]["sm3"]):
            problems.append(label + "不是对本文书的签名（文书校验值不符）")
        if r["status"] == "signed":
            if image is None or sha256(image) != r["imageSha256"]:
                problems.append(label + "的图像被改动或缺失")
            # A 捺指印 or 盖章 taken with the camera or from a photo is an image without strokes.
            image_only = (r.get("how") or {}).get("capture") in ("camera", "photo")
            if (strokes is not None or r["strokesSha256"] is not None) if image_only else (
                    strokes is None or sha256(strokes) != r["strokesSha256"]):
                problems.append(label + "的笔迹数据被改动或缺失")
        elif image is not None or strokes is not None:
            problems.append("%s未签名（%s），却附有图像或笔迹" % (label, r["status"]))
    return problems


def check_evidence(p, members):
    problems = []
    for e in p["evidence"]:
        b = members.get("evidence/" + e["sha256"])
        if b is None:
            problems.append("电子数据「%s」（evidence/%s）缺失" % (e["fileName"], e["sha256"]))
        elif sha_of(b) != e["sha256"] or sm3_of(b) != e["sm3"] or len(b) != e["sizeBytes"]:
            problems.append("电子数据「%s」的内容与封存时的校验值不符" % e["fileName"])
    return problems


# ---------------------------------------------------------------- a bundle

def classify(name):
    if name in MANIFEST_FILES:
        return ("manifest",)
    if name in ("device-sm2.pem", "device-ed25519.pem"):
        return ("device-key",)
    if name == "audit.json":
        return ("audit",)
    if name == "cases.json":
        return ("cases",)
    m = re.match(r"^seals/([1-9][0-9]{0,8})/(seal\.json|seal\.sm2\.der|seal\.ed25519\.sig|document\.json)$", name)
    if m:
        return ("seal", int(m.group(1)))
    m = re.match(r"^signatures/([a-z0-9][a-z0-9-]*)\.(json|png|strokes\.json)$", name)
    if m:
        return ("signature", m.group(1))
    m = re.match(r"^evidence/([0-9a-f]{64})$", name)
    if m:
        return ("evidence", m.group(1))
    m = re.match(r"^print/([1-9][0-9]{0,8})\.json$", name)
    if m:
        return ("print", int(m.group(1)))
    if name == "trust/hq-root.json" or re.match(r"^trust/(device-cert|status)\.(json|sm2\.der|ed25519\.sig)$", name):
        return ("trust", None)
    m = re.match(r"^trust/receipts/([1-9][0-9]{0,8})\.(json|sm2\.der|ed25519\.sig)$", name)
    if m:
        return ("trust", int(m.group(1)))
    return ("unknown",)


def check(cid, what, problems, ok_detail):
    return {"id": cid, "what": what, "ok": not problems, "detail": "；".join(problems) if problems else ok_detail}


def verify_bundle(path, expected=None):
    members, problems = read_tar(path)
    if members is None:
        return [check("tar", "封存包", problems, "")], NO_ANCHOR
    checks = [check("tar", "封存包", [], "%d个文件，符合封存包的 tar 格式" % len(members))]
    get = members.get
    text = get("manifest.json")

    # 1. The manifest, the device's keys, the manifest's signatures.
    fatal = None
    ok, m = parse_json(text)
    if text is None:
        fatal = "缺少 manifest.json，不是本程序导出的封存包"
    elif not ok or not isinstance(m, dict):
        fatal = "manifest.json 不是有效的JSON，不是本程序导出的封存包或已损坏"
    elif m.get("format") == "wangxin-field-bundle/1":
        fatal = "这是旧格式（wangxin-field-bundle/1）的封存包，其清单没有签名：请用本版本的程序重新导出"
    elif m.get("format") != FORMAT:
        fatal = "格式 %s 不是 %s" % (m.get("format"), FORMAT)
    elif shape(m, MANIFEST):
        fatal = "manifest.json 不符合格式：" + shape(m, MANIFEST)
    if fatal:
        return checks + [check("manifest", "清单", [fatal], "")], NO_ANCHOR
    keys, mp = device_keys(get("device-sm2.pem"), get("device-ed25519.pem"))
    if not is_canonical(text.decode("utf-8"), m):
        mp.append("manifest.json 不是规范化JSON（RFC 8785）")
    if len({s["seq"] for s in m["seals"]}) != len(m["seals"]):
        mp.append("清单中的封存序号重复")
    if get("manifest.sm2.der") is None:
        mp.append("缺少 manifest.sm2.der")
    elif not keys["sm2"] or not sm2_verify(text, get("manifest.sm2.der"), sm2_pem(keys["sm2"]).encode()):
        mp.append("清单的SM2签名无效")
    if get("manifest.ed25519.sig") is None:
        mp.append("缺少 manifest.ed25519.sig")
    elif not keys["ed25519"] or not ed25519_verify(text, get("manifest.ed25519.sig"), keys["ed25519"].encode()):
        mp.append("清单的Ed25519签名无效")
    checks.append(check("manifest", "清单", mp, "格式 %s，清单的 SM2 和 Ed25519 签名有效" % FORMAT))

    # 2. Each seal the manifest lists.
    seqs = sorted({s["seq"] for s in m["seals"]})
    payloads, texts, seal_checks = {}, {}, []
    for seq in seqs:
        listed = next(s for s in m["seals"] if s["seq"] == seq)
        t = get("seals/%d/seal.json" % seq)
        p, h, sp = check_seal_text(t, get("seals/%d/seal.sm2.der" % seq), get("seals/%d/seal.ed25519.sig" % seq),
                                   keys, seq)
        if h and h != (listed["sha256"], listed["sm3"]):
            sp.append("封存校验值与清单不符")
        if p:
            payloads[seq], texts[seq] = p, t
            if p["device"]["id"] != m["deviceId"]:
                sp.append("封存的设备编号与清单不符")
            if p["document"]["id"] != listed["documentId"]:
                sp.append("封存的文书与清单所列不符")
            sp += check_document_file(p, get("seals/%d/document.json" % seq))
            sp += check_signatures(p, lambda i: (get("signatures/%s.json" % i), get("signatures/%s.png" % i),
                                                 get("signatures/%s.strokes.json" % i)))
            sp += check_evidence(p, members)
        seal_checks.append(check("seal:%d" % seq, "封存%d%s" % (seq, "：" + p["document"]["docNo"] if p else ""), sp,
                                 "签名（SM2、Ed25519）有效；文书、%d个签名、%d件电子数据与封存时一致"
                                 % (len(p["signatures"]), len(p["evidence"])) if p else ""))

    # 3. Every member listed and vouched for.
    mem = []
    listed = {}
    for f in m["files"]:
        if f["path"] in listed:
            mem.append("清单重复列出文件 %s" % f["path"])
        elif classify(f["path"])[0] == "manifest":
            mem.append("清单不应列出 %s" % f["path"])
        listed[f["path"]] = f
    for path_, f in listed.items():
        b = get(path_)
        if b is None:
            mem.append("缺少文件 %s" % path_)
        elif len(b) != f["size"]:
            mem.append("文件 %s 的大小与清单不符" % path_)
        elif sha_of(b) != f["sha256"]:
            mem.append("文件 %s 的内容与清单不符" % path_)
    seal_set = set(s["seq"] for s in m["seals"])
    sig_ids = {s["id"] for p in payloads.values() for s in p["signatures"]}
    ev = {e["sha256"] for p in payloads.values() for e in p["evidence"]}
    for name in sorted(members):
        c = classify(name)
        if c[0] == "manifest":
            continue
        if name not in listed:
            mem.append("文件 %s 不在清单中" % name)
        if c[0] == "seal" and c[1] not in seal_set:
            mem.append("文件 %s 属于清单未列出的封存%d" % (name, c[1]))
        elif c[0] == "signature" and c[1] not in sig_ids:
            mem.append("文件 %s 不是包中任何封存所列的签名" % name)
        elif c[0] == "evidence" and c[1] not in ev:
            mem.append("文件 %s 不是包中任何封存所列的电子数据" % name)
        elif c[0] == "print" and c[1] not in seal_set:
            mem.append("文件 %s 不对应包中的封存" % name)
        elif c[0] == "trust" and c[1] is not None and c[1] not in seal_set:
            mem.append("文件 %s 是包中没有的封存%d的回执" % (name, c[1]))
        elif c[0] == "unknown":
            mem.append("文件 %s 不属于封存包格式（不是规定的任何一类文件）" % name)
    checks.append(check("members", "封存包文件清单", mem, "%d个文件与清单一致" % len(m["files"])))
    checks += seal_checks

    # 4–6. The chain, the seals against the audit log, the audit chain.
    checks += verify_against_audit(members, m, seqs, payloads, texts)

    # 7. Whose keys these are: the trust chain (§7.6).
    by_seq = {}
    for s_ in m["seals"]:
        by_seq.setdefault(s_["seq"], s_)
    seals = [(seq, payloads[seq]["time"]["sealedAt"] if seq in payloads else None, by_seq[seq]["sha256"],
              by_seq[seq]["sm3"]) for seq in seqs]
    trust_check, anchor = verify_trust(get, [n for n in members if n.startswith("trust/")], m["deviceId"], keys,
                                       seals, expected)
    checks.append(trust_check)
    return checks, anchor


# ---------------------------------------------------------------- the trust chain (§7.6)

NO_ANCHOR = {"fingerprint": None, "hqName": None, "anchored": False}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
ED_PEM = re.compile(r"^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/]{59}=\n-----END PUBLIC KEY-----\n$")
ROOT = {"format": "=wangxin-hq-root/1", "hqId": S, "name": S, "sm2PublicKey": re.compile(r"^04[0-9a-f]{128}$"),
        "ed25519PublicKeyPem": ED_PEM}
CERT = {"format": "=wangxin-device-cert/1", "serial": S, "hqId": S, "hqKeyIds": {"sm2": H, "ed25519": H},
        "deviceId": S, "deviceName": S, "office": S, "casePrefix": S, "sm2PublicKey": re.compile(r"^04[0-9a-f]{128}$"),
        "ed25519PublicKeyPem": ED_PEM, "notBefore": ISO, "notAfter": ISO, "issuedAt": ISO}
STATUS = {"format": "=wangxin-device-status/1", "hqId": S, "deviceId": S, "certSerial": S, "status": S,
          "revokedAt": (ISO, N), "asOf": ISO}
RECEIPT = {"format": "=wangxin-hq-receipt/1", "hqId": S, "deviceId": S, "seq": I, "documentId": S, "docNo": S,
           "sealSha256": H, "sealSm3": H, "hqSeq": I, "hqTime": S, "chainComplete": "bool"}


def fingerprint(root_bytes):
    """SM3 and SHA-256 of the root document's bytes, the first 8 bytes of each, in groups of four."""
    h = (sm3(root_bytes)[:16] + sha256(root_bytes)[:16]).upper()
    return "-".join(h[i:i + 4] for i in range(0, 32, 4))


def normalise_fingerprint(text):
    h = re.sub(r"[\s-]", "", text).upper()
    return "-".join(h[i:i + 4] for i in range(0, 32, 4)) if re.match(r"^[0-9A-F]{32}$", h) else None


def key_id_sm2(hexkey):
    return sha256(SM2_SPKI_PREFIX + bytes.fromhex(hexkey))


def key_id_ed25519(pem):
    return sha256(base64.b64decode(re.sub(r"-----[^-]+-----|\s", "", pem)))


def read_doc(b, name, spec, problems):
    ok, v = parse_json(b)
    if not ok:
        problems.append("%s 不是有效的JSON" % name)
        return None
    bad = shape(v, spec)
    if bad:
        problems.append("%s 不符合格式：%s" % (name, bad))
        return None
    if not is_canonical(b.decode("utf-8"), v):
        problems.append("%s 不是规范化JSON（RFC 8785）" % name)
    return v


def read_signed(get, doc, root, problems, spec, label):
    name = "trust/%s.json" % doc
    b = get(name)
    if b is None:
        problems.append("缺少 " + name)
        return None
    signed = True
    if not sm2_verify(b, get("trust/%s.sm2.der" % doc), sm2_pem(root["sm2PublicKey"]).encode()):
        problems.append("%s的SM2签名无效（不是该总部根密钥签发的）" % label)
        signed = False
    if not ed25519_verify(b, get("trust/%s.ed25519.sig" % doc), root["ed25519PublicKeyPem"].encode()):
        problems.append("%s的Ed25519签名无效（不是该总部根密钥签发的）" % label)
        signed = False
    v = read_doc(b, name, spec, problems)
    return v if signed else None


def verify_trust(get, names, device_id, keys, seals, expected):
    """seals: (seq, sealedAt, sha256, sm3). expected: a fingerprint, or None (no --hq-root)."""
    problems, notes = [], []
    anchor = dict(NO_ANCHOR)

    def finish(ok_detail):
        ok = not problems
        anchor["anchored"] = ok and expected is not None and anchor["fingerprint"] == expected
        return ({"id": "trust", "what": "信任链（总部证书）", "ok": ok,
                 "detail": "；".join([ok_detail] + notes) if ok else "；".join(problems)}, anchor)

    root_b, cert_b = get("trust/hq-root.json"), get("trust/device-cert.json")
    if root_b is None or cert_b is None:
        missing = "trust/hq-root.json" if root_b is None else "trust/device-cert.json"
        if expected:
            problems.append("缺少 %s：没有总部对设备公钥的证书，无法证明签名密钥属于指定的总部" % missing)
        return finish("没有总部证书（缺少 %s）：无法证明签名密钥属于哪个网信办" % missing)
    root = read_doc(root_b, "trust/hq-root.json", ROOT, problems)
    anchor["fingerprint"] = fingerprint(root_b)
    if not root:
        return finish("")
    anchor["hqName"] = root["name"]
    if expected and anchor["fingerprint"] != expected:
        problems.append("包中的总部根密钥（指纹 %s，%s）不是指定的总部根密钥（指纹 %s）：证书来自另一个根"
                        % (anchor["fingerprint"], root["name"], expected))
    cert = read_signed(get, "device-cert", root, problems, CERT, "设备证书")
    if cert:
        if cert["hqId"] != root["hqId"]:
            problems.append("设备证书不是该总部签发的（hqId 不符）")
        if (cert["hqKeyIds"]["sm2"] != key_id_sm2(root["sm2PublicKey"])
                or cert["hqKeyIds"]["ed25519"] != key_id_ed25519(root["ed25519PublicKeyPem"])):
            problems.append("设备证书所列的总部密钥编号与总部根密钥不符")
        if cert["deviceId"] != device_id:
            problems.append("设备证书是设备 %s 的，不是本设备（%s）的" % (cert["deviceId"], device_id))
        if cert["sm2PublicKey"] != keys["sm2"] or cert["ed25519PublicKeyPem"] != keys["ed25519"]:
            problems.append("设备证书所证明的是其他公钥：与签名所用的设备公钥不符")
        for seq, at, _, _ in seals:
            if at is not None and not (cert["notBefore"] <= at <= cert["notAfter"]):
                problems.append("封存%d的时间（%s）不在设备证书的有效期（%s 至 %s）内"
                                % (seq, at, cert["notBefore"], cert["notAfter"]))
    if get("trust/status.json") is not None:
        st = read_signed(get, "status", root, problems, STATUS, "设备状态声明")
        if st:
            if st["status"] not in ("good", "revoked"):
                problems.append("trust/status.json 不符合格式：status：须为 good 或 revoked")
            elif st["hqId"] != root["hqId"] or st["deviceId"] != device_id or (cert and st["certSerial"] != cert["serial"]):
                problems.append("设备状态声明不是针对本设备证书的")
            elif st["status"] == "revoked":
                for seq, at, _, _ in seals:
                    if st["revokedAt"] and at is not None and at >= st["revokedAt"]:
                        problems.append("封存%d作于设备被总部吊销（%s）之后" % (seq, st["revokedAt"]))
                notes.append("总部声明该设备已于 %s 吊销（截至 %s）" % (st["revokedAt"], st["asOf"]))
            else:
                notes.append("总部声明截至 %s 该设备未被吊销" % st["asOf"])
    receipts = sorted(int(mm.group(1)) for mm in (re.match(r"^trust/receipts/([1-9][0-9]{0,8})\.json$", n)
                                                  for n in names) if mm)
    for seq in receipts:
        r = read_signed(get, "receipts/%d" % seq, root, problems, RECEIPT, "封存%d的总部回执" % seq)
        if not r:
            continue
        seal = next((x for x in seals if x[0] == seq), None)
        if r["hqId"] != root["hqId"] or r["deviceId"] != device_id or r["seq"] != seq:
            problems.append("封存%d的总部回执不是该总部对本设备此封存的回执" % seq)
        elif not seal or (seal[2], seal[3]) != (r["sealSha256"], r["sealSm3"]):
            problems.append("封存%d的总部回执所记的封存校验值与包中的封存不符" % seq)
    if receipts:
        notes.append("总部回执%d份（封存%s）有效" % (len(receipts), "、".join(str(x) for x in receipts)))
    return finish("设备证书（%s，%s 至 %s）由总部根密钥（%s，指纹 %s）签发，证明本包的签名公钥"
                  % (cert["office"] or cert["deviceName"], cert["notBefore"], cert["notAfter"], root["name"],
                     anchor["fingerprint"]) if cert else "")


def audit_hash(r):
    o = {"seq": r["seq"], "at": r["at"], "officerIds": json.loads(r["officer_ids"]), "action": r["action"],
         "caseId": r["case_id"], "targets": json.loads(r["targets"]), "detail": r["detail"], "prev": r["prev_hash"]}
    return sha256(canonical(o).encode("utf-8"))


def read_audit(b):
    if b is None:
        return [], ["缺少 audit.json"]
    ok, rows = parse_json(b)
    if not ok or not isinstance(rows, list):
        return [], ["audit.json 不是有效的JSON数组"]
    for i, r in enumerate(rows):
        bad = shape(r, AUDIT_ROW)
        if bad:
            return [], ["审计日志第%d条不符合格式：%s" % (i + 1, bad)]
    problems = [] if is_canonical(b.decode("utf-8"), rows) else ["audit.json 不是规范化JSON（RFC 8785）"]
    prev = GENESIS
    for i, r in enumerate(rows):
        if r["seq"] != i + 1:
            problems.append("审计日志第%d条的序号为%d（缺失或顺序被改动）" % (i + 1, r["seq"]))
        if r["prev_hash"] != prev:
            problems.append("审计日志第%d条与前一条不衔接（前一条被删除、插入或改动）" % r["seq"])
        try:
            h = audit_hash(r)
        except (ValueError, NotCanonical):
            h = None
        if h != r["hash"]:
            problems.append("审计日志第%d条内容被改动（%s）" % (r["seq"], r["action"]))
        prev = r["hash"]
    return rows, problems


def verify_against_audit(members, m, seqs, payloads, texts):
    rows, audit_problems = read_audit(members.get("audit.json"))
    seal_rows, cross = {}, []
    for r in rows:
        mm = re.match(r"^seq ([1-9][0-9]*)$", r["detail"]) if r["action"] == "seal" else None
        if not mm:
            continue
        ok, t = parse_json(r["targets"])
        t = t if ok and isinstance(t, list) else []
        seq = int(mm.group(1))
        if seq in seal_rows:
            cross.append("审计日志中封存%d出现不止一次" % seq)
        seal_rows[seq] = (str(t[0]) if len(t) > 0 else "", str(t[1]) if len(t) > 1 else "")
    chain = []
    for seq in seqs:
        p = payloads.get(seq)
        if not p:
            continue
        if seq == 1:
            if p["device"]["prev"] != GENESIS:
                chain.append("封存1的前一封存校验值不是64个0")
        elif seq - 1 in texts:
            if p["device"]["prev"] != sha256(texts[seq - 1]):
                chain.append("封存%d与封存%d不衔接" % (seq, seq - 1))
        elif seq - 1 not in seqs:
            logged = seal_rows.get(seq - 1)
            if not logged or p["device"]["prev"] != logged[1]:
                chain.append("封存%d的前一封存（%d）不在包中，且与审计日志记载的封存%d校验值不衔接" % (seq, seq - 1, seq - 1))
    out = [check("chain", "封存链", chain, "封存序号 %s，逐一衔接" % "、".join(map(str, seqs)))]
    for seq in seqs:
        row = seal_rows.get(seq)
        listed = next(s for s in m["seals"] if s["seq"] == seq)
        if not row:
            cross.append("封存%d不在审计日志中" % seq)
        elif row[1] != listed["sha256"] or row[0] != listed["documentId"]:
            cross.append("封存%d与审计日志记载的校验值或文书不符" % seq)
    for doc in m["requested"]:
        if not any(s["documentId"] == doc for s in m["seals"]):
            cross.append("清单所列导出的文书 %s 的封存不在包中" % doc)
    out.append(check("audit-cross", "封存与审计日志对照", cross, "包中%d份封存均有审计日志记载" % len(seqs)))
    for p in payloads.values():
        head = p["auditHead"]
        if head["seq"] > 0 and (head["seq"] > len(rows) or rows[head["seq"] - 1]["hash"] != head["hash"]):
            audit_problems.append("封存%d记录的审计日志位置（第%d条）与包中的日志不符" % (p["device"]["seq"], head["seq"]))
    out.append(check("audit", "审计日志链", audit_problems, "共%d条，逐条衔接" % len(rows)))
    missing = sorted(s for s in seal_rows if s not in seqs)
    if missing and seqs:
        inside = [s for s in missing if seqs[0] < s < seqs[-1]]
        out.append(check("not-included", "未包含的封存（提示）", [],
                         "审计日志记载本机另有%d份封存未包含在本包中（导出时未选择）：封存%s%s"
                         % (len(missing), "、".join(map(str, missing)),
                            "；其中封存%s位于包内封存之间" % "、".join(map(str, inside)) if inside else "")))
    return out


# ---------------------------------------------------------------- a seal folder 封存-编号/

FOLDER_FILES = ("seal.json", "seal.sm2.der", "seal.ed25519.sig", "device-sm2.pem", "device-ed25519.pem",
                "document.json")


def verify_folder(d, expected=None):
    problems, files = [], {}
    for n in FOLDER_FILES:
        p = os.path.join(d, n)
        if os.path.islink(p) or (os.path.exists(p) and not os.path.isfile(p)):
            problems.append("%s 不是普通文件（%s）" % (n, "符号链接" if os.path.islink(p) else "其他类型"))
            files[n] = None
        elif not os.path.exists(p):
            problems.append("缺少 " + n)
            files[n] = None
        else:
            with open(p, "rb") as f:
                files[n] = f.read()
    keys, kp = device_keys(files["device-sm2.pem"], files["device-ed25519.pem"])
    problems += [x for x in kp if not x.startswith("缺少")]
    p, h, sp = check_seal_text(files["seal.json"], files["seal.sm2.der"], files["seal.ed25519.sig"], keys, None)
    problems += sp
    if p:
        problems += check_document_file(p, files["document.json"])
    problems = list(dict.fromkeys(problems))
    checks = [check("seal-folder", "封存%s" % ("%d：%s" % (p["device"]["seq"], p["document"]["docNo"]) if p else "文件夹"),
                    problems, "SHA-256 %s，SM3 %s；签名（SM2、Ed25519）有效；文书原文与封存一致" % h if h else "")]
    others = sorted(n for n in os.listdir(d) if n not in FOLDER_FILES and n != "trust")
    if others:
        checks.append(check("extra", "其他文件（提示）", [], "文件夹中另有 %s，未核验" % "、".join(others)))
    # trust/: as in a bundle (§8).
    names, tp = [], []
    for root_, dirs, fs in os.walk(os.path.join(d, "trust")):
        for n in dirs + fs:
            full = os.path.join(root_, n)
            if os.path.isdir(full) and not os.path.islink(full):
                continue
            names.append(os.path.relpath(full, d).replace(os.sep, "/"))

    def get(name):
        full = os.path.join(d, name)
        if os.path.islink(full) or (os.path.exists(full) and not os.path.isfile(full)):
            tp.append("%s 不是普通文件" % name)
            return None
        if not os.path.exists(full):
            return None
        with open(full, "rb") as f:
            return f.read()
    seals = [(p["device"]["seq"], p["time"]["sealedAt"], h[0], h[1])] if p and h else []
    tc, anchor = verify_trust(get, names, p["device"]["id"] if p else "", keys, seals, expected)
    for n in sorted(names):
        if not re.match(r"^trust/(hq-root\.json|(device-cert|status|receipts/[1-9][0-9]{0,8})\.(json|sm2\.der|ed25519\.sig))$", n):
            tp.append("文件 %s 不属于封存文件夹的格式" % n)
    if tp:
        tc = dict(tc, ok=False, detail="；".join(tp + ([] if tc["ok"] else [tc["detail"]])))
    checks.append(tc)
    anchor = dict(anchor, anchored=anchor["anchored"] and all(c["ok"] for c in checks))
    return checks, anchor


# ---------------------------------------------------------------- the command line

def report_text(checks, anchor):
    lines = ["%s  %s%s" % ("通过" if c["ok"] else "不通过", c["what"], "：" + c["detail"] if c["detail"] else "")
             for c in checks]
    bad = sum(1 for c in checks if not c["ok"])
    if bad:
        conclusion = "核验结论：%d项不通过。" % bad
    elif not anchor["anchored"]:
        conclusion = ("核验结论：其余各项核验通过，但尚未证明这些签名密钥属于哪个网信办：包中总部根密钥的指纹是 %s（%s），"
                      "请与该网信办公布的总部指纹核对，一致后加上 --hq-root %s 重新核验。"
                      % (anchor["fingerprint"], anchor["hqName"] or "", anchor["fingerprint"])
                      if anchor["fingerprint"] else
                      "核验结论：其余各项核验通过，但包中没有总部证书，无法证明这些签名密钥属于哪个网信办："
                      "请向出具该封存包的网信办取得附有总部证书的封存包，或向其核实设备公钥。")
    else:
        conclusion = "核验结论：全部通过。签名密钥由总部根密钥（指纹 %s）证明。" % anchor["fingerprint"]
    return "\n".join(lines + ["", conclusion])


USAGE = "用法：python3 tools/verify-py/verify.py [--json] [--hq-root 总部指纹|根公钥文件] 封存包.tar|封存-编号/ …"


def main(argv):
    as_json, expected, paths = False, None, []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--json":
            as_json = True
        elif a == "--hq-root" and i + 1 < len(argv):
            i += 1
            expected = normalise_fingerprint(argv[i])
            if expected is None and os.path.isfile(argv[i]):
                with open(argv[i], "rb") as f:
                    root_b = f.read()
                ok, v = parse_json(root_b)
                if ok and not shape(v, ROOT):
                    expected = fingerprint(root_b)
            if expected is None:
                print("--hq-root 的值「%s」既不是总部指纹，也不是总部根公钥文件。" % argv[i], file=sys.stderr)
                return 2
        elif a.startswith("-"):
            print(USAGE, file=sys.stderr)
            return 2
        else:
            paths.append(a)
        i += 1
    if not paths:
        print(USAGE, file=sys.stderr)
        return 2
    reports = []
    for p in paths:
        if os.path.isdir(p):
            checks, anchor = verify_folder(p, expected)
        elif os.path.isfile(p):
            checks, anchor = verify_bundle(p, expected)
        else:
            print("找不到「%s」。" % p, file=sys.stderr)
            return 2
        reports.append({"path": p, "ok": all(c["ok"] for c in checks), "checks": checks, "anchor": anchor})
    if as_json:
        print(json.dumps(reports, ensure_ascii=False, indent=1))
    else:
        print("\n\n".join(("%s\n" % r["path"] if len(reports) > 1 else "") + report_text(r["checks"], r["anchor"])
                          for r in reports))
    if not all(r["ok"] for r in reports):
        return 1
    return 0 if all(r["anchor"]["anchored"] for r in reports) else 3


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
