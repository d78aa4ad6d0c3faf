# Sourced by the other scripts: makes sure Debian's liblua5.4-dev is installed.
ensure_lua() {
    if pkg-config --exists lua5.4 2>/dev/null; then return 0; fi
    echo "ferry: installing liblua5.4-dev (Lua 5.4 headers and library)" >&2
    local sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    # A fresh machine has empty package lists: apt-get install finds nothing before an update.
    if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e '^lock$' -e '^partial$' -e '^auxfiles$')" ]; then
        $sudo apt-get update -qq
    fi
    if ! $sudo apt-get install -y -qq liblua5.4-dev pkg-config >/dev/null; then
        $sudo apt-get update -qq
        $sudo apt-get install -y -qq liblua5.4-dev pkg-config >/dev/null
    fi
}
ensure_lua
