// The table functions that loop inside one C call over a count a script controls (through `#`,
// `__len` or explicit bounds), replaced by versions that charge one step per element: concat,
// insert, remove, move, unpack and sort (a heapsort: O(n log n) comparisons whatever the input or
// comparator). Same arguments, results and error texts as Lua 5.4's.
#include <lauxlib.h>
#include <limits.h>

#include "sandbox_internal.h"

#define TAB_R 1
#define TAB_W 2
#define TAB_L 4

/// Counts steps and charges them once per FERRY_STEP_STRIDE.
typedef struct meter {
    lua_State *L;
    int64_t steps;
} meter;

static void tick(meter *m, int64_t steps) {
    m->steps += steps;
    if (m->steps >= FERRY_STEP_STRIDE) {
        ferry_charge(m->L, m->steps);
        m->steps = 0;
    }
}

static int has_field(lua_State *L, const char *key, int n) {
    lua_pushstring(L, key);
    return lua_rawget(L, -n) != LUA_TNIL;
}

/// Argument `arg` must be a table, or have the metamethods the operation `what` needs.
static void check_table(lua_State *L, int arg, int what) {
    if (lua_type(L, arg) == LUA_TTABLE) return;
    int n = 1;
    if (lua_getmetatable(L, arg) && (!(what & TAB_R) || has_field(L, "__index", ++n)) &&
        (!(what & TAB_W) || has_field(L, "__newindex", ++n)) && (!(what & TAB_L) || has_field(L, "__len", ++n))) {
        lua_pop(L, n);
    } else {
        luaL_checktype(L, arg, LUA_TTABLE);
    }
}

static lua_Integer length_of(lua_State *L, int arg, int what) {
    check_table(L, arg, what | TAB_L);
    return luaL_len(L, arg);
}

static int bounded_insert(lua_State *L) {
    meter m = {L, 0};
    lua_Integer end = (lua_Integer)((lua_Unsigned)length_of(L, 1, TAB_R | TAB_W) + 1u);
    lua_Integer position;
    switch (lua_gettop(L)) {
    case 2:
        position = end;
        break;
    case 3:
        position = luaL_checkinteger(L, 2);
        luaL_argcheck(L, (lua_Unsigned)position - 1u < (lua_Unsigned)end, 2, "position out of bounds");
        for (lua_Integer i = end; i > position; i--) {
            tick(&m, 1);
            lua_geti(L, 1, i - 1);
            lua_seti(L, 1, i);
        }
        break;
    default:
        return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, position);
    ferry_charge(L, m.steps);
    return 0;
}

static int bounded_remove(lua_State *L) {
    meter m = {L, 0};
    lua_Integer size = length_of(L, 1, TAB_R | TAB_W);
    lua_Integer position = luaL_optinteger(L, 2, size);
    if (position != size) {
        luaL_argcheck(L, (lua_Unsigned)position - 1u <= (lua_Unsigned)size, 2, "position out of bounds");
    }
    lua_geti(L, 1, position);
    for (; position < size; position++) {
        tick(&m, 1);
        lua_geti(L, 1, position + 1);
        lua_seti(L, 1, position);
    }
    lua_pushnil(L);
    lua_seti(L, 1, position);
    ferry_charge(L, m.steps);
    return 1;
}

static int bounded_move(lua_State *L) {
    meter m = {L, 0};
    lua_Integer first = luaL_checkinteger(L, 2);
    lua_Integer last = luaL_checkinteger(L, 3);
    lua_Integer target = luaL_checkinteger(L, 4);
    int destination = !lua_isnoneornil(L, 5) ? 5 : 1;
    check_table(L, 1, TAB_R);
    check_table(L, destination, TAB_W);
    if (last >= first) {
        luaL_argcheck(L, first > 0 || last < LUA_MAXINTEGER + first, 3, "too many elements to move");
        lua_Integer count = last - first + 1;
        luaL_argcheck(L, target <= LUA_MAXINTEGER - count + 1, 4, "destination wrap around");
        if (target > last || target <= first || (destination != 1 && !lua_compare(L, 1, destination, LUA_OPEQ))) {
            for (lua_Integer i = 0; i < count; i++) {
                tick(&m, 1);
                lua_geti(L, 1, first + i);
                lua_seti(L, destination, target + i);
            }
        } else {
            for (lua_Integer i = count - 1; i >= 0; i--) {
                tick(&m, 1);
                lua_geti(L, 1, first + i);
                lua_seti(L, destination, target + i);
            }
        }
    }
    ferry_charge(L, m.steps);
    lua_pushvalue(L, destination);
    return 1;
}

static void add_field(lua_State *L, luaL_Buffer *b, lua_Integer i) {
    lua_geti(L, 1, i);
    if (!lua_isstring(L, -1)) {
        luaL_error(L, "invalid value (at index %I) in table for 'concat'", (LUAI_UACINT)i);
    }
    luaL_addvalue(b);
}

static int bounded_concat(lua_State *L) {
    meter m = {L, 0};
    luaL_Buffer b;
    lua_Integer last = length_of(L, 1, TAB_R);
    size_t separator_length;
    const char *separator = luaL_optlstring(L, 2, "", &separator_length);
    lua_Integer i = luaL_optinteger(L, 3, 1);
    last = luaL_optinteger(L, 4, last);
    luaL_buffinit(L, &b);
    for (; i < last; i++) {
        tick(&m, 1);
        add_field(L, &b, i);
        luaL_addlstring(&b, separator, separator_length);
    }
    if (i == last) add_field(L, &b, i);
    ferry_charge(L, m.steps);
    luaL_pushresult(&b);
    return 1;
}

static int bounded_unpack(lua_State *L) {
    meter m = {L, 0};
    lua_Integer i = luaL_optinteger(L, 2, 1);
    lua_Integer end = lua_isnoneornil(L, 3) ? luaL_len(L, 1) : luaL_checkinteger(L, 3);
    if (i > end) return 0;
    lua_Unsigned count = (lua_Unsigned)end - (lua_Unsigned)i;
    if (count >= (unsigned int)INT_MAX || !lua_checkstack(L, (int)(++count))) {
        return luaL_error(L, "too many results to unpack");
    }
    for (; i < end; i++) {
        tick(&m, 1);
        lua_geti(L, 1, i);
    }
    lua_geti(L, 1, end);
    ferry_charge(L, m.steps);
    return (int)count;
}

/// Whether the value at `a` sorts before the one at `b` (absolute indices), with the comparator
/// at index 2 when there is one. Comparing strings charges their length.
static int sort_less(meter *m, int a, int b) {
    lua_State *L = m->L;
    if (lua_isnil(L, 2)) {
        if (lua_type(L, a) == LUA_TSTRING && lua_type(L, b) == LUA_TSTRING) {
            size_t la = lua_rawlen(L, a), lb = lua_rawlen(L, b);
            tick(m, (int64_t)((la < lb ? la : lb) / 64));
        }
        tick(m, 1);
        return lua_compare(L, a, b, LUA_OPLT);
    }
    tick(m, 1);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, a);
    lua_pushvalue(L, b);
    lua_call(L, 2, 1);
    int result = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return result;
}

/// Moves t[root] down the max-heap t[1...end].
static void sift_down(meter *m, lua_Integer root, lua_Integer end) {
    lua_State *L = m->L;
    while (root <= end / 2) {
        lua_Integer child = 2 * root;
        lua_geti(L, 1, child);  // c
        if (child < end) {
            lua_geti(L, 1, child + 1);  // c c+1
            int top = lua_gettop(L);
            if (sort_less(m, top - 1, top)) {
                lua_remove(L, -2);
                child++;
            } else {
                lua_pop(L, 1);
            }
        }
        lua_geti(L, 1, root);  // c r
        int top = lua_gettop(L);
        if (!sort_less(m, top, top - 1)) {
            lua_pop(L, 2);
            return;
        }
        lua_seti(L, 1, child);  // t[child] = r
        lua_seti(L, 1, root);   // t[root] = c
        root = child;
    }
}

static int bounded_sort(lua_State *L) {
    meter m = {L, 0};
    lua_Integer n = length_of(L, 1, TAB_R | TAB_W);
    if (n > 1) {
        luaL_argcheck(L, n < INT_MAX, 1, "array too big");
        if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TFUNCTION);
        lua_settop(L, 2);
        for (lua_Integer start = n / 2; start >= 1; start--) sift_down(&m, start, n);
        for (lua_Integer end = n; end > 1; end--) {
            lua_geti(L, 1, 1);
            lua_geti(L, 1, end);
            lua_seti(L, 1, 1);
            lua_seti(L, 1, end);
            sift_down(&m, 1, end - 1);
        }
    }
    ferry_charge(L, m.steps);
    return 0;
}

void ferry_open_bounded_table(lua_State *L) {
    static const luaL_Reg bounded[] = {
        {"concat", bounded_concat}, {"insert", bounded_insert}, {"remove", bounded_remove}, {"move", bounded_move},
        {"unpack", bounded_unpack}, {"sort", bounded_sort},     {NULL, NULL},
    };
    luaL_setfuncs(L, bounded, 0);
}
