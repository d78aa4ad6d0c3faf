// Swift-callable wrappers for Lua 5.4's function-like macros.
// Swift cannot import function-like macros, so each one used by Ferry is re-exported here
// as a `static inline` function with the macro's name prefixed by `ferry_`.
#ifndef FERRY_CLUA_SHIM_H
#define FERRY_CLUA_SHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#if LUA_VERSION_NUM != 504
#error "Ferry needs Lua 5.4 (Debian package liblua5.4-dev)"
#endif

static const int ferry_LUA_REGISTRYINDEX = LUA_REGISTRYINDEX;
static const int ferry_LUA_MULTRET = LUA_MULTRET;

static inline int ferry_lua_upvalueindex(int i) { return lua_upvalueindex(i); }

static inline int ferry_lua_pcall(lua_State *L, int nargs, int nresults, int msgh) {
    return lua_pcall(L, nargs, nresults, msgh);
}

static inline void ferry_lua_pop(lua_State *L, int n) { lua_pop(L, n); }

static inline void ferry_lua_newtable(lua_State *L) { lua_newtable(L); }

static inline const char *ferry_lua_tostring(lua_State *L, int index) { return lua_tostring(L, index); }

static inline int ferry_lua_isnil(lua_State *L, int index) { return lua_isnil(L, index); }

static inline int ferry_lua_istable(lua_State *L, int index) { return lua_istable(L, index); }

static inline int ferry_lua_isfunction(lua_State *L, int index) { return lua_isfunction(L, index); }

static inline lua_Number ferry_lua_tonumber(lua_State *L, int index) { return lua_tonumber(L, index); }

static inline lua_Integer ferry_lua_tointeger(lua_State *L, int index) { return lua_tointeger(L, index); }

static inline void ferry_lua_pushcfunction(lua_State *L, lua_CFunction f) { lua_pushcfunction(L, f); }

static inline void ferry_lua_register(lua_State *L, const char *name, lua_CFunction f) { lua_register(L, name, f); }

static inline void ferry_lua_insert(lua_State *L, int index) { lua_insert(L, index); }

static inline void ferry_lua_remove(lua_State *L, int index) { lua_remove(L, index); }

static inline void ferry_lua_replace(lua_State *L, int index) { lua_replace(L, index); }

static inline int ferry_luaL_loadbuffer(lua_State *L, const char *buffer, size_t size, const char *name) {
    return luaL_loadbuffer(L, buffer, size, name);
}

#endif
