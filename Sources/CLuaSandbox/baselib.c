// `load` for the sandbox: text chunks only, parsed in pieces so that parsing a huge chunk (work done
// inside one C call) is charged and stops at the deadline; and a charged `tonumber`.
#include <lauxlib.h>

#include "sandbox_internal.h"

/// Bytes of the chunk handed to the parser at a time.
#define LOAD_PIECE 4096

typedef struct chunk_reader {
    const char *next;
    size_t left;
} chunk_reader;

static const char *read_piece(lua_State *L, void *data, size_t *size) {
    chunk_reader *reader = data;
    if (reader->left == 0) return NULL;
    ferry_charge(L, LOAD_PIECE);  // raises inside the protected parser: lua_load returns the error
    *size = reader->left < LOAD_PIECE ? reader->left : LOAD_PIECE;
    const char *piece = reader->next;
    reader->next += *size;
    reader->left -= *size;
    return piece;
}

static int bounded_load(lua_State *L) {
    size_t length;
    const char *chunk = lua_tolstring(L, 1, &length);
    luaL_argexpected(L, chunk != NULL, 1, "string");
    const char *name = luaL_optstring(L, 2, chunk);
    const char *mode = luaL_optstring(L, 3, "t");
    int env = !lua_isnone(L, 4) ? 4 : 0;
    chunk_reader reader = {chunk, length};
    int status = lua_load(L, read_piece, &reader, name, mode);
    if (status != LUA_OK) {
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    if (env != 0) {
        lua_pushvalue(L, env);
        if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
    }
    return 1;
}

void ferry_open_bounded_load(lua_State *L) {
    lua_pushcfunction(L, bounded_load);
    lua_setfield(L, -2, "load");
    static const char *const charged[] = {"tonumber", NULL};
    ferry_wrap_charged(L, charged);
}
