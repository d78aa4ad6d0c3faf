// Ferry's step-counted matcher for Lua 5.4 patterns (internal to CLuaSandbox).
#ifndef FERRY_PATTERN_H
#define FERRY_PATTERN_H

#include <lua.h>
#include <stddef.h>
#include <stdint.h>

/// Captures per pattern (as Lua's LUA_MAXCAPTURES).
#define FERRY_MAX_CAPTURES 32
#define FERRY_CAP_UNFINISHED (-1)
#define FERRY_CAP_POSITION (-2)

/// The state of one match of a pattern against a subject.
typedef struct ferry_matcher {
    lua_State *L;
    const char *src_init;
    const char *src_end;
    const char *p_end;
    int level;
    int depth;
    int64_t steps;  // counted since the last charge
    struct {
        const char *init;
        ptrdiff_t len;
    } capture[FERRY_MAX_CAPTURES];
} ferry_matcher;

/// Prepares a matcher for subject `s` and pattern `p` (both Lua strings, so NUL-terminated).
void ferry_matcher_init(ferry_matcher *m, lua_State *L, const char *s, size_t ls, const char *p, size_t lp);

/// Clears captures and depth before another match attempt.
void ferry_matcher_reset(ferry_matcher *m);

/// Charges the steps counted since the last charge.
void ferry_matcher_finish(ferry_matcher *m);

/// The end of the match of `p` at `s`, or NULL. Raises on a malformed pattern or an exhausted budget.
const char *ferry_matcher_match(ferry_matcher *m, const char *s, const char *p);

/// Pushes capture `i` (or the whole match `s`..`e` when the pattern has no captures).
void ferry_matcher_push_capture(ferry_matcher *m, int i, const char *s, const char *e);

/// Pushes every capture (or the whole match); returns how many values were pushed.
int ferry_matcher_push_captures(ferry_matcher *m, const char *s, const char *e);

/// Whether the pattern uses any special character (else a plain search does the same).
int ferry_pattern_has_specials(const char *p, size_t lp);

#endif
