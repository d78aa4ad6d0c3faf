// Shared between the sandbox's C files; not part of the Swift-visible API.
#ifndef FERRY_SANDBOX_INTERNAL_H
#define FERRY_SANDBOX_INTERNAL_H

#include <lua.h>
#include <stddef.h>
#include <stdint.h>

/// Library C functions that loop over input call `ferry_charge` once per this many steps.
#define FERRY_STEP_STRIDE 1024

/// Matcher and library steps per charged VM instruction: a step (one pattern position, one
/// element moved) is cheaper than a VM instruction.
#define FERRY_STEPS_PER_INSTRUCTION 8

/// Charges `steps` units of work done inside a C library function against the running call's
/// instruction budget and checks its deadline; raises the budget or deadline error (from C) when
/// either is exhausted, and on every later charge once the call has been stopped. Does nothing
/// outside a limited, enforcing call.
void ferry_charge(lua_State *L, int64_t steps);

/// Bytes the running call may still allocate under its memory cap (SIZE_MAX when uncapped).
size_t ferry_memory_left(lua_State *L);

/// Replaces `find`, `match`, `gmatch`, `gsub` and `rep` in the string library table on top of
/// the stack with versions that charge their work (see strlib.c).
void ferry_open_bounded_string(lua_State *L);

/// Replaces `concat`, `insert`, `remove`, `move`, `sort` and `unpack` in the table library table on
/// top of the stack with versions that charge their work (see tablib.c).
void ferry_open_bounded_table(lua_State *L);

/// Replaces `load` in the global table on top of the stack with a version that parses text chunks
/// only, charging the parse per piece read, and wraps `tonumber` to charge its argument (see baselib.c).
void ferry_open_bounded_load(lua_State *L);

/// Wraps the named C functions of the table on top of the stack so that each call first charges
/// the bytes of its string arguments (for functions whose work is linear in them; see strlib.c).
void ferry_wrap_charged(lua_State *L, const char *const *names);

#endif
