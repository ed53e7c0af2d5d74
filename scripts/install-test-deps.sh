#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK, from Debian's packages, only when it is missing:
#   PostgreSQL server binaries (the tests start a throwaway server), the DejaVu font (charts draw their text with it),
#   Prometheus + promtool (a real Prometheus scrapes the service; rules are unit-tested) and docker-compose (to
#   validate docker-compose.yml offline) and Chromium (browser scenarios drive it through Playwright; about 2 minutes to
#   install). Needs root for apt-get; without root it only reports what is missing.
set -euo pipefail

packages=()
ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1 || command -v initdb > /dev/null 2>&1 || packages+=(postgresql-15 postgresql-client-15)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)
command -v prometheus > /dev/null 2>&1 && command -v promtool > /dev/null 2>&1 || packages+=(prometheus)
command -v docker-compose > /dev/null 2>&1 || packages+=(docker-compose)
[ -x /usr/bin/chromium ] || packages+=(chromium)

if ((${#packages[@]} == 0)); then
  echo "test dependencies: all present"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "test dependencies missing: ${packages[*]}" >&2
  echo "install them as root: apt-get install -y --no-install-recommends ${packages[*]}" >&2
  exit 1
fi
echo "installing test dependencies: ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" > /dev/null
# Debian's prometheus package would start a system service on some images; the tests start their own.
systemctl disable --now prometheus > /dev/null 2>&1 || true
echo "test dependencies: installed"
