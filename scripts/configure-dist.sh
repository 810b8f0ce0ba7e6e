#!/bin/sh
# Re-bases a built panel in place for where it is deployed, with POSIX sh and coreutils only
# (no Rust toolchain, no node): run it on the web host after copying dist/ there.
#
#   scripts/configure-dist.sh DIST --base-path /ops/panel/ [--api-base URL]
#
#   --base-path PATH  the URL path the panel is served under (/ for a whole host)
#   --api-base URL    where the API is: a same-origin path (/api/v1, the default behind a
#                     reverse proxy) or an absolute URL (https://admin.vps.org/api/v1).
#                     Without it, the api_base already in DIST/config.json is kept.
#
# It sets <base href>, the Content-Security-Policy <meta> (connect-src gains the API's origin
# when the API is on another one), config.json's api_base, and 404.html (a copy of index.html,
# for hosts such as GitHub Pages that serve it for unknown paths). Running it twice with the
# same arguments gives the same files; a bad argument changes nothing.
set -eu

me=configure-dist
fail() {
  printf '%s: %s\n' "$me" "$1" >&2
  exit 2
}
usage() {
  sed -n '5,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

[ $# -ge 1 ] || usage
case $1 in -h | --help) usage ;; -*) fail "the first argument is the built panel's directory, not $1" ;; esac
dist=${1%/}
shift
base_path=
api_base=
while [ $# -gt 0 ]; do
  case $1 in
    --base-path | --api-base)
      [ $# -ge 2 ] || fail "$1 needs a value"
      if [ "$1" = --base-path ]; then base_path=$2; else api_base=$2; fi
      shift 2
      ;;
    --base-path=*) base_path=${1#*=}; shift ;;
    --api-base=*) api_base=${1#*=}; shift ;;
    -h | --help) usage ;;
    *) fail "unknown argument: $1 (see --help)" ;;
  esac
done

[ -n "$base_path" ] || fail "--base-path is required, for example --base-path /ops/panel/ (or / for a whole host)"
[ -f "$dist/index.html" ] || fail "$dist has no index.html: give the directory of a release build (dist/)"
grep -q 'http-equiv="Content-Security-Policy"' "$dist/index.html" ||
  fail "$dist/index.html has no CSP <meta>: build it with scripts/build-release.sh"

# The base path: absolute, made of plain path characters, no empty, . or .. segments.
case $base_path in
  /*) ;;
  *) fail "--base-path must start with /, not $base_path" ;;
esac
case $base_path in */) ;; *) base_path="$base_path/" ;; esac
if printf '%s' "$base_path" | grep -q '[^A-Za-z0-9._~/-]'; then
  fail "--base-path may hold only letters, digits and . _ ~ - /, not $base_path"
fi
case $base_path in
  *//* | */./* | */../*) fail "--base-path must not have empty, . or .. segments: $base_path" ;;
esac

# The API base: given, or the one config.json already holds.
if [ -z "$api_base" ] && [ -f "$dist/config.json" ]; then
  api_base=$(sed -n 's/.*"api_base"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$dist/config.json" | head -n 1)
fi
[ -n "$api_base" ] || api_base=/api/v1
api_base=${api_base%/}
if printf '%s' "$api_base" | grep -q '[^A-Za-z0-9._~/:%-]'; then
  fail "--api-base may hold only URL characters (no spaces, quotes or ;), not $api_base"
fi
case $api_base in
  //*) fail "--api-base must be a path (/api/v1) or an http(s) URL, not $api_base" ;;
  /*) api_origin= ;;
  http://?* | https://?*)
    rest=${api_base#*://}
    host=${rest%%/*}
    [ -n "$host" ] || fail "--api-base has no host: $api_base"
    api_origin="${api_base%%://*}://$host"
    ;;
  *) fail "--api-base must be a path (/api/v1) or an http(s) URL, not $api_base" ;;
esac

connect="'self'"
[ -z "$api_origin" ] || connect="'self' $api_origin"
csp="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src $connect; base-uri 'self'; form-action 'self'"

# Write every file beside its target first; move them into place only when all are written.
tmp_index="$dist/.index.html.configure"
tmp_config="$dist/.config.json.configure"
trap 'rm -f "$tmp_index" "$tmp_config"' EXIT
sed -e "s|<base href=\"[^\"]*\"|<base href=\"$base_path\"|" \
  -e "s|\(<meta http-equiv=\"Content-Security-Policy\" content=\"\)[^\"]*\"|\1$csp\"|" \
  "$dist/index.html" >"$tmp_index"
grep -q "<base href=\"$base_path\"" "$tmp_index" || fail "$dist/index.html has no <base href> to set"
if [ -f "$dist/config.json" ] && grep -q '"api_base"' "$dist/config.json"; then
  sed "s|\"api_base\"[[:space:]]*:[[:space:]]*\"[^\"]*\"|\"api_base\": \"$api_base\"|" "$dist/config.json" >"$tmp_config"
else
  printf '{"api_base": "%s"}\n' "$api_base" >"$tmp_config"
fi

cp "$tmp_index" "$dist/404.html"
mv "$tmp_index" "$dist/index.html"
mv "$tmp_config" "$dist/config.json"
printf '%s: %s serves under %s, API at %s\n' "$me" "$dist" "$base_path" "$api_base"
