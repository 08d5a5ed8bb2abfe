#!/usr/bin/env bash
# Issue 24's release-archive check: what a teacher downloads really works.
#
#   1. gets the dist version that dist-workspace.toml pins (`dist` on PATH if it
#      is that version, else a prebuilt binary from PyPI into target/dist-tool,
#      else `cargo install cargo-dist` there: slow, for hosts with no wheel);
#   2. builds this host's archive with dist's local build command, as the
#      release workflow does on each runner;
#   3. checks the archive against its .sha256 file;
#   4. unpacks it into a fresh temp folder and, from another empty folder
#      outside the repository with HOME in a temp dir and a bare PATH (no cargo),
#      runs the unpacked binary: `worksheet` on the shipped bank compiled into
#      it, `check` on a small bank and article written here (and on a broken
#      copy, which must fail with exit 1), `worksheet` on that bank;
#   5. runs the generated shell installer against that folder served on
#      loopback (no GitHub): it installs into ~/.local/bin of a temp HOME, and
#      a login shell then finds `mediaquiz` and makes a worksheet;
#   6. prints the archive's name, size and the times taken.
#
# Not in .ci/run: the first run compiles the `dist` profile (thin LTO) from
# scratch, several minutes on 2 cores. Unix hosts (Linux, macOS); on Windows the
# release workflow's own build is the check.
#
#   scripts/release-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

fail() {
  echo "release-check: $*" >&2
  exit 1
}

version=$(sed -n 's/^cargo-dist-version = "\(.*\)"/\1/p' dist-workspace.toml)
[ -n "$version" ] || fail "no cargo-dist-version in dist-workspace.toml"

# 1. dist, at the pinned version: the archive checked here is then the one the
# release workflow (which installs that same version) builds.
dist_version_of() { "$1" --version 2>/dev/null | awk '{print $2}'; }
tool=target/dist-tool
if command -v dist >/dev/null && [ "$(dist_version_of dist)" = "$version" ]; then
  dist=$(command -v dist)
elif [ -x "$tool/bin/dist" ] && [ "$(dist_version_of "$tool/bin/dist")" = "$version" ]; then
  dist=$tool/bin/dist
else
  echo "installing dist $version into $tool" >&2
  rm -rf "$tool"
  # Astral builds axodotdev's dist from its release tag and ships the binary
  # in a wheel: seconds, against many minutes for `cargo install`.
  if python3 -m venv "$tool" &&
    "$tool/bin/pip" install --quiet --disable-pip-version-check \
      "astral-dev-toolchain-cargo-dist==$version"; then
    :
  else
    echo "no prebuilt dist $version for this host; compiling it (slow)" >&2
    cargo install --quiet --locked cargo-dist --version "$version" --root "$tool"
  fi
  dist=$tool/bin/dist
  [ "$(dist_version_of "$dist")" = "$version" ] || fail "could not install dist $version"
fi

# 2. The host's archive, as one runner of the release workflow builds it.
host=$(rustc -vV | sed -n 's/^host: //p')
case "$host" in
  *windows*) fail "on Windows, the release workflow's build is the check" ;;
esac
archive=mediaquiz-$host.tar.xz
out=target/distrib
rm -f "$out/$archive" "$out/$archive.sha256"
build_start=$(date +%s)
"$dist" build --artifacts=local --target="$host" >&2
build_secs=$(($(date +%s) - build_start))
[ -f "$out/$archive" ] || fail "dist build wrote no $out/$archive"
[ -f "$out/$archive.sha256" ] || fail "dist build wrote no $out/$archive.sha256"

# 3. The checksum file, read by the tool a user would use.
if command -v sha256sum >/dev/null; then
  (cd "$out" && sha256sum --check --quiet "$archive.sha256") || fail "$archive: checksum mismatch"
else
  (cd "$out" && shasum -a 256 --check --quiet "$archive.sha256") || fail "$archive: checksum mismatch"
fi

# 4. Unpacked in a fresh folder, run from another one.
work=$(mktemp -d)
server=""
cleanup() {
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir "$work/unpacked" "$work/home" "$work/classe"
tar -xJf "$out/$archive" -C "$work/unpacked"
bin=$work/unpacked/mediaquiz-$host/mediaquiz
[ -x "$bin" ] || fail "$archive has no executable mediaquiz-$host/mediaquiz"

# run NAME EXPECTED CMD...: runs the unpacked binary in the clean folder with
# a bare environment; fails unless it exits with EXPECTED.
run() {
  local name=$1 expected=$2
  shift 2
  local code=0
  (cd "$work/classe" && env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
    "$bin" "$@") >"$work/out.txt" 2>&1 || code=$?
  if [ "$code" -ne "$expected" ]; then
    cat "$work/out.txt" >&2
    fail "$name: exit $code, expected $expected"
  fi
  echo "ok   $name (exit $code)"
}
# need FILE...: each file exists in the clean folder and is not empty.
need() {
  local f
  for f in "$@"; do
    [ -s "$work/classe/$f" ] || fail "no $f in the clean folder"
  done
}

cargo_version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
run "mediaquiz --version" 0 --version
grep -q "$cargo_version" "$work/out.txt" || fail "--version does not say $cargo_version"

run "mediaquiz worksheet (shipped bank)" 0 worksheet
need worksheets/worksheet-A.html worksheets/answers-A.html

cat >"$work/classe/article.txt" <<'EOF'
La mairie de Lanvallec a annoncé lundi la fermeture de la piscine municipale pour travaux. Selon le maire, Paul Le Goff, le chantier durera six mois. Plusieurs parents d’élèves regrettent cette décision, qu’ils jugent précipitée.
EOF
cat >"$work/classe/banque.yaml" <<'EOF'
title: "La piscine de Lanvallec"
language: fr
source:
  file: article.txt
questions:
  - id: duree-source
    type: single
    skill: sourcing
    difficulty: 1
    prompt: "Qui dit que le chantier durera six mois ?"
    choices: ["Le maire", "Des parents d’élèves", "Le journaliste"]
    answer: "Le maire"
    explanation: "L’article attribue cette durée au maire, Paul Le Goff."
    evidence:
      - "Selon le maire, Paul Le Goff, le chantier durera six mois."
EOF
# The same bank with a quote the article does not hold.
sed 's/durera six mois\."/durera huit mois."/' "$work/classe/banque.yaml" >"$work/classe/faux.yaml"

run "mediaquiz check banque.yaml" 0 check banque.yaml
run "mediaquiz check faux.yaml (quote not in the article)" 1 check faux.yaml
grep -q "faux.yaml:15" "$work/out.txt" || fail "check faux.yaml: the error does not name faux.yaml:15"
run "mediaquiz worksheet --bank banque.yaml" 0 worksheet --bank banque.yaml -n 1 --out fiches
need fiches/worksheet-A.html fiches/answers-A.html
grep -q "Lanvallec" "$work/classe/fiches/worksheet-A.html" || fail "the sheet does not show the article"

# 5. The shell installer, as `curl … | sh` runs it, with the download URL
# pointed at this folder served on loopback instead of the GitHub release:
# it installs into ~/.local/bin and puts it on PATH for the next login shell.
"$dist" build --artifacts=global >/dev/null
[ -f "$out/mediaquiz-installer.sh" ] || fail "dist build wrote no $out/mediaquiz-installer.sh"
python3 - "$out" >"$work/port" <<'PY' &
import functools, http.server, sys
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
handler = functools.partial(Quiet, directory=sys.argv[1])
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
server=$!
for _ in $(seq 50); do
  [ -s "$work/port" ] && break
  sleep 0.1
done
port=$(cat "$work/port")
[ -n "$port" ] || fail "the loopback server did not start"
mkdir "$work/home2" "$work/home2/classe"
env -i HOME="$work/home2" PATH=/usr/bin:/bin SHELL=/bin/sh \
  MEDIAQUIZ_DOWNLOAD_URL="http://127.0.0.1:$port" \
  sh "$out/mediaquiz-installer.sh" >"$work/out.txt" 2>&1 || {
  cat "$work/out.txt" >&2
  fail "mediaquiz-installer.sh failed"
}
[ -x "$work/home2/.local/bin/mediaquiz" ] || fail "the installer put no ~/.local/bin/mediaquiz"
echo "ok   mediaquiz-installer.sh (into ~/.local/bin)"
code=0
(cd "$work/home2/classe" && env -i HOME="$work/home2" PATH=/usr/bin:/bin LANG=C.UTF-8 \
  bash -lc 'mediaquiz worksheet') >"$work/out.txt" 2>&1 || code=$?
if [ "$code" -ne 0 ]; then
  cat "$work/out.txt" >&2
  fail "a login shell after the installer: \`mediaquiz worksheet\` exit $code"
fi
[ -s "$work/home2/classe/worksheets/worksheet-A.html" ] || fail "no worksheet from the installed mediaquiz"
echo "ok   login shell: mediaquiz worksheet, found on PATH (exit 0)"

# 6. Summary.
size=$(wc -c <"$out/$archive" | tr -d ' ')
echo "archive: $out/$archive ($((size / 1024)) KiB, $size bytes; checksum ok)"
echo "dist $version: build ${build_secs} s; whole check $(($(date +%s) - started)) s"
