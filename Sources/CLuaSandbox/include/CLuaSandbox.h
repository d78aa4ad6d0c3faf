// The C half of Ferry's Lua sandbox: everything that may raise a Lua error (and so `longjmp`)
// lives here, never in Swift. Swift only calls the functions below and Lua's non-raising API.
#ifndef FERRY_CLUA_SANDBOX_H
#define FERRY_CLUA_SANDBOX_H

#include <lua.h>
#include <stddef.h>
#include <stdint.h>

/// Why the sandbox stopped the last protected call, if it did.
typedef enum ferry_sandbox_stop {
    FERRY_STOP_NONE = 0,
    /// The call ran more VM instructions than its budget.
    FERRY_STOP_INSTRUCTIONS = 1,
    /// The call ran past its wall-clock deadline.
    FERRY_STOP_DEADLINE = 2,
} ferry_sandbox_stop;

/// A host function implemented in Swift. The trampoline has already converted every argument to a
/// string in place (stack slots 1...nargs). The callback must only read the stack with non-raising
/// functions, must not push or allocate, and returns 0 on success or non-zero after
/// `ferry_sandbox_host_error` — the trampoline then raises the Lua error from C.
typedef int (*ferry_host_callback)(void *context, lua_State *L, int function_id, const char *tag, int nargs);

/// One sandboxed Lua state with its allocator and limits. Opaque to Swift.
typedef struct ferry_sandbox ferry_sandbox;

/// Opens a state with the allow-listed libraries (base, string, table, math, utf8, os). The string
/// and table functions that loop inside C, and `load`, are replaced by versions that charge their
/// work to the running call, so a call stops at its deadline even inside them.
/// `limited` non-zero installs the counting allocator and the instruction/deadline hook.
/// Returns NULL when the state cannot be created.
ferry_sandbox *ferry_sandbox_open(int limited, size_t memory_limit);

/// Closes the state and frees the sandbox.
void ferry_sandbox_close(ferry_sandbox *sandbox);

/// The Lua state owned by the sandbox.
lua_State *ferry_sandbox_state(ferry_sandbox *sandbox);

/// Bytes the state currently holds (0 for an unlimited sandbox, which does not count).
size_t ferry_sandbox_memory_used(const ferry_sandbox *sandbox);

/// Installs the Swift callback behind every host function.
void ferry_sandbox_set_host(ferry_sandbox *sandbox, ferry_host_callback callback, void *context);

/// Pushes a host function: a C closure over (function_id, tag) that calls the host callback.
void ferry_sandbox_push_host_function(ferry_sandbox *sandbox, int function_id, const char *tag);

/// Records the message the trampoline raises when a host callback returns non-zero.
void ferry_sandbox_host_error(lua_State *L, const char *message);

/// Calls the function below `nargs` arguments on the stack, protected, with an instruction budget
/// and a deadline (0 = none) and the memory cap enforced. Returns the lua_pcall status; on error
/// the message (always a string) is on top of the stack.
int ferry_sandbox_pcall(ferry_sandbox *sandbox, int nargs, int nresults, int64_t instructions, int64_t deadline_ns);

/// Why the sandbox stopped the last `ferry_sandbox_pcall`, or FERRY_STOP_NONE.
ferry_sandbox_stop ferry_sandbox_last_stop(const ferry_sandbox *sandbox);

/// The line of the innermost Lua frame when the last call failed, or 0 when unknown.
int ferry_sandbox_last_error_line(const ferry_sandbox *sandbox);

/// The chunk name (short_src) of that frame, or "" when unknown.
const char *ferry_sandbox_last_error_source(const ferry_sandbox *sandbox);

/// Runs a full garbage collection, protected and under the given budget. Returns a lua_pcall status.
int ferry_sandbox_collect(ferry_sandbox *sandbox, int64_t instructions, int64_t deadline_ns);

#endif
