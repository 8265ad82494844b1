# Sourced by the benchmark scripts: installs the Debian packages that provide a command when it is missing, reading
# the package lists first when installing fails without them (a fresh machine or container has none).
#   need_debian COMMAND|/PATH PACKAGE...
need_debian() {
  local command=$1; shift
  if [[ $command == /* ]]; then [ -x "$command" ] && return 0; else command -v "$command" >/dev/null && return 0; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$@" >/dev/null 2>&1 && return 0
  apt-get update -qq >/dev/null && apt-get install -y -q "$@" >/dev/null
}
