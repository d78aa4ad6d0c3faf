// The string functions whose work Lua does inside one C call, replaced by versions that charge it:
// find, match, gmatch, gsub (on the step-counted matcher) and rep (filled by doubling, with the
// empty result answered at once). Every other string function is wrapped to charge the bytes of
// its string arguments. Same arguments, results and error texts as Lua 5.4's.
#define _GNU_SOURCE
#include <lauxlib.h>
#include <string.h>

#include "pattern.h"
#include "sandbox_internal.h"

/// Lua's relative string position: negative counts from the end; clipped to 1 below.
static size_t start_position(lua_Integer position, size_t length) {
    if (position > 0) return (size_t)position;
    if (position == 0) return 1;
    if (position < -(lua_Integer)length) return 1;
    return length + (size_t)position + 1;
}

static int find_or_match(lua_State *L, int find) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_position(luaL_optinteger(L, 3, 1), ls) - 1;
    if (init > ls) {
        luaL_pushfail(L);
        return 1;
    }
    if (find && (lua_toboolean(L, 4) || !ferry_pattern_has_specials(p, lp))) {
        ferry_charge(L, (int64_t)(ls - init) / 16 + 1);  // memmem is linear in the subject
        const char *found = lp == 0 ? s + init : memmem(s + init, ls - init, p, lp);
        if (found == NULL) {
            luaL_pushfail(L);
            return 1;
        }
        lua_pushinteger(L, (lua_Integer)(found - s) + 1);
        lua_pushinteger(L, (lua_Integer)(found - s + lp));
        return 2;
    }
    ferry_matcher m;
    const char *start = s + init;
    int anchored = lp > 0 && *p == '^';
    if (anchored) {
        p++;
        lp--;
    }
    ferry_matcher_init(&m, L, s, ls, p, lp);
    do {
        ferry_matcher_reset(&m);
        const char *end = ferry_matcher_match(&m, start, p);
        if (end != NULL) {
            ferry_matcher_finish(&m);
            if (!find) return ferry_matcher_push_captures(&m, start, end);
            lua_pushinteger(L, (lua_Integer)(start - s) + 1);
            lua_pushinteger(L, (lua_Integer)(end - s));
            return ferry_matcher_push_captures(&m, NULL, NULL) + 2;
        }
    } while (start++ < m.src_end && !anchored);
    ferry_matcher_finish(&m);
    luaL_pushfail(L);
    return 1;
}

static int bounded_find(lua_State *L) { return find_or_match(L, 1); }

static int bounded_match(lua_State *L) { return find_or_match(L, 0); }

/// Where a gmatch iterator resumes; offsets into the subject (SIZE_MAX: no match yet).
typedef struct gmatch_position {
    size_t next;
    size_t last_match;
} gmatch_position;

static int gmatch_step(lua_State *L) {
    size_t ls, lp;
    const char *s = lua_tolstring(L, lua_upvalueindex(1), &ls);
    const char *p = lua_tolstring(L, lua_upvalueindex(2), &lp);
    gmatch_position *position = lua_touserdata(L, lua_upvalueindex(3));
    ferry_matcher m;
    ferry_matcher_init(&m, L, s, ls, p, lp);
    for (size_t offset = position->next; offset <= ls; offset++) {
        ferry_matcher_reset(&m);
        const char *end = ferry_matcher_match(&m, s + offset, p);
        if (end != NULL && (size_t)(end - s) != position->last_match) {
            position->next = position->last_match = (size_t)(end - s);
            ferry_matcher_finish(&m);
            return ferry_matcher_push_captures(&m, s + offset, end);
        }
    }
    position->next = ls + 1;  // exhausted: later calls return nothing at once
    ferry_matcher_finish(&m);
    return 0;
}

static int bounded_gmatch(lua_State *L) {
    size_t ls;
    luaL_checklstring(L, 1, &ls);
    luaL_checkstring(L, 2);
    size_t init = start_position(luaL_optinteger(L, 3, 1), ls) - 1;
    lua_settop(L, 2);
    gmatch_position *position = lua_newuserdatauv(L, sizeof *position, 0);
    position->next = init > ls ? ls + 1 : init;
    position->last_match = SIZE_MAX;
    lua_pushcclosure(L, gmatch_step, 3);
    return 1;
}

/// Appends a string replacement, expanding %0-%9 and %%.
static void add_string_replacement(ferry_matcher *m, luaL_Buffer *b, const char *s, const char *e) {
    lua_State *L = m->L;
    size_t length;
    const char *text = lua_tolstring(L, 3, &length);
    const char *end = text + length;
    ferry_charge(L, (int64_t)length / 16);
    for (const char *escape; (escape = memchr(text, '%', (size_t)(end - text))) != NULL; text = escape + 2) {
        luaL_addlstring(b, text, (size_t)(escape - text));
        char c = *(escape + 1);
        if (c == '%') {
            luaL_addchar(b, '%');
        } else if (c >= '0' && c <= '9') {
            if (c == '0') {
                luaL_addlstring(b, s, (size_t)(e - s));
            } else {
                ferry_matcher_push_capture(m, c - '1', s, e);
                luaL_tolstring(L, -1, NULL);
                lua_remove(L, -2);
                luaL_addvalue(b);
            }
        } else {
            luaL_error(L, "invalid use of '%c' in replacement string", '%');
        }
    }
    luaL_addlstring(b, text, (size_t)(end - text));
}

/// Appends the replacement of the match `s`..`e` (from a string, table or function).
static void add_replacement(ferry_matcher *m, luaL_Buffer *b, const char *s, const char *e, int type) {
    lua_State *L = m->L;
    if (type == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        int count = ferry_matcher_push_captures(m, s, e);
        lua_call(L, count, 1);
    } else if (type == LUA_TTABLE) {
        ferry_matcher_push_capture(m, 0, s, e);
        lua_gettable(L, 3);
    } else {
        add_string_replacement(m, b, s, e);
        return;
    }
    if (!lua_toboolean(L, -1)) {  // nil or false: keep the original text
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
    } else if (!lua_isstring(L, -1)) {
        luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    } else {
        luaL_addvalue(b);
    }
}

static int bounded_gsub(lua_State *L) {
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    int type = lua_type(L, 3);
    lua_Integer limit = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
    luaL_argexpected(L, type == LUA_TNUMBER || type == LUA_TSTRING || type == LUA_TFUNCTION || type == LUA_TTABLE, 3,
                     "string/function/table");
    int anchored = lp > 0 && *p == '^';
    if (anchored) {
        p++;
        lp--;
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    ferry_matcher m;
    ferry_matcher_init(&m, L, s, ls, p, lp);
    const char *src = s, *last_match = NULL;
    lua_Integer count = 0;
    while (count < limit) {
        ferry_matcher_reset(&m);
        const char *end = ferry_matcher_match(&m, src, p);
        if (end != NULL && end != last_match) {
            count++;
            add_replacement(&m, &b, src, end, type);
            src = last_match = end;
        } else if (src < m.src_end) {
            luaL_addchar(&b, *src++);
        } else {
            break;
        }
        if (anchored) break;
    }
    ferry_matcher_finish(&m);
    luaL_addlstring(&b, src, (size_t)(m.src_end - src));
    luaL_pushresult(&b);
    lua_pushinteger(L, count);
    return 2;
}

/// string.rep filled by doubling copies: the work is the result's size, which the memory cap bounds.
static int bounded_rep(lua_State *L) {
    size_t l, lsep;
    const char *s = luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    const char *sep = luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || l + lsep == 0) {  // Lua itself would loop n times to build ""
        lua_pushliteral(L, "");
        return 1;
    }
    size_t unit = l + lsep;
    if (unit < l || (lua_Unsigned)n > (SIZE_MAX - lsep) / unit) return luaL_error(L, "resulting string too large");
    size_t total = (size_t)n * unit - lsep;
    ferry_charge(L, (int64_t)(total / 64));
    luaL_Buffer b;
    char *out = luaL_buffinitsize(L, &b, total);
    memcpy(out, s, l);
    if (total > l) memcpy(out + l, sep, lsep);
    size_t filled = total < unit ? total : unit;
    while (filled < total) {  // out[0..<filled] is whole units: copy it after itself
        size_t chunk = filled < total - filled ? filled : total - filled;
        memcpy(out + filled, out, chunk);
        filled += chunk;
    }
    luaL_pushresultsize(&b, total);
    return 1;
}

/// Calls the wrapped library function (upvalue 1) after charging the bytes of its string arguments.
static int charged_call(lua_State *L) {
    int nargs = lua_gettop(L);
    int64_t bytes = 0;
    for (int i = 1; i <= nargs; i++) {
        if (lua_type(L, i) == LUA_TSTRING) bytes += (int64_t)lua_rawlen(L, i);
    }
    ferry_charge(L, bytes / 16 + 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, nargs, LUA_MULTRET);
    return lua_gettop(L);
}

void ferry_wrap_charged(lua_State *L, const char *const *names) {
    for (; *names != NULL; names++) {
        if (lua_getfield(L, -1, *names) == LUA_TFUNCTION) {
            lua_pushcclosure(L, charged_call, 1);
            lua_setfield(L, -2, *names);
        } else {
            lua_pop(L, 1);
        }
    }
}

void ferry_open_bounded_string(lua_State *L) {
    static const char *const charged[] = {"byte", "char", "unpack", NULL};
    ferry_wrap_charged(L, charged);
    static const luaL_Reg bounded[] = {
        {"find", bounded_find}, {"match", bounded_match}, {"gmatch", bounded_gmatch},
        {"gsub", bounded_gsub}, {"rep", bounded_rep},     {NULL, NULL},
    };
    luaL_setfuncs(L, bounded, 0);
}
