#!/usr/bin/env bash
# What can be proven about the macOS bundle on Linux: lays out Tessera.app with
# installer/macos/make-app.sh from stand-in files and checks that Info.plist, the bundle layout,
# Cargo's names and the app's own lookup of the PKCS#11 module agree. What stays unverified
# (a real Mac build, signing, notarisation, PC/SC on macOS) is listed in docs/platforms.md.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "macos bundle: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Stand-ins for the Mac build outputs: make-app.sh only copies them.
printf 'stand-in binary\n' >"$work/tessera"
printf 'stand-in module\n' >"$work/libtessera_pkcs11.dylib"
app=$(installer/macos/make-app.sh "$work/tessera" "$work/out" "$work/libtessera_pkcs11.dylib" 2>/dev/null)

python3 - "$app" <<'PY'
import pathlib, plistlib, re, subprocess, sys, tomllib

app = pathlib.Path(sys.argv[1])
root = pathlib.Path(".")
errors = []
def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        errors.append(what)

plist = plistlib.loads((app / "Contents/Info.plist").read_bytes())
cargo = tomllib.loads((root / "Cargo.toml").read_text())
version = cargo["workspace"]["package"]["version"]
bins = [b["name"] for b in cargo.get("bin", [])]
pkcs11 = tomllib.loads((root / "crates/tessera-pkcs11/Cargo.toml").read_text())
lib_name = "lib" + pkcs11["package"]["name"].replace("-", "_") + ".dylib"
metainfo = (root / "installer/linux/it.tessera.Tessera.metainfo.xml").read_text()
app_id = re.search(r"<id>([^<]+)</id>", metainfo).group(1)
browser = (root / "src/browser.rs").read_text()

exe = plist["CFBundleExecutable"]
check(exe in bins, f"CFBundleExecutable {exe!r} is a Cargo binary ({bins})")
check((app / "Contents/MacOS" / exe).is_file(), f"Contents/MacOS/{exe} is laid out")
check(plist["CFBundleShortVersionString"] == version == plist["CFBundleVersion"],
      f"bundle version {plist['CFBundleShortVersionString']} = Cargo version {version}")
check(plist["CFBundleIdentifier"] == app_id, f"CFBundleIdentifier {plist['CFBundleIdentifier']} = AppStream id {app_id}")
check(plist["CFBundlePackageType"] == "APPL", "CFBundlePackageType APPL")
check(plist.get("NSHighResolutionCapable") is True, "NSHighResolutionCapable (sharp text on Retina)")
icon = plist["CFBundleIconFile"]
check("Resources/" + icon + ".icns" in (root / "installer/macos/make-app.sh").read_text().replace("$app/Contents/", ""),
      f"make-app.sh writes Resources/{icon}.icns (CFBundleIconFile {icon!r})")
check((app / "Contents/Frameworks" / lib_name).is_file(), f"Contents/Frameworks/{lib_name} is laid out (cdylib name from Cargo)")
check(f'"{lib_name}"' in browser and '"../Frameworks"' in browser,
      f"src/browser.rs looks for {lib_name} in ../Frameworks from the binary")
# The oldest macOS the plist admits must be one both Rust targets build for.
for target in ("aarch64-apple-darwin", "x86_64-apple-darwin"):
    out = subprocess.run(["rustc", "--print", "deployment-target", "--target", target], capture_output=True, text=True)
    if out.returncode != 0:
        print(f"skip rustc deployment target of {target}: {out.stderr.strip()}")
        continue
    default = out.stdout.strip().split("=")[1]
    as_tuple = lambda v: tuple(int(x) for x in v.split("."))
    check(as_tuple(plist["LSMinimumSystemVersion"]) >= as_tuple(default),
          f"LSMinimumSystemVersion {plist['LSMinimumSystemVersion']} >= {target}'s default deployment target {default}")
sys.exit(1 if errors else 0)
PY
echo "macos bundle: Info.plist, layout and dylib names consistent"
