// Ferry's Lua sandbox: counting allocator, instruction/deadline hook, host trampoline and the
// protected-call wrapper. See include/CLuaSandbox.h for the contract.
#include "CLuaSandbox.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sandbox_internal.h"

/// The hook runs every this many VM instructions; the budget is charged in these steps. Small
/// enough that even instructions costing a largest-string's work (comparing or coercing strings
/// of FERRY_MAX_STRING bytes) cannot run long between two deadline checks.
#define FERRY_HOOK_STRIDE 100

/// The largest string a limited call may create: bounds the work of one VM instruction.
#define FERRY_MAX_STRING ((size_t)1 << 20)

/// The allocator checks the deadline each time this many bytes have been allocated: C functions
/// that build strings or tables cannot outrun the deadline by more than this much work.
#define FERRY_ALLOCATION_STRIDE ((size_t)1 << 20)

struct ferry_sandbox {
    lua_State *L;
    int limited;
    size_t memory_used;
    size_t memory_limit;      // 0 = no cap
    int enforcing;            // the cap and the hook only bite inside ferry_sandbox_pcall
    int64_t instructions_left;
    int64_t deadline;         // CLOCK_MONOTONIC ns; 0 = none
    size_t allocated;         // bytes allocated since the allocator last checked the deadline
    ferry_sandbox_stop stop;
    int error_line;
    char error_source[LUA_IDSIZE];
    ferry_host_callback host;
    void *host_context;
    char host_error[512];
};

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static ferry_sandbox *sandbox_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (ferry_sandbox *)ud;
}

/// `now + delta` for a positive delta, saturating at INT64_MAX instead of overflowing.
static int64_t deadline_after(int64_t delta) {
    int64_t now = now_ns();
    return delta > INT64_MAX - now ? INT64_MAX : now + delta;
}

static void budget_hook(lua_State *L, lua_Debug *ar);

/// Records the stop and makes the next VM instruction raise (safe from any point on the state's thread).
static void stop_call(ferry_sandbox *sb, ferry_sandbox_stop why) {
    sb->stop = why;
    lua_sethook(sb->L, budget_hook, LUA_MASKCOUNT, 1);
}

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    ferry_sandbox *sb = (ferry_sandbox *)ud;
    size_t old = ptr != NULL ? osize : 0;  // with ptr == NULL, osize encodes the object type
    if (nsize == 0) {
        free(ptr);
        sb->memory_used -= old;
        return NULL;
    }
    if (nsize > old && sb->enforcing) {
        if (sb->memory_limit != 0 && sb->memory_used - old + nsize > sb->memory_limit) {
            return NULL;  // Lua collects garbage, retries, then raises "not enough memory"
        }
        if (ptr == NULL && (osize & 0x0f) == LUA_TSTRING && nsize > FERRY_MAX_STRING) return NULL;
        sb->allocated += nsize - old;
        if (sb->allocated >= FERRY_ALLOCATION_STRIDE) {
            sb->allocated = 0;
            if (sb->stop == FERRY_STOP_NONE && sb->deadline != 0 && now_ns() > sb->deadline) {
                stop_call(sb, FERRY_STOP_DEADLINE);
            }
        }
    }
    void *block = realloc(ptr, nsize);
    if (block != NULL) sb->memory_used = sb->memory_used - old + nsize;
    return block;
}

static void *plain_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, nsize);
}

static void silent_warning(void *ud, const char *message, int tocont) {
    (void)ud;
    (void)message;
    (void)tocont;
}

static const char *stop_text(ferry_sandbox_stop stop) {
    return stop == FERRY_STOP_INSTRUCTIONS ? "instruction budget exceeded" : "deadline exceeded";
}

static void budget_hook(lua_State *L, lua_Debug *ar) {
    ferry_sandbox *sb = sandbox_of(L);
    if (!sb->enforcing) return;
    if (sb->stop == FERRY_STOP_NONE) {
        sb->instructions_left -= FERRY_HOOK_STRIDE;
        if (sb->instructions_left < 0) {
            sb->stop = FERRY_STOP_INSTRUCTIONS;
        } else if (sb->deadline != 0 && now_ns() > sb->deadline) {
            sb->stop = FERRY_STOP_DEADLINE;
        } else {
            return;
        }
        // Once stopped, raise on every instruction so a script's own pcall cannot keep it alive.
        stop_call(sb, sb->stop);
    }
    lua_getinfo(L, "Sl", ar);
    lua_pushfstring(L, "%s:%d: %s", ar->short_src, ar->currentline, stop_text(sb->stop));
    lua_error(L);
}

void ferry_charge(lua_State *L, int64_t steps) {
    ferry_sandbox *sb = sandbox_of(L);
    if (!sb->limited || !sb->enforcing) return;
    if (sb->stop == FERRY_STOP_NONE) {
        int64_t instructions = steps / FERRY_STEPS_PER_INSTRUCTION;
        sb->instructions_left = instructions > sb->instructions_left ? -1 : sb->instructions_left - instructions;
        if (sb->instructions_left < 0) {
            stop_call(sb, FERRY_STOP_INSTRUCTIONS);
        } else if (sb->deadline != 0 && now_ns() > sb->deadline) {
            stop_call(sb, FERRY_STOP_DEADLINE);
        } else {
            return;
        }
    }
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {  // name the innermost Lua line
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: %s", ar.short_src, ar.currentline, stop_text(sb->stop));
            lua_error(L);
        }
    }
    lua_pushstring(L, stop_text(sb->stop));
    lua_error(L);
}

size_t ferry_memory_left(lua_State *L) {
    ferry_sandbox *sb = sandbox_of(L);
    if (!sb->enforcing || sb->memory_limit == 0) return SIZE_MAX;
    return sb->memory_used < sb->memory_limit ? sb->memory_limit - sb->memory_used : 0;
}

static int message_handler(lua_State *L) {
    ferry_sandbox *sb = sandbox_of(L);
    lua_Debug ar;
    sb->error_line = 0;
    sb->error_source[0] = '\0';
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0) {
            sb->error_line = ar.currentline;
            strncpy(sb->error_source, ar.short_src, sizeof sb->error_source - 1);
            sb->error_source[sizeof sb->error_source - 1] = '\0';
            break;
        }
    }
    if (lua_type(L, 1) != LUA_TSTRING) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    return 1;
}

static int host_trampoline(lua_State *L) {
    ferry_sandbox *sb = sandbox_of(L);
    int function_id = (int)lua_tointeger(L, lua_upvalueindex(1));
    const char *tag = lua_tostring(L, lua_upvalueindex(2));
    int nargs = lua_gettop(L);
    for (int i = 1; i <= nargs; i++) {
        luaL_tolstring(L, i, NULL);
        lua_replace(L, i);
    }
    sb->host_error[0] = '\0';
    if (sb->host == NULL || sb->host(sb->host_context, L, function_id, tag, nargs) != 0) {
        return luaL_error(L, "%s", sb->host_error[0] != '\0' ? sb->host_error : "host function failed");
    }
    return 0;
}

ferry_sandbox *ferry_sandbox_open(int limited, size_t memory_limit) {
    ferry_sandbox *sb = calloc(1, sizeof *sb);
    if (sb == NULL) return NULL;
    sb->limited = limited;
    sb->memory_limit = limited ? memory_limit : 0;
    sb->L = lua_newstate(limited ? counting_alloc : plain_alloc, sb);
    if (sb->L == NULL) {
        free(sb);
        return NULL;
    }
    lua_setwarnf(sb->L, silent_warning, NULL);
    static const char *const charged_utf8[] = {"char", "codepoint", "len", "offset", NULL};
    static const luaL_Reg libraries[] = {
        {LUA_GNAME, luaopen_base},     {LUA_STRLIBNAME, luaopen_string}, {LUA_TABLIBNAME, luaopen_table},
        {LUA_MATHLIBNAME, luaopen_math}, {LUA_UTF8LIBNAME, luaopen_utf8}, {LUA_OSLIBNAME, luaopen_os},
    };
    for (size_t i = 0; i < sizeof libraries / sizeof libraries[0]; i++) {
        luaL_requiref(sb->L, libraries[i].name, libraries[i].func, 1);
        if (libraries[i].func == luaopen_string) ferry_open_bounded_string(sb->L);
        if (libraries[i].func == luaopen_table) ferry_open_bounded_table(sb->L);
        if (libraries[i].func == luaopen_utf8) ferry_wrap_charged(sb->L, charged_utf8);
        if (libraries[i].func == luaopen_base) ferry_open_bounded_load(sb->L);
        lua_pop(sb->L, 1);
    }
    return sb;
}

void ferry_sandbox_close(ferry_sandbox *sb) {
    if (sb == NULL) return;
    lua_close(sb->L);
    free(sb);
}

lua_State *ferry_sandbox_state(ferry_sandbox *sb) { return sb->L; }

size_t ferry_sandbox_memory_used(const ferry_sandbox *sb) { return sb->memory_used; }

void ferry_sandbox_set_host(ferry_sandbox *sb, ferry_host_callback callback, void *context) {
    sb->host = callback;
    sb->host_context = context;
}

void ferry_sandbox_push_host_function(ferry_sandbox *sb, int function_id, const char *tag) {
    lua_pushinteger(sb->L, function_id);
    lua_pushstring(sb->L, tag);
    lua_pushcclosure(sb->L, host_trampoline, 2);
}

void ferry_sandbox_host_error(lua_State *L, const char *message) {
    ferry_sandbox *sb = sandbox_of(L);
    strncpy(sb->host_error, message, sizeof sb->host_error - 1);
    sb->host_error[sizeof sb->host_error - 1] = '\0';
}

int ferry_sandbox_pcall(ferry_sandbox *sb, int nargs, int nresults, int64_t instructions, int64_t deadline_ns) {
    lua_State *L = sb->L;
    int handler = lua_gettop(L) - nargs;  // where the function sits; the handler goes below it
    lua_pushcfunction(L, message_handler);
    lua_insert(L, handler);
    sb->stop = FERRY_STOP_NONE;
    sb->error_line = 0;
    sb->error_source[0] = '\0';
    if (sb->limited) {
        sb->instructions_left = instructions > 0 ? instructions : INT64_MAX;
        sb->deadline = deadline_ns > 0 ? deadline_after(deadline_ns) : 0;
        sb->allocated = 0;
        sb->enforcing = 1;
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, FERRY_HOOK_STRIDE);  // also resets the count
    }
    int status = lua_pcall(L, nargs, nresults, handler);
    sb->enforcing = 0;
    lua_remove(L, handler);
    if (status != LUA_OK && lua_type(L, -1) != LUA_TSTRING) {
        lua_pop(L, 1);
        lua_pushliteral(L, "(error object is not a string)");
    }
    return status;
}

ferry_sandbox_stop ferry_sandbox_last_stop(const ferry_sandbox *sb) { return sb->stop; }

int ferry_sandbox_last_error_line(const ferry_sandbox *sb) { return sb->error_line; }

const char *ferry_sandbox_last_error_source(const ferry_sandbox *sb) { return sb->error_source; }

static int full_collect(lua_State *L) {
    lua_gc(L, LUA_GCCOLLECT);
    return 0;
}

int ferry_sandbox_collect(ferry_sandbox *sb, int64_t instructions, int64_t deadline_ns) {
    lua_pushcfunction(sb->L, full_collect);
    int status = ferry_sandbox_pcall(sb, 0, 0, instructions, deadline_ns);
    if (status != LUA_OK) lua_pop(sb->L, 1);
    return status;
}
