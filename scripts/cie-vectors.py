#!/usr/bin/env python3
"""Fixed vectors for the CIE protocol (CIE spec §3.4, §3.5), computed outside Rust with Python's
integers and hashlib (keys loaded with the `cryptography` package), so that Tessera's client
(crates/tessera-core) and its simulated card (crates/tessera-sim), which share no protocol code,
are both pinned to numbers neither of them produced. Output: tests/fixtures/cie/vectors.txt
(name=HEX lines). Run once from the repository root; the output is committed.

Inputs: the simulated card's DH group (assets/sim/cie-dh.hex), its device-authentication CA key
(assets/sim/cie-ca.key.pem) and chip key (assets/sim/cie-chip.key.pem), the middleware's terminal
key pair (n_DAPP, d_DAPP, CIE spec §7, as embedded in crates/tessera-core/src/card/cie/keys.rs),
and fixed "random" values derived from SHA-256 of labels.
"""
import hashlib
import re
from pathlib import Path

from cryptography.hazmat.primitives.serialization import load_pem_private_key

root = Path(__file__).resolve().parent.parent


def unhex(s):
    return bytes.fromhex(s)


def i2b(n, length):
    return n.to_bytes(length, "big")


def b2i(b):
    return int.from_bytes(b, "big")


def fixed(label, length):
    """Deterministic bytes of any length: SHA-256(label ‖ counter) blocks."""
    out = b""
    counter = 0
    while len(out) < length:
        out += hashlib.sha256(f"{label}/{counter}".encode()).digest()
        counter += 1
    return out[:length]


def sha256(*parts):
    h = hashlib.sha256()
    for p in parts:
        h.update(p)
    return h.digest()


def key(name):
    k = load_pem_private_key((root / "assets/sim" / name).read_bytes(), None)
    nums = k.private_numbers()
    return nums.public_numbers.n, nums.public_numbers.e, nums.d


def sign_9796(n, d, m1, m2):
    """ISO/IEC 9796-2 scheme 1, SHA-256, implicit trailer: (6A ‖ m1 ‖ H(m1 ‖ m2) ‖ BC)^d mod n."""
    k = (n.bit_length() + 7) // 8
    assert len(m1) + 34 == k
    block = b"\x6a" + m1 + sha256(m1, m2) + b"\xbc"
    return i2b(pow(b2i(block), d, n), k)


dh = dict(line.split("=", 1) for line in (root / "assets/sim/cie-dh.hex").read_text().splitlines() if "=" in line and not line.startswith("#"))
p, q, g = (unhex(dh[x].strip()) for x in ("p", "q", "g"))
P = b2i(p)
plen = len(p)

keys_rs = (root / "crates/tessera-core/src/card/cie/keys.rs").read_text()


def rust_hex(const):
    body = re.search(const + r': &str = concat!\((.*?)\);', keys_rs, re.S).group(1)
    return unhex("".join(re.findall(r'"([0-9A-F]+)"', body)))


n_dapp, d_dapp = rust_hex("N_DAPP"), rust_hex("D_DAPP")

out = {}
# --- DH key agreement (§3.4): both secrets fixed; Z and the keys from SHA-256(Z ‖ counter).
x_ifd = fixed("tessera cie x_ifd", len(q))
x_icc = fixed("tessera cie x_icc", len(q))
pk_ifd = i2b(pow(b2i(g), b2i(x_ifd), P), plen)
pk_icc = i2b(pow(b2i(g), b2i(x_icc), P), plen)
z = i2b(pow(b2i(pk_icc), b2i(x_ifd), P), plen)
assert z == i2b(pow(b2i(pk_ifd), b2i(x_icc), P), plen)
out.update(x_ifd=x_ifd, x_icc=x_icc, pk_ifd=pk_ifd, pk_icc=pk_icc, z=z,
           k_enc=sha256(z, b"\0\0\0\1")[:16], k_mac=sha256(z, b"\0\0\0\2")[:16])

# --- Terminal certificate (§3.5(a)) for the simulated card's CA: CAR "ITTEST01", CHA A0…39 01.
ca_n, ca_e, ca_d = key("cie-ca.key.pem")
k_ca = (ca_n.bit_length() + 7) // 8
car = b"ITTEST01"
sn_ifd = unhex("2000000000000001")
chr_ifd = b"\0\0\0\0" + sn_ifd
m = b"\x8a" + car + chr_ifd + unhex("A00000000039") + b"\x01" + unhex("2A8122F42A02040104") + n_dapp + unhex("00010001")
s = sign_9796(ca_n, ca_d, m[:k_ca - 34], m[k_ca - 34:])


def tlv(tag, value):
    n = len(value)
    length = bytes([n]) if n < 0x80 else (bytes([0x81, n]) if n < 0x100 else bytes([0x82]) + i2b(n, 2))
    return tag + length + value


out["terminal_certificate"] = tlv(b"\x7f\x21", tlv(b"\x5f\x37", s) + tlv(b"\x5f\x38", m[k_ca - 34:]) + tlv(b"\x42", car))

# --- EXTERNAL AUTHENTICATE (§3.5(c)): SN.IFD ‖ the terminal's signature, fixed PRND and RND.ICC.
rnd_icc = fixed("tessera cie rnd_icc", 8)
prnd = fixed("tessera cie prnd", len(n_dapp) - 34)
sig_ifd = sign_9796(b2i(n_dapp), b2i(d_dapp), prnd, pk_ifd + sn_ifd + rnd_icc + pk_icc + g + p + q)
out.update(rnd_icc=rnd_icc, prnd=prnd, external_authenticate=sn_ifd + sig_ifd)

# --- INTERNAL AUTHENTICATE (§3.5(d)): the chip's answer SN.ICC ‖ signature, fixed PRND2, RND.IFD.
chip_n, chip_e, chip_d = key("cie-chip.key.pem")
sn_icc = unhex("006837561803301F")
rnd_ifd = fixed("tessera cie rnd_ifd", 8)
prnd2 = fixed("tessera cie prnd2", (chip_n.bit_length() + 7) // 8 - 34)
sig_icc = sign_9796(chip_n, chip_d, prnd2, pk_icc + sn_icc + rnd_ifd + pk_ifd + g + p + q)
out.update(rnd_ifd=rnd_ifd, prnd2=prnd2, internal_authenticate=sn_icc + sig_icc,
           ssc_after_dapp=rnd_icc[4:8] + rnd_ifd[4:8])

target = root / "tests/fixtures/cie/vectors.txt"
with target.open("w") as f:
    f.write("# CIE protocol vectors, made by scripts/cie-vectors.py (Python integers and hashlib). Do not edit.\n")
    for name, value in out.items():
        f.write(f"{name}={value.hex().upper()}\n")
print(f"wrote {target.relative_to(root)}: {', '.join(out)}")
