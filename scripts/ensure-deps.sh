# Sourced by the other scripts: makes sure Debian's development packages Ferry builds against are
# installed: liblua5.4-dev (the hook runtime) and libsqlite3-dev (the local state store, via GRDB).
ferry_apt_install() {
    local sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    echo "ferry: installing $* with apt-get" >&2
    # A fresh machine has empty package lists: apt-get install finds nothing before an update.
    if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e '^lock$' -e '^partial$' -e '^auxfiles$')" ]; then
        $sudo apt-get update -qq
    fi
    if ! $sudo apt-get install -y -qq "$@" >/dev/null; then
        $sudo apt-get update -qq
        $sudo apt-get install -y -qq "$@" >/dev/null
    fi
}
ensure_deps() {
    local missing=()
    command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
    pkg-config --exists lua5.4 2>/dev/null || missing+=(liblua5.4-dev)
    pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
    if [ "${#missing[@]}" -gt 0 ]; then ferry_apt_install "${missing[@]}" pkg-config; fi
}
ensure_deps
